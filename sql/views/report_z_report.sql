-- report_z_report: the day's Z report, one row per business date with anything to report
-- (GET /api/reports/z-report?date=): every column of report_daily_sales (same meaning, same
-- numbers) plus
--   cash_cents            Σ cash payment amount_cents + their tips − refunds of cash payments, that
--                         day: the cash the day's sales put in the drawers
--   card_cents            the same for card; cash_cents + card_cents = collected_cents
--   cash_movements_cents  Σ cash movements that day (cash in > 0, cash out < 0)
--   shifts                number of the day's shifts that are closed (shifts.business_date: the
--                         day a shift was opened on)
--   over_short_cents      Σ over_short_cents of those shifts (counted − expected cash)
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_z_report AS
SELECT parts.business_date,
       CAST(SUM(parts.orders) AS SIGNED)               AS orders,
       CAST(SUM(parts.items_sold) AS SIGNED)           AS items_sold,
       CAST(SUM(parts.gross_sales_cents) AS SIGNED)    AS gross_sales_cents,
       CAST(SUM(parts.discounts_cents) AS SIGNED)      AS discounts_cents,
       CAST(SUM(parts.net_sales_cents) AS SIGNED)      AS net_sales_cents,
       CAST(SUM(parts.tax_cents) AS SIGNED)            AS tax_cents,
       CAST(SUM(parts.total_cents) AS SIGNED)          AS total_cents,
       CAST(SUM(parts.tips_cents) AS SIGNED)           AS tips_cents,
       CAST(SUM(parts.refunds_cents) AS SIGNED)        AS refunds_cents,
       CAST(SUM(parts.collected_cents) AS SIGNED)      AS collected_cents,
       CAST(SUM(parts.cash_cents) AS SIGNED)           AS cash_cents,
       CAST(SUM(parts.card_cents) AS SIGNED)           AS card_cents,
       CAST(SUM(parts.cash_movements_cents) AS SIGNED) AS cash_movements_cents,
       CAST(SUM(parts.shifts) AS SIGNED)               AS shifts,
       CAST(SUM(parts.over_short_cents) AS SIGNED)     AS over_short_cents
FROM (
    SELECT d.business_date, d.orders, d.items_sold, d.gross_sales_cents, d.discounts_cents, d.net_sales_cents,
           d.tax_cents, d.total_cents, d.tips_cents, d.refunds_cents, d.collected_cents,
           0 AS cash_cents, 0 AS card_cents, 0 AS cash_movements_cents, 0 AS shifts, 0 AS over_short_cents
    FROM report_daily_sales d
    UNION ALL
    SELECT m.business_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN m.method = 'cash' THEN m.amount_cents + m.tips_cents - m.refunds_cents ELSE 0 END,
           CASE WHEN m.method = 'card' THEN m.amount_cents + m.tips_cents - m.refunds_cents ELSE 0 END,
           0, 0, 0
    FROM report_payment_mix m
    UNION ALL
    SELECT cm.business_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SUM(cm.amount_cents), 0, 0
    FROM cash_movements cm
    WHERE cm.business_date IS NOT NULL
    GROUP BY cm.business_date
    UNION ALL
    SELECT sh.business_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(sh.over_short_cents)
    FROM shifts sh
    WHERE sh.business_date IS NOT NULL AND sh.status = 'closed'
    GROUP BY sh.business_date
) parts
GROUP BY parts.business_date;
