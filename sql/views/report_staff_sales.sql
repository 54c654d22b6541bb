-- report_staff_sales: one row per business date and staff member with sales or tips that day
-- (GET /api/reports/staff-sales). Sales as in report_daily_sales.
--   business_date    the cafe's trading day (DATE)
--   staff_id         the staff member (staff.id)
--   username         their login name now
--   orders           number of sales they created (orders.created_by)
--   net_sales_cents  Σ (subtotal_cents − discount_cents) of those sales
--   tips_cents       Σ tip_cents of the payments they took that day (payments.created_by, on the
--                    payment's business date)
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_staff_sales AS
SELECT parts.business_date,
       parts.staff_id,
       s.username,
       CAST(SUM(parts.orders) AS SIGNED)    AS orders,
       CAST(SUM(parts.net) AS SIGNED)       AS net_sales_cents,
       CAST(SUM(parts.tips) AS SIGNED)      AS tips_cents
FROM (
    SELECT o.business_date, o.created_by AS staff_id, COUNT(*) AS orders,
           SUM(o.subtotal_cents) - SUM(o.discount_cents) AS net, 0 AS tips
    FROM orders o
    WHERE o.status IN ('submitted', 'ready', 'completed') AND o.created_by IS NOT NULL
    GROUP BY o.business_date, o.created_by
    UNION ALL
    SELECT p.business_date, p.created_by, 0, 0, SUM(p.tip_cents)
    FROM payments p
    WHERE p.business_date IS NOT NULL
    GROUP BY p.business_date, p.created_by
) parts
JOIN staff s ON s.id = parts.staff_id
GROUP BY parts.business_date, parts.staff_id, s.username;
