import MariaDB
import PosCore
import PosHTTP
import PosMoney

/// Ringing up orders: create, read, list, add and remove lines.
enum OrderController {
    static func register(_ router: inout Router) {
        router.post("/api/orders", create)
        router.get("/api/orders", list)
        router.get("/api/orders/:id", show)
        router.post("/api/orders/:id/items", addLine)
        router.delete("/api/orders/:id/items/:line_id", removeLine)
    }

    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        var body = try JSONBody(request)
        let type = OrderInput.type(&body)
        let table = body.string("table", required: false, length: 1...32)
        let note = body.string("note", required: false, length: 0...500)
        let lines = LineRequest.list("items", from: &body, required: false)
        try body.finish()
        guard let type else { throw HTTPError.unprocessable(field: "type", "is required") }

        // A retried create (same Idempotency-Key, same body) gets the first order back.
        return try IdempotentRequest(request, scope: "POST /api/orders").run(in: context, required: false) { db in
            let order = try OrderCreation(type: type, table: table, note: note, lines: lines, status: .open, source: "staff",
                                          createdBy: actor.staffID, guestSessionID: nil)
                .create(db, environment: context.environment, now: context.nowEpochSeconds(request))
            return .json(order.json, status: 201)
        }
    }

    static func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        return .json(try OrderRepository(db: context.db).require(try request.id()).json)
    }

    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        let page = try Page(request)
        let status = try request.queryChoice("status", of: OrderStatus.self)
        let since = try request.queryDateTime("since")
        let orders = try OrderRepository(db: context.db).list(status: status, since: since, page: page)
        return .json(page.envelope(orders, id: \.id, json: \.json))
    }

    static func addLine(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.tillStaff)
        var body = try JSONBody(request)
        let line = LineRequest.read(&body)
        try body.finish()
        guard let line else { throw HTTPError.badRequest("A line needs item_id and quantity.") }
        let order = try OrderChange(request: request, context: context).apply(body: body) { order, db in
            guard order.status.acceptsNewLines else {
                throw HTTPError.conflict("Order \(order.number) is \(order.status.rawValue); lines can be added only while it is open.",
                                         slug: "order-not-open")
            }
            guard order.lines.count < LineRequest.maxLinesPerRequest else {
                throw HTTPError.conflict("An order holds at most \(LineRequest.maxLinesPerRequest) lines.")
            }
            let priced = try MenuCatalog(db: db).price([line], fieldPrefix: "line")
            try OrderRepository(db: db).insertLines(orderID: order.id, priced)
        }
        return .json(order.json, status: 201)
    }

    /// Cashiers remove lines while the order is open; once it went to the kitchen only a manager
    /// may, the stock comes back, and the removal is audited.
    static func removeLine(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        let lineID = try request.id("line_id")
        let order = try OrderChange(request: request, context: context).apply { order, db in
            guard let line = order.lines.first(where: { $0.id == lineID }) else {
                throw HTTPError.notFound("Order \(order.number) has no line \(lineID).")
            }
            switch order.status {
            case .open, .pending:
                break
            case .submitted, .ready:
                guard Role.managers.contains(actor.role) else {
                    throw HTTPError.forbidden("Only a manager removes lines from an order that went to the kitchen.")
                }
            case .completed, .cancelled:
                throw HTTPError.conflict("Order \(order.number) is \(order.status.rawValue); its lines cannot change.", slug: "order-closed")
            }
            try OrderRepository(db: db).deleteLine(lineID)
            if order.status.holdsStock {
                try StockKeeper(db: db).restore([line])
                try AuditLog.record(db, actor: actor, type: .orderLineRemoved, entity: "order", entityID: order.id,
                                    detail: ["line_id": .int(lineID), "item_id": .int(line.itemID), "name": .string(line.name),
                                             "quantity": .int(line.quantity), "line_total_cents": .int(line.pricing.lineTotalCents)])
            }
        }
        return .json(order.json)
    }
}

enum OrderInput {
    static func type(_ body: inout JSONBody) -> OrderType? {
        guard let text = body.string("type", length: 1...20) else { return nil }
        guard let type = OrderType(rawValue: text) else {
            body.fail("type", "must be dine_in or takeaway")
            return nil
        }
        return type
    }
}
