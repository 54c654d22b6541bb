-- report_payment_mix: one row per business date and payment method with payments or refunds
-- that day (GET /api/reports/payment-mix). Payments and refunds count on the business date on
-- which they happened.
--   business_date  the business day of the payments and refunds (DATE)
--   method         'cash' or 'card'
--   payments       number of payments taken
--   amount_cents   Σ amount_cents of those payments (tips apart)
--   tips_cents     Σ tip_cents of those payments
--   refunds_cents  Σ amount_cents of the refunds made that day of payments of this method
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_payment_mix AS
SELECT parts.business_date,
       parts.method,
       CAST(SUM(parts.payments) AS SIGNED)  AS payments,
       CAST(SUM(parts.amount) AS SIGNED)    AS amount_cents,
       CAST(SUM(parts.tips) AS SIGNED)      AS tips_cents,
       CAST(SUM(parts.refunds) AS SIGNED)   AS refunds_cents
FROM (
    SELECT p.business_date, p.method, COUNT(*) AS payments, SUM(p.amount_cents) AS amount,
           SUM(p.tip_cents) AS tips, 0 AS refunds
    FROM payments p
    WHERE p.business_date IS NOT NULL
    GROUP BY p.business_date, p.method
    UNION ALL
    SELECT r.business_date, p.method, 0, 0, 0, SUM(r.amount_cents)
    FROM refunds r JOIN payments p ON p.id = r.payment_id
    WHERE r.business_date IS NOT NULL
    GROUP BY r.business_date, p.method
) parts
GROUP BY parts.business_date, parts.method;
