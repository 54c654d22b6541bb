-- report_daily_sales: one row per business date with anything to report (GET /api/reports/daily-sales).
-- Adds up what was stored when orders and payments were written; no tax, discount or time zone
-- arithmetic here. A sale is an order in status submitted, ready or completed (never open,
-- pending or cancelled), counted on its business_date; payments, tips and refunds count on the
-- business date on which they happened (their own business_date column).
--   business_date      the cafe's trading day (DATE)
--   orders             number of sales
--   items_sold         Σ quantity of the sales' lines (order_lines.sale_business_date: the
--                      order's business date while it is a sale, kept by the order service)
--   gross_sales_cents  Σ subtotal_cents of the sales (line totals before discount)
--   discounts_cents    Σ discount_cents of the sales
--   net_sales_cents    gross_sales_cents − discounts_cents
--   tax_cents          Σ tax_cents of the sales, as the pricing function stored it
--   total_cents        Σ total_cents of the sales
--   tips_cents         Σ tip_cents of the payments taken that day
--   refunds_cents      Σ amount_cents of the refunds made that day (whatever day the sale was)
--   collected_cents    Σ payment amount_cents + tips_cents − refunds_cents, that day
-- Every amount is a whole number of cents (BIGINT). Definer's rights: the read-only account
-- pos_report reads the view without any grant on the tables below.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_daily_sales AS
SELECT parts.business_date,
       CAST(SUM(parts.orders) AS SIGNED)                             AS orders,
       CAST(SUM(parts.items_sold) AS SIGNED)                         AS items_sold,
       CAST(SUM(parts.gross) AS SIGNED)                              AS gross_sales_cents,
       CAST(SUM(parts.discounts) AS SIGNED)                          AS discounts_cents,
       CAST(SUM(parts.gross) - SUM(parts.discounts) AS SIGNED)       AS net_sales_cents,
       CAST(SUM(parts.tax) AS SIGNED)                                AS tax_cents,
       CAST(SUM(parts.total) AS SIGNED)                              AS total_cents,
       CAST(SUM(parts.tips) AS SIGNED)                               AS tips_cents,
       CAST(SUM(parts.refunds) AS SIGNED)                            AS refunds_cents,
       CAST(SUM(parts.paid) + SUM(parts.tips) - SUM(parts.refunds) AS SIGNED) AS collected_cents
FROM (
    SELECT o.business_date, COUNT(*) AS orders, 0 AS items_sold, SUM(o.subtotal_cents) AS gross,
           SUM(o.discount_cents) AS discounts, SUM(o.tax_cents) AS tax, SUM(o.total_cents) AS total,
           0 AS paid, 0 AS tips, 0 AS refunds
    FROM orders o
    WHERE o.status IN ('submitted', 'ready', 'completed')
    GROUP BY o.business_date
    UNION ALL
    SELECT l.sale_business_date, 0, SUM(l.quantity), 0, 0, 0, 0, 0, 0, 0
    FROM order_lines l
    WHERE l.sale_business_date IS NOT NULL
    GROUP BY l.sale_business_date
    UNION ALL
    SELECT p.business_date, 0, 0, 0, 0, 0, 0, SUM(p.amount_cents), SUM(p.tip_cents), 0
    FROM payments p
    WHERE p.business_date IS NOT NULL
    GROUP BY p.business_date
    UNION ALL
    SELECT r.business_date, 0, 0, 0, 0, 0, 0, 0, 0, SUM(r.amount_cents)
    FROM refunds r
    WHERE r.business_date IS NOT NULL
    GROUP BY r.business_date
) parts
GROUP BY parts.business_date;
