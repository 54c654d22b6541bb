import MariaDB
import PosCoreTesting
import Testing

/// The `pos_report` account a BI tool connects with: the report views, nothing else.
@Suite("The read-only report account")
struct ReportAccountTests {
    static let views = ["report_daily_sales", "report_hourly_sales", "report_top_items", "report_payment_mix",
                        "report_staff_sales", "report_z_report"]

    @Test("pos_report is refused on staff, auth_tokens and every table the views read")
    func refusedOnTables() throws {
        let probe = try AccessProbe("pos_report")
        for table in ["staff", "auth_tokens", "login_throttle", "audit_log", "orders", "order_lines", "payments", "refunds",
                      "shifts", "cash_movements", "menu_items", "idempotency_keys"] {
            #expect(probe.select(table), "pos_report may SELECT \(table)")
        }
        // Not even through a view's name: a real query against staff is refused with 1142.
        #expect(probe.isRefused("SELECT username, password_hash FROM staff", reading: true))
    }

    @Test("pos_report reads every report view (definer's rights, no grant on their tables)", arguments: views)
    func readsTheViews(view: String) throws {
        let db = try TestDatabase.connect(as: "pos_report")
        _ = try db.query("SELECT * FROM \(unsafeRaw: view) WHERE business_date = '2000-01-01'")
        let definer = try TestDatabase.connect().queryFirst("""
            SELECT DEFINER AS d, SECURITY_TYPE AS s FROM information_schema.VIEWS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(view)
            """)
        #expect(try definer?.string("d") == "root@localhost")
        #expect(try definer?.string("s") == "DEFINER")
    }
}
