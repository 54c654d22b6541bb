import MariaDB
import PosCore
import PosHTTP

/// Refunds: managers give back part or all of a payment.
enum RefundController {
    static func register(_ router: inout Router) {
        router.post("/api/payments/:id/refunds", create)
        router.get("/api/payments/:id/refunds", list)
    }

    /// `POST /api/payments/{id}/refunds` `{amount_cents, reason, till?}` with a required
    /// `Idempotency-Key` (scoped to the payment): manager+ → 201 `refund`.
    ///
    /// In one transaction with the key row: the payment is locked `FOR UPDATE`, then its order's
    /// totals row; more than the payment's amount minus what was refunded of it is 409
    /// `refund-exceeds-payment`. The payment's and the order's refunded sums move together,
    /// the refund joins the till's open shift (a cash refund leaves that drawer), and the audit
    /// log gets `refund_issued` with the reason.
    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        let paymentID = try request.id()
        var body = try JSONBody(request)
        let amount = body.int("amount_cents", range: PaymentRules.amountRange)
        let reason = body.reason()
        let till = Till.read(&body)
        try body.finish()
        guard let amount, let reason, let till else { throw HTTPError.badRequest("The refund could not be read.") }

        let scope = "POST /api/payments/\(paymentID)/refunds"
        return try IdempotentRequest(request, scope: scope).run(in: context, required: true) { db in
            let payments = PaymentRepository(db: db)
            let payment = try payments.require(paymentID, lock: .update)
            let ledger = OrderLedger(db: db)
            _ = try ledger.lockTotals(orderID: payment.orderID)
            guard amount <= payment.refundableCents else {
                throw HTTPError.conflict(
                    "Payment \(payment.id) has \(payment.refundableCents) cents left to refund; \(amount) is more than that.",
                    slug: "refund-exceeds-payment")
            }
            let shiftID = try ShiftRepository(db: db).attachableShift(till: till)?.id
            let refunds = RefundRepository(db: db)
            let id = try refunds.insert(payment: payment, amountCents: amount, reason: reason, shiftID: shiftID,
                                        createdBy: actor.staffID, businessDate: context.businessDate(request))
            try payments.addRefunded(payment.id, amountCents: amount)
            try ledger.addRefund(orderID: payment.orderID, amountCents: amount)
            try AuditLog.record(db, actor: actor, type: .refundIssued, entity: "payment", entityID: payment.id,
                                detail: ["refund_id": .int(id), "order_id": .int(payment.orderID),
                                         "method": .string(payment.method.rawValue), "amount_cents": .int(amount),
                                         "refunded_cents": .int(payment.refundedCents + amount),
                                         "payment_amount_cents": .int(payment.amountCents), "shift_id": .optional(shiftID)],
                                reason: reason)
            return .json(try refunds.require(id).json, status: 201)
        }
    }

    /// `GET /api/payments/{id}/refunds`: any staff; the payment's refunds, oldest first.
    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        let payment = try PaymentRepository(db: context.db).require(try request.id())
        let refunds = try RefundRepository(db: context.db).list(paymentID: payment.id)
        return .json(["items": .array(refunds.map(\.json)), "next_cursor": .null])
    }
}
