import MariaDB
import PosHTTP

/// Money given back from one payment, by the payment's method.
struct Refund: Sendable {
    let id: Int
    let paymentID: Int
    let orderID: Int
    let method: PaymentMethod
    let amountCents: Int
    let reason: String
    let shiftID: Int?
    let createdBy: Int
    let createdAt: String

    /// Columns of `refunds r JOIN payments p`.
    static let columns = """
        r.id, r.payment_id, r.order_id, p.method, r.amount_cents, r.reason, r.shift_id, r.created_by, r.created_at
        """

    init(row: Row) throws {
        id = try row.int("id")
        paymentID = try row.int("payment_id")
        orderID = try row.int("order_id")
        guard let method = PaymentMethod(rawValue: try row.string("method")) else {
            throw DatabaseError(function: "Refund", code: DatabaseError.decoding, message: "unknown payment method")
        }
        self.method = method
        amountCents = try row.int("amount_cents")
        reason = try row.string("reason")
        shiftID = try row.optionalInt("shift_id")
        createdBy = try row.int("created_by")
        createdAt = try row.timestamp("created_at")
    }

    var json: JSON {
        ["id": .int(id), "payment_id": .int(paymentID), "order_id": .int(orderID), "method": .string(method.rawValue),
         "amount_cents": .int(amountCents), "reason": .string(reason), "shift_id": .optional(shiftID),
         "created_by": .int(createdBy), "created_at": .string(createdAt)]
    }
}

/// Reads and writes refund rows.
struct RefundRepository {
    let db: Connection

    /// `businessDate`: the business day the refund is made on; reports count it there, never on
    /// the day of the payment it gives money back from.
    func insert(payment: Payment, amountCents: Int, reason: String, shiftID: Int?, createdBy: Int,
                businessDate: String) throws -> Int {
        try db.execute("""
            INSERT INTO refunds (payment_id, order_id, amount_cents, reason, shift_id, created_by, business_date)
            VALUES (\(payment.id), \(payment.orderID), \(amountCents), \(reason), \(shiftID), \(createdBy),
                    \(businessDate))
            """).lastInsertID
    }

    func require(_ id: Int) throws -> Refund {
        guard let row = try db.queryFirst("""
            SELECT \(unsafeRaw: Refund.columns) FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id = \(id)
            """) else {
            throw HTTPError.notFound("No refund has the id \(id).")
        }
        return try Refund(row: row)
    }

    /// A payment's refunds, oldest first (a payment has few).
    func list(paymentID: Int) throws -> [Refund] {
        try db.query("""
            SELECT \(unsafeRaw: Refund.columns) FROM refunds r JOIN payments p ON p.id = r.payment_id
            WHERE r.payment_id = \(paymentID) ORDER BY r.id LIMIT 1000
            """).map(Refund.init(row:))
    }
}
