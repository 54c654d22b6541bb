import ArgumentParser
import MariaDB
import PosCore
import PosMoney

/// `pos-order backfill-reports`: gives the orders written before migration V007 what the
/// reports read, from the services' own code: the local hour they were created in
/// (`BusinessDay.localHour` of `created_at`) and, for orders with a discount, each line's part
/// of it (`Pricing.totals`, through `OrderChange`'s repricing). Touches only rows still
/// missing them, so running it again does nothing; scripts/up runs it.
struct BackfillCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill-reports",
        abstract: "Fill in the report columns that rows written before migration V007 lack (safe to re-run).")

    func run(environment: ServiceEnvironment, logger: Logger) throws {
        let db = try Connection(environment.database)
        var hours = 0, discounted = 0
        while true {
            // Stored times are UTC: seconds since the epoch without the session's time zone.
            let rows = try db.query("""
                SELECT id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', created_at) AS t FROM orders
                WHERE created_hour IS NULL ORDER BY id LIMIT 500
                """)
            if rows.isEmpty { break }
            try db.transaction { tx in
                for row in rows {
                    let hour = environment.businessDay.localHour(atEpochSeconds: try row.int("t"))
                    try tx.execute("UPDATE orders SET created_hour = \(hour) WHERE id = \(try row.int("id"))")
                }
            }
            hours += rows.count
        }
        // Orders whose lines' discount parts do not add up to the order's discount (all lines
        // were stored with 0 before V007).
        let pending = try db.query("""
            SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.discount_cents > 0
            GROUP BY o.id, o.discount_cents HAVING SUM(l.discount_cents) <> o.discount_cents
            """).map { try $0.int("id") }
        for id in pending {
            try db.transaction { tx in
                let repository = OrderRepository(db: tx)
                let order = try repository.require(id, lock: .update)
                try repository.saveDiscountShares(orderID: id, order.lines, order.repriced)
            }
            discounted += 1
        }
        print("backfill-reports: \(hours) orders given their local hour, \(discounted) discounted orders their lines' parts")
    }
}
