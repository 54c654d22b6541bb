import MariaDB
import PosHTTP

/// A captured payment as stored. `tendered_cents` is null for card payments.
struct Payment: Sendable {
    let id: Int
    let orderID: Int
    let method: PaymentMethod
    let amountCents: Int
    let tipCents: Int
    let tenderedCents: Int?
    let changeCents: Int
    let reference: String?
    let refundedCents: Int
    let shiftID: Int?
    let createdBy: Int
    let createdAt: String

    static let columns = """
        id, order_id, method, amount_cents, tip_cents, tendered_cents, change_cents, reference, refunded_cents,
        shift_id, created_by, created_at
        """

    init(row: Row) throws {
        id = try row.int("id")
        orderID = try row.int("order_id")
        guard let method = PaymentMethod(rawValue: try row.string("method")) else {
            throw DatabaseError(function: "Payment", code: DatabaseError.decoding, message: "unknown payment method")
        }
        self.method = method
        amountCents = try row.int("amount_cents")
        tipCents = try row.int("tip_cents")
        tenderedCents = try row.optionalInt("tendered_cents")
        changeCents = try row.int("change_cents")
        reference = try row.optionalString("reference")
        refundedCents = try row.int("refunded_cents")
        shiftID = try row.optionalInt("shift_id")
        createdBy = try row.int("created_by")
        createdAt = try row.timestamp("created_at")
    }

    var status: PaymentStatus { PaymentRules.status(amountCents: amountCents, refundedCents: refundedCents) }
    var refundableCents: Int { PaymentRules.refundable(amountCents: amountCents, refundedCents: refundedCents) }

    var json: JSON {
        ["id": .int(id), "order_id": .int(orderID), "method": .string(method.rawValue), "amount_cents": .int(amountCents),
         "tip_cents": .int(tipCents), "tendered_cents": .optional(tenderedCents), "change_cents": .int(changeCents),
         "reference": .optional(reference), "status": .string(status.rawValue), "refunded_cents": .int(refundedCents),
         "shift_id": .optional(shiftID), "created_by": .int(createdBy), "created_at": .string(createdAt)]
    }
}
