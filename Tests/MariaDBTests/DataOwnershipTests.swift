import MariaDB
import PosCoreTesting
import Testing

/// README's "Data ownership", written out here on its own (not read from sql/grants.sql, so a
/// wrong line in that file cannot make its own test pass): only the owner writes a table; the
/// user service's tables are read by nobody else; nobody rewrites the audit log.
@Suite("Data ownership: only the owner writes")
struct DataOwnershipTests {
    static let owner: [String: String] = [
        "staff": "pos_user", "auth_tokens": "pos_user", "login_throttle": "pos_user",
        "menu_categories": "pos_menu", "menu_items": "pos_menu", "menu_modifier_groups": "pos_menu",
        "menu_modifier_options": "pos_menu", "menu_state": "pos_menu",
        "orders": "pos_order", "order_lines": "pos_order", "order_line_modifiers": "pos_order",
        "order_ticket_counters": "pos_order",
        "payments": "pos_payment", "refunds": "pos_payment", "shifts": "pos_payment",
        "cash_movements": "pos_payment", "payment_order_totals": "pos_payment",
        "guest_tables": "pos_guest", "guest_sessions": "pos_guest",
    ]
    /// Written by more than one service, with their own rules below.
    static let shared: Set<String> = ["audit_log", "idempotency_keys"]
    /// The report views of sql/views/ (root's, read with definer's rights): nobody writes them.
    static let reportViews: Set<String> = ["report_daily_sales", "report_hourly_sales", "report_top_items",
                                           "report_payment_mix", "report_staff_sales", "report_z_report"]
    /// Written by the scripts only.
    static let scriptsOnly: Set<String> = ["schema_migrations", "schema_views"]
    /// Tables nobody but their owner may even read.
    static let privateTables: Set<String> = ["staff", "auth_tokens", "login_throttle"]
    /// The one cross-service write: submitting or cancelling an order moves stock and the menu's version.
    static let columnExceptions: Set<String> = ["pos_order menu_items.stock", "pos_order menu_state.version"]

    static let accounts = ["pos_user", "pos_menu", "pos_order", "pos_payment", "pos_guest", "pos_report"]

    @Test("Every table has an owner here (a new table needs a decision)")
    func everyTableHasAnOwner() throws {
        let known = Set(Self.owner.keys).union(Self.shared).union(Self.scriptsOnly).union(Self.reportViews)
        let unowned = try Schema.read().tables.filter { !known.contains($0) }
        #expect(unowned.isEmpty, "tables missing from README's data ownership and from this test: \(unowned)")
    }

    @Test("An account cannot write another service's tables, nor read the user service's", arguments: accounts)
    func noWritesToOthersTables(account: String) throws {
        let schema = try Schema.read()
        let probe = try AccessProbe(account)
        var allowed: [String] = []
        for (table, owner) in Self.owner.sorted(by: { $0.key < $1.key }) where owner != account {
            if Self.privateTables.contains(table), !probe.select(table) { allowed.append("SELECT \(table)") }
            if !probe.insert(table) { allowed.append("INSERT \(table)") }
            if !probe.delete(table) { allowed.append("DELETE \(table)") }
            for column in schema.columns[table] ?? [] where !Self.columnExceptions.contains("\(account) \(table).\(column)") {
                if !probe.update(table, column: column) { allowed.append("UPDATE \(table).\(column)") }
            }
        }
        for table in Self.scriptsOnly where !probe.insert(table) || !probe.delete(table) {
            allowed.append("writes \(table)")
        }
        #expect(allowed.isEmpty, "\(account) may \(allowed.joined(separator: ", "))")
    }

    @Test("Nobody rewrites or deletes the audit log; only the report account cannot add to it", arguments: accounts)
    func theAuditLogIsAppendOnly(account: String) throws {
        let probe = try AccessProbe(account)
        let columns = try Schema.read().columns["audit_log"] ?? []
        #expect(!columns.isEmpty)
        let updatable = columns.filter { !probe.update("audit_log", column: $0) }
        #expect(updatable.isEmpty, "\(account) may UPDATE audit_log columns \(updatable)")
        #expect(probe.delete("audit_log"), "\(account) may DELETE from audit_log")
        #expect(probe.isRefused("TRUNCATE TABLE audit_log"), "\(account) may TRUNCATE audit_log")
        #expect(probe.insert("audit_log") == (account == "pos_report"), "reports are read-only; every service audits")
    }

    @Test("The report account writes nothing")
    func theReportAccountIsReadOnly() throws {
        let probe = try AccessProbe("pos_report")
        for table in try Schema.read().tables {
            #expect(probe.insert(table), "pos_report may INSERT \(table)")
            #expect(probe.delete(table), "pos_report may DELETE \(table)")
        }
    }
}
