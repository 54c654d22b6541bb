-- Least privilege, one account per service. Re-applied by scripts/up after migrations
-- and account creation (GRANT is idempotent). Accounts are created by the scripts with passwords
-- from the data folder; this file holds no secrets.
--
-- Table ownership (only the owner writes; others read what is granted here):
--   user service    staff, auth_tokens, login_throttle; serves the audit log
--   menu service    menu_categories, menu_items, menu_modifier_groups, menu_modifier_options, menu_state
--   guest service   guest_tables, guest_sessions
--   everyone        audit_log: INSERT only (append-only: no UPDATE/DELETE for any account)

-- user service: never DELETE staff (deactivate instead); tokens may be purged.
GRANT SELECT, INSERT, UPDATE ON cafe_pos.staff TO 'pos_user'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.auth_tokens TO 'pos_user'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.login_throttle TO 'pos_user'@'%';
GRANT SELECT, INSERT ON cafe_pos.audit_log TO 'pos_user'@'%';

-- menu service: no access to staff or tokens at all.
GRANT SELECT, INSERT, UPDATE ON cafe_pos.menu_categories TO 'pos_menu'@'%';
GRANT SELECT, INSERT, UPDATE ON cafe_pos.menu_items TO 'pos_menu'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.menu_modifier_groups TO 'pos_menu'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.menu_modifier_options TO 'pos_menu'@'%';
GRANT SELECT, UPDATE ON cafe_pos.menu_state TO 'pos_menu'@'%';
GRANT INSERT ON cafe_pos.audit_log TO 'pos_menu'@'%';

-- services of later issues: only the audit log until their own tables exist.
GRANT INSERT ON cafe_pos.audit_log TO 'pos_order'@'%';
GRANT INSERT ON cafe_pos.audit_log TO 'pos_payment'@'%';
GRANT INSERT ON cafe_pos.audit_log TO 'pos_guest'@'%';

-- reports: read-only, the report views of sql/views/ and nothing else (no table: not staff,
-- not auth_tokens, not the audit log). The views run with their definer's (root's) rights, so
-- the account needs no grant on the tables they read.
GRANT SELECT ON cafe_pos.report_daily_sales TO 'pos_report'@'%';
GRANT SELECT ON cafe_pos.report_hourly_sales TO 'pos_report'@'%';
GRANT SELECT ON cafe_pos.report_top_items TO 'pos_report'@'%';
GRANT SELECT ON cafe_pos.report_payment_mix TO 'pos_report'@'%';
GRANT SELECT ON cafe_pos.report_staff_sales TO 'pos_report'@'%';
GRANT SELECT ON cafe_pos.report_z_report TO 'pos_report'@'%';

-- order service: its own tables; reads the menu to price lines; takes stock down when an
-- order is submitted (the one column of menu_items it may write, and the menu's version so
-- the public menu shows the new stock).
GRANT SELECT, INSERT, UPDATE ON cafe_pos.orders TO 'pos_order'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.order_lines TO 'pos_order'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.order_line_modifiers TO 'pos_order'@'%';
GRANT SELECT, INSERT, UPDATE ON cafe_pos.order_ticket_counters TO 'pos_order'@'%';
GRANT SELECT ON cafe_pos.menu_categories TO 'pos_order'@'%';
GRANT SELECT ON cafe_pos.menu_items TO 'pos_order'@'%';
GRANT SELECT ON cafe_pos.menu_modifier_groups TO 'pos_order'@'%';
GRANT SELECT ON cafe_pos.menu_modifier_options TO 'pos_order'@'%';
GRANT UPDATE (stock) ON cafe_pos.menu_items TO 'pos_order'@'%';
GRANT SELECT, UPDATE (version) ON cafe_pos.menu_state TO 'pos_order'@'%';

-- payment service: its own tables; reads orders (shared lock while it checks a total or status).
GRANT SELECT, INSERT, UPDATE ON cafe_pos.shifts TO 'pos_payment'@'%';
GRANT SELECT, INSERT, UPDATE ON cafe_pos.payments TO 'pos_payment'@'%';
GRANT SELECT, INSERT ON cafe_pos.refunds TO 'pos_payment'@'%';
GRANT SELECT, INSERT ON cafe_pos.cash_movements TO 'pos_payment'@'%';
GRANT SELECT, INSERT, UPDATE ON cafe_pos.payment_order_totals TO 'pos_payment'@'%';
GRANT SELECT ON cafe_pos.orders TO 'pos_payment'@'%';
-- ... and gives rows written before V007 their business date (pos-payment backfill-reports).
GRANT UPDATE (business_date) ON cafe_pos.refunds TO 'pos_payment'@'%';
GRANT UPDATE (business_date) ON cafe_pos.cash_movements TO 'pos_payment'@'%';

-- the order service shows what was paid.
GRANT SELECT ON cafe_pos.payment_order_totals TO 'pos_order'@'%';

-- idempotency keys: every service that takes Idempotency-Key.
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.idempotency_keys TO 'pos_payment'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON cafe_pos.idempotency_keys TO 'pos_order'@'%';

-- guest service: its own tables (a table's token never changes once made; sessions are purged
-- after they expire); nothing of staff, orders or payments. The order service reads a table's
-- id and label (never its token) to label a guest order.
GRANT SELECT, INSERT, UPDATE (label, active, version) ON cafe_pos.guest_tables TO 'pos_guest'@'%';
GRANT SELECT, INSERT, DELETE ON cafe_pos.guest_sessions TO 'pos_guest'@'%';
GRANT SELECT (id, label) ON cafe_pos.guest_tables TO 'pos_order'@'%';
