#if canImport(Glibc)
import Glibc
#endif

/// One TSV file per table the generator fills, in `directory`, named `<table>.tsv`, with the
/// columns `columns` lists in file order (what `scripts/generate-sales` loads them with).
final class GeneratedTables {
    static let columns: [(table: String, columns: String)] = [
        ("staff", "id, username, display_name, role, active, password_hash, created_at"),
        ("shifts", "id, till, business_date, status, opened_by, opening_float_cents, opened_at, closed_by, closed_at, "
            + "counted_cash_cents, expected_cash_cents, over_short_cents, open_till"),
        ("orders", "id, business_date, number, status, type, table_label, note, source, subtotal_cents, discount_cents, "
            + "tax_cents, total_cents, tax_mode, discount_percent_bp, discount_amount_cents, discount_reason, cancel_reason, "
            + "version, created_by, created_hour, created_at, updated_at, submitted_at, ready_at, completed_at, cancelled_at"),
        ("order_lines", "id, order_id, item_id, name, quantity, base_price_cents, unit_price_cents, tax_rate_bp, "
            + "line_total_cents, discount_cents, sale_business_date, station, note, created_at"),
        ("order_line_modifiers", "id, line_id, option_id, name, price_delta_cents"),
        ("order_ticket_counters", "business_date, last_number"),
        ("payments", "id, order_id, method, amount_cents, tip_cents, tendered_cents, change_cents, reference, refunded_cents, "
            + "shift_id, business_date, created_by, created_at"),
        ("refunds", "id, payment_id, order_id, amount_cents, reason, shift_id, business_date, created_by, created_at"),
        ("cash_movements", "id, shift_id, business_date, amount_cents, reason, created_by, created_at"),
        ("payment_order_totals", "order_id, captured_cents, refunded_cents, tip_cents"),
    ]

    let staff, shifts, orders, lines, modifiers, counters, payments, refunds, movements, totals: TSVWriter

    init(directory: String) throws {
        self.directory = directory
        func open(_ table: String) throws -> TSVWriter { try TSVWriter(path: "\(directory)/\(table).tsv") }
        staff = try open("staff")
        shifts = try open("shifts")
        orders = try open("orders")
        lines = try open("order_lines")
        modifiers = try open("order_line_modifiers")
        counters = try open("order_ticket_counters")
        payments = try open("payments")
        refunds = try open("refunds")
        movements = try open("cash_movements")
        totals = try open("payment_order_totals")
    }

    var all: [TSVWriter] { [staff, shifts, orders, lines, modifiers, counters, payments, refunds, movements, totals] }

    let directory: String

    func close() throws {
        for writer in all { try writer.close() }
    }

    /// `load.sql` beside the files: one `LOAD DATA LOCAL INFILE` per table, in an order the
    /// foreign keys accept, for the mariadb client (`--local-infile=1`) to run.
    func writeLoadScript() throws {
        let load = try TSVWriter(path: "\(directory)/load.sql")
        load.text("SET unique_checks = 0, foreign_key_checks = 0;")
        load.endRow()
        for (table, columns) in Self.columns {
            load.text("LOAD DATA LOCAL INFILE '\(directory)/\(table).tsv' INTO TABLE \(table) CHARACTER SET utf8mb4 (\(columns));")
            load.endRow()
        }
        load.text("SET unique_checks = 1, foreign_key_checks = 1;")
        load.endRow()
        try load.close()
    }
}

/// `YYYY-MM-DD HH:MM:SS` in UTC, as DATETIME columns hold it.
func databaseTime(_ epochSeconds: Int) -> String {
    var seconds = time_t(epochSeconds)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday)) "
        + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
}
