-- report_hourly_sales: one row per business date and local hour with sales
-- (GET /api/reports/hourly-sales). Sales as in report_daily_sales.
--   business_date    the cafe's trading day of the orders (DATE)
--   hour             0-23, the local wall-clock hour the order was created in (orders.created_hour,
--                    stored by the order service with the same BusinessDay code as business_date;
--                    a sale at 00:30 after a late shift is hour 0 of the previous business date)
--   orders           number of sales created in that hour
--   net_sales_cents  Σ (subtotal_cents − discount_cents) of those sales
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_hourly_sales AS
SELECT o.business_date,
       CAST(o.created_hour AS SIGNED)                               AS hour,
       CAST(COUNT(*) AS SIGNED)                                     AS orders,
       CAST(SUM(o.subtotal_cents) - SUM(o.discount_cents) AS SIGNED) AS net_sales_cents
FROM orders o
WHERE o.status IN ('submitted', 'ready', 'completed') AND o.created_hour IS NOT NULL
GROUP BY o.business_date, o.created_hour;
