import ArgumentParser
import MariaDB
import PosCore
import PosMoney

/// `pos-payment backfill-reports`: gives the payments, refunds, cash movements and shifts
/// written before migration V007 their `business_date`, from their own time (`created_at`, a
/// shift's `opened_at`) and the same `BusinessDay` every write has used since. Touches only rows
/// whose business date is NULL, so running it again does nothing; scripts/up runs it.
struct BackfillCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill-reports",
        abstract: "Fill in the report columns that rows written before migration V007 lack (safe to re-run).")

    static let tables: [(table: String, stamp: String)] = [
        ("payments", "created_at"), ("refunds", "created_at"), ("cash_movements", "created_at"), ("shifts", "opened_at"),
    ]

    func run(environment: ServiceEnvironment, logger: Logger) throws {
        let db = try Connection(environment.database)
        var filled = 0
        for (table, stamp) in Self.tables {
            while true {
                // Stored times are UTC: seconds since the epoch without the session's time zone.
                let rows = try db.query("""
                    SELECT id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', \(unsafeRaw: stamp)) AS t
                    FROM \(unsafeRaw: table) WHERE business_date IS NULL ORDER BY id LIMIT 500
                    """)
                if rows.isEmpty { break }
                try db.transaction { tx in
                    for row in rows {
                        let date = environment.businessDay.date(atEpochSeconds: try row.int("t"))
                        try tx.execute("UPDATE \(unsafeRaw: table) SET business_date = \(date) WHERE id = \(try row.int("id"))")
                    }
                }
                filled += rows.count
            }
        }
        print("backfill-reports: \(filled) payment, refund, cash movement and shift rows given a business date")
    }
}
