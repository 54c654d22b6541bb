import MariaDB
import PosCore
import PosHTTP
import PosMoney

/// Moving an order along: submit to the kitchen, ready, complete, cancel; and discounts.
enum OrderLifecycleController {
    static func register(_ router: inout Router) {
        router.post("/api/orders/:id/submit", submit)
        router.post("/api/orders/:id/ready", ready)
        router.post("/api/orders/:id/complete", complete)
        router.post("/api/orders/:id/cancel", cancel)
        router.post("/api/orders/:id/discount", discount)
    }

    /// Sends the order to the kitchen and takes its stock, in one transaction.
    static func submit(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.tillStaff)
        let body = try optionalBody(request)
        if let order = try sendToKitchenDirectly(request, context, body: body, from: [.open, .pending]) {
            return .json(order.json)
        }
        let order = try OrderChange(request: request, context: context).apply(body: body, sendToKitchen)
        return .json(order.json)
    }

    /// What `OrderChange` with `sendToKitchen` does, in three statements for the usual case:
    /// the status change first (`markSubmitted`: it locks the order and matches only one in
    /// `statuses` that has lines), then the order as it now is (its version must be one past
    /// the one the client saw), then the stock of counted items. nil when the order is not
    /// there, in another status or has no lines: nothing changed, and the general path answers
    /// with the reason. Submitting leaves the totals as they are (the lines did not change).
    static func sendToKitchenDirectly(_ request: HTTPRequest, _ context: RequestContext, body: JSONBody?,
                                      from statuses: [OrderStatus]) throws -> Order? {
        let id = try request.id()
        return try context.db.transaction { db -> Order? in
            let repository = OrderRepository(db: db)
            guard try repository.markSubmitted(id, from: statuses) else { return nil }
            let order = try repository.require(id)
            try request.checkVersion(order.version - 1, body: body)
            try StockKeeper(db: db).take(order.lines)
            return order
        }
    }

    /// `open` or `pending` → `submitted`: the kitchen queue shows it from now on, and its lines'
    /// quantities leave counted stock (all or nothing, 409 `sold-out`). 409 for an order without
    /// lines or in another status. The one way an order reaches the kitchen (submit, accept).
    static func sendToKitchen(_ order: Order, _ db: Connection) throws {
        try checkMove(order, to: .submitted)
        guard !order.lines.isEmpty else {
            throw HTTPError.conflict("Order \(order.number) has no lines to send to the kitchen.", slug: "order-empty")
        }
        try StockKeeper(db: db).take(order.lines)
        try OrderRepository(db: db).setStatus(order.id, to: .submitted)
    }

    static func ready(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.kitchenStaff)
        return try move(request, context, to: .ready)
    }

    static func complete(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        return try move(request, context, to: .completed)
    }

    /// Cashiers cancel while the order is open; after it went to the kitchen only a manager may.
    /// Stock taken for it comes back. Always audited with the reason.
    static func cancel(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        var body = try JSONBody(request)
        let reason = body.reason()
        try body.finish()
        let order = try OrderChange(request: request, context: context).apply(body: body) { order, db in
            try checkMove(order, to: .cancelled)
            if order.status != .open && order.status != .pending && !Role.managers.contains(actor.role) {
                throw HTTPError.forbidden("Only a manager cancels an order that went to the kitchen.")
            }
            try cancelOrder(order, db, actor: actor, reason: reason, audit: .orderCancelled)
        }
        return .json(order.json)
    }

    /// `→ cancelled`, the one way for a cancel and a guest order's reject: refused (409
    /// `order-paid`) while money is on the order, stock taken for it comes back, audited as
    /// `audit` with the reason. The caller has checked the move and who may make it.
    static func cancelOrder(_ order: Order, _ db: Connection, actor: Identity, reason: String?, audit: AuditEvent) throws {
        guard order.paidCents == 0 else {
            throw HTTPError.conflict("Order \(order.number) has \(order.paidCents) cents paid; refund it first.", slug: "order-paid")
        }
        if order.status.holdsStock { try StockKeeper(db: db).restore(order.lines) }
        try OrderRepository(db: db).setStatus(order.id, to: .cancelled, cancelReason: reason)
        try AuditLog.record(db, actor: actor, type: audit, entity: "order", entityID: order.id,
                            detail: ["number": .int(order.number), "status_before": .string(order.status.rawValue),
                                     "table": .optional(order.table), "total_cents": .int(order.totalCents)], reason: reason)
    }

    /// `{percent_bp?, amount_cents?, reason}`, exactly one of the two; replaces any earlier discount.
    static func discount(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        var body = try JSONBody(request)
        let percent = body.int("percent_bp", required: false, range: 0...10_000)
        let amount = body.int("amount_cents", required: false, range: 0...10_000_000)
        let reason = body.reason()
        if body.has("percent_bp") == body.has("amount_cents") {
            body.fail("percent_bp", "give either percent_bp or amount_cents")
        }
        try body.finish()
        guard let reason, let discount: Discount = percent.map({ .percent(basisPoints: $0) }) ?? amount.map({ .amount(cents: $0) }) else {
            throw HTTPError.badRequest("A discount needs percent_bp or amount_cents, and a reason.")
        }
        let order = try OrderChange(request: request, context: context).apply(body: body) { order, db in
            guard order.status != .cancelled && order.status != .completed else {
                throw HTTPError.conflict("Order \(order.number) is \(order.status.rawValue) and cannot be discounted.", slug: "order-closed")
            }
            try OrderRepository(db: db).setDiscount(order.id, discount, reason: reason)
            let detail: JSON = switch discount {
            case .percent(let basisPoints): ["percent_bp": .int(basisPoints), "subtotal_cents": .int(order.subtotalCents)]
            case .amount(let cents): ["amount_cents": .int(cents), "subtotal_cents": .int(order.subtotalCents)]
            }
            try AuditLog.record(db, actor: actor, type: .orderDiscounted, entity: "order", entityID: order.id,
                                detail: detail, reason: reason)
        }
        return .json(order.json)
    }

    private static func move(_ request: HTTPRequest, _ context: RequestContext, to status: OrderStatus) throws -> HTTPResponse {
        let body = try optionalBody(request)
        let order = try OrderChange(request: request, context: context).apply(body: body) { order, db in
            try checkMove(order, to: status)
            try OrderRepository(db: db).setStatus(order.id, to: status)
        }
        return .json(order.json)
    }

    static func checkMove(_ order: Order, to status: OrderStatus) throws {
        guard order.status.canMove(to: status) else {
            throw HTTPError.conflict("Order \(order.number) is \(order.status.rawValue) and cannot become \(status.rawValue).",
                                     slug: "invalid-status-change")
        }
    }

    /// State changes take an optional body (for `version`); an empty one is fine.
    static func optionalBody(_ request: HTTPRequest) throws -> JSONBody? {
        request.body.isEmpty ? nil : try JSONBody(request)
    }
}
