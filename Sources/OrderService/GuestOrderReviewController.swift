import MariaDB
import PosCore
import PosHTTP

/// Staff decide on guest orders: accept (`pending → submitted`: to the kitchen, stock taken,
/// exactly as a submit) or reject (`pending → cancelled`, with a reason, audited). Pending
/// orders are listed with `GET /api/orders?status=pending`. Only a pending order can be
/// accepted or rejected (409 `invalid-status-change` otherwise).
enum GuestOrderReviewController {
    static func register(_ router: inout Router) {
        router.post("/api/orders/:id/accept", accept)
        router.post("/api/orders/:id/reject", reject)
    }

    static func accept(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.tillStaff)
        let body = try OrderLifecycleController.optionalBody(request)
        if let order = try OrderLifecycleController.sendToKitchenDirectly(request, context, body: body, from: [.pending]) {
            return .json(order.json)
        }
        let order = try OrderChange(request: request, context: context).apply(body: body) { order, db in
            try requirePending(order, becoming: .submitted)
            try OrderLifecycleController.sendToKitchen(order, db)
        }
        return .json(order.json)
    }

    /// `{reason}`: the guest sees `cancelled`; the audit log keeps who rejected it and why.
    static func reject(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        var body = try JSONBody(request)
        let reason = body.reason()
        try body.finish()
        let order = try OrderChange(request: request, context: context).apply(body: body) { order, db in
            try requirePending(order, becoming: .cancelled)
            try OrderLifecycleController.cancelOrder(order, db, actor: actor, reason: reason, audit: .orderRejected)
        }
        return .json(order.json)
    }

    private static func requirePending(_ order: Order, becoming status: OrderStatus) throws {
        guard order.status == .pending else {
            throw HTTPError.conflict("Order \(order.number) is \(order.status.rawValue); only a pending guest order can become \(status.rawValue) this way.",
                                     slug: "invalid-status-change")
        }
    }
}
