import MariaDB
import PosHTTP

/// Reads and writes payment rows.
struct PaymentRepository {
    let db: Connection

    /// Stores the payment and returns it as stored. `businessDate`: the business day the
    /// payment happens on (`BusinessDay`), where reports count it.
    func insert(_ input: PaymentInput, shiftID: Int?, createdBy: Int, businessDate: String) throws -> Payment {
        guard let row = try db.queryFirst("""
            INSERT INTO payments (order_id, method, amount_cents, tip_cents, tendered_cents, change_cents, reference,
                                  shift_id, created_by, business_date)
            VALUES (\(input.orderID), \(input.method.rawValue), \(input.amountCents), \(input.tipCents),
                    \(input.tenderedCents), \(input.changeCents), \(input.reference), \(shiftID), \(createdBy),
                    \(businessDate))
            RETURNING \(unsafeRaw: Payment.columns)
            """) else {
            throw DatabaseError(function: "PaymentRepository.insert", code: DatabaseError.decoding, message: "no row returned")
        }
        return try Payment(row: row)
    }

    func find(_ id: Int, lock: RowLock = .none) throws -> Payment? {
        try db.queryFirst("SELECT \(unsafeRaw: Payment.columns) FROM payments WHERE id = \(id)\(lock)")
            .map(Payment.init(row:))
    }

    /// Like `find`, but 404 when there is no such payment.
    func require(_ id: Int, lock: RowLock = .none) throws -> Payment {
        guard let payment = try find(id, lock: lock) else { throw HTTPError.notFound("No payment has the id \(id).") }
        return payment
    }

    /// Payments newest first, optionally of one order or one shift; one row more than the page.
    func list(orderID: Int?, shiftID: Int?, page: Page) throws -> [Payment] {
        try db.query("""
            SELECT \(unsafeRaw: Payment.columns) FROM payments
            WHERE \(SQLQuery.all([
                page.beforeID.map { "id < \($0)" },
                orderID.map { "order_id = \($0)" },
                shiftID.map { "shift_id = \($0)" },
            ]))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """).map(Payment.init(row:))
    }

    /// Adds to what was refunded of a payment. Call with the payment locked `FOR UPDATE`.
    func addRefunded(_ id: Int, amountCents: Int) throws {
        try db.execute("UPDATE payments SET refunded_cents = refunded_cents + \(amountCents) WHERE id = \(id)")
    }
}
