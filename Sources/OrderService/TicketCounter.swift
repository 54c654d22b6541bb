import MariaDB

/// Ticket numbers 1, 2, 3 … restarting each business day. The counter row stays locked until
/// the caller's transaction ends, so concurrent orders get consecutive, distinct numbers.
enum TicketCounter {
    static func next(_ db: Connection, businessDate: String) throws -> Int {
        // LAST_INSERT_ID(expr) makes the client report the new value for both paths.
        try db.execute("""
            INSERT INTO order_ticket_counters (business_date, last_number) VALUES (\(businessDate), LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)
            """).lastInsertID
    }
}
