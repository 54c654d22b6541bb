import MariaDB
import PosCore
import PosHTTP

/// Taking payments and reading them back.
enum PaymentController {
    static func register(_ router: inout Router) {
        router.post("/api/payments", create)
        router.get("/api/payments", list)
        router.get("/api/payments/:id", show)
    }

    /// `POST /api/payments` with a required `Idempotency-Key`: 201 `payment`.
    ///
    /// In one transaction with the key row: the order is read under a shared lock (404 unknown,
    /// 409 cancelled or pending), the capture is added to its totals row (created if need be,
    /// then locked `FOR UPDATE`), and what was captured must fit the order's total (409
    /// `would-overpay`, for cash as for card: change covers over-tendering, never overpaying;
    /// the capture is rolled back). The payment joins its till's open shift, if there is one.
    /// Six statements with the key's two, seven when the till has an open shift.
    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        var body = try JSONBody(request)
        let input = PaymentInput.read(&body)
        try body.finish()
        guard let input else { throw HTTPError.badRequest("The payment could not be read.") }

        return try IdempotentRequest(request, scope: "POST /api/payments").run(in: context, required: true) { db in
            let ledger = OrderLedger(db: db)
            let order = try ledger.lockOrder(input.orderID)
            try order.checkAcceptsPayment()
            let totals = try ledger.capture(orderID: order.id, amountCents: input.amountCents, tipCents: input.tipCents)
            let balance = PaymentRules.balance(totalCents: order.totalCents, capturedCents: totals.capturedCents - input.amountCents,
                                               refundedCents: totals.refundedCents)
            guard PaymentRules.fitsBalance(amountCents: input.amountCents, balanceCents: balance) else {
                throw HTTPError.conflict(
                    "Order \(order.number) has \(max(0, balance)) cents left to pay; \(input.amountCents) would overpay it.",
                    slug: "would-overpay")
            }
            // A cashier takes money only into their own shift's drawer.
            let shift = try ShiftRepository(db: db).attachableShift(till: input.till)
            try shift?.checkAccess(by: actor)
            let payment = try PaymentRepository(db: db).insert(input, shiftID: shift?.id, createdBy: actor.staffID,
                                                               businessDate: context.businessDate(request))
            return .json(payment.json, status: 201)
        }
    }

    /// `GET /api/payments?order_id=&shift_id=&limit=&cursor=`: any staff, newest first; by
    /// `shift_id` only the shift's own cashier or a manager (as for `GET /api/shifts/{id}`).
    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.requireStaff()
        let page = try Page(request)
        let orderID = try request.queryID("order_id")
        let shiftID = try request.queryID("shift_id")
        if let shiftID, let shift = try ShiftRepository(db: context.db).find(shiftID) {
            try shift.checkAccess(by: actor)
        }
        let payments = try PaymentRepository(db: context.db).list(orderID: orderID, shiftID: shiftID, page: page)
        return .json(page.envelope(payments, id: \.id, json: \.json))
    }

    /// `GET /api/payments/{id}`: any staff.
    static func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        return .json(try PaymentRepository(db: context.db).require(try request.id()).json)
    }
}
