-- What the report views (sql/views/) add up, stored when a row is written so that no view
-- converts a time zone or prices anything:
--   orders.created_hour        local hour (0-23) the order was created in, from the same moment
--                              and the same BusinessDay code as its business_date (order service)
--   order_lines.discount_cents the line's part of the order's discount, as the one pricing
--                              function spread it (largest remainder; the parts add up to
--                              orders.discount_cents), rewritten whenever the order is repriced
--   order_lines.sale_business_date
--                              the order's business_date while the order is a sale (submitted,
--                              ready, completed), NULL otherwise: set by the order service in the
--                              transaction that changes the status, so line reports (items sold,
--                              top items) read one index of order_lines without joining orders.
--                              A test checks it against orders (ReportSummaryTests).
--   payments, refunds, cash_movements .business_date
--                              the business day the money moved on (payment service, BusinessDay)
--   shifts.business_date       the business day the shift was opened on (a late shift closing
--                              after midnight stays on the day it began)
-- Rows written before this migration get these values from the services' own code
-- (`pos-order backfill-reports`, `pos-payment backfill-reports`, run by scripts/up), never from
-- a second formula here; until then their new columns are NULL and the views leave them out.
--
-- Indexes: each report reads one index range per table by business date, covering the
-- columns it adds up (measured in docs/benchmarks.md).

ALTER TABLE orders
    ADD COLUMN created_hour TINYINT UNSIGNED NULL AFTER created_by,
    ADD KEY ix_orders_report (business_date, status, created_hour, created_by,
                              subtotal_cents, discount_cents, tax_cents, total_cents),
    ADD CONSTRAINT ck_orders_created_hour CHECK (created_hour IS NULL OR created_hour <= 23);

ALTER TABLE order_lines
    ADD COLUMN discount_cents BIGINT NOT NULL DEFAULT 0 AFTER line_total_cents,
    ADD COLUMN sale_business_date DATE NULL AFTER discount_cents,
    ADD KEY ix_order_lines_sales (sale_business_date, item_id, quantity, line_total_cents, discount_cents),
    ADD CONSTRAINT ck_order_lines_discount CHECK (discount_cents >= 0 AND discount_cents <= line_total_cents);

-- Status and business date are plain columns of orders: no time zone or pricing in this backfill.
UPDATE order_lines l JOIN orders o ON o.id = l.order_id
SET l.sale_business_date = o.business_date
WHERE o.status IN ('submitted', 'ready', 'completed');

ALTER TABLE payments
    ADD COLUMN business_date DATE NULL AFTER shift_id,
    ADD KEY ix_payments_report (business_date, method, created_by, amount_cents, tip_cents);

ALTER TABLE refunds
    ADD COLUMN business_date DATE NULL AFTER shift_id,
    ADD KEY ix_refunds_report (business_date, payment_id, amount_cents);

ALTER TABLE cash_movements
    ADD COLUMN business_date DATE NULL AFTER shift_id,
    ADD KEY ix_cash_movements_report (business_date, amount_cents);

ALTER TABLE shifts
    ADD COLUMN business_date DATE NULL AFTER till,
    ADD KEY ix_shifts_report (business_date, status, over_short_cents);
