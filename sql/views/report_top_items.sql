-- report_top_items: one row per business date and menu item sold that day. The API
-- (GET /api/reports/top-items) adds the rows of a date range up per item, most sold first; a BI
-- tool does the same with GROUP BY item_id. Sales as in report_daily_sales: a line counts while
-- its order is a sale, on the order's business date (order_lines.sale_business_date, which the
-- order service keeps in step with the order's status in the same transaction).
--   business_date    the cafe's trading day of the orders (DATE)
--   item_id          the menu item (menu_items.id; deleted items keep their id and name)
--   name             the item's name on the menu now
--   category         its category's name on the menu now
--   quantity         Σ quantity of the item's lines in sales
--   net_sales_cents  Σ (line_total_cents − discount_cents) of those lines: the line totals less
--                    their share of the order's discount, as the pricing function spread it
CREATE OR REPLACE SQL SECURITY DEFINER VIEW report_top_items AS
SELECT sold.business_date,
       sold.item_id,
       i.name,
       c.name                                  AS category,
       CAST(sold.quantity AS SIGNED)           AS quantity,
       CAST(sold.net_sales_cents AS SIGNED)    AS net_sales_cents
FROM (
    SELECT l.sale_business_date AS business_date, l.item_id, SUM(l.quantity) AS quantity,
           SUM(l.line_total_cents) - SUM(l.discount_cents) AS net_sales_cents
    FROM order_lines l
    WHERE l.sale_business_date IS NOT NULL
    GROUP BY l.sale_business_date, l.item_id
) sold
JOIN menu_items i ON i.id = sold.item_id
JOIN menu_categories c ON c.id = i.category_id;
