import MariaDB
import PosCore
import PosHTTP

/// Guests order from their table (`Authorization: Guest <session>`, checked by the gateway,
/// which passes the session and its table as `POS_GUEST_*`): the order is created by the same
/// code as a cashier's (`OrderCreation`), as a dine-in order at the session's table, `pending`
/// until staff accept or reject it. A session sees only its own orders: any other id is 404.
enum GuestOrderController {
    /// At most this many lines per guest order, and this many of one line (422 beyond).
    static let maxLines = 20
    static let maxQuantity = 20
    /// At most this many of a session's orders may wait for staff at once (429 beyond).
    static let maxPendingPerSession = 3

    static func register(_ router: inout Router) {
        router.post("/api/guest/orders", create)
        router.get("/api/guest/orders/:id", show)
    }

    /// `{items: [line], note?}` → 201 `order` (`pending`, `source: "guest"`). Takes an
    /// optional `Idempotency-Key`, scoped to the session.
    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let guest = try request.requireGuest()
        var body = try JSONBody(request)
        let note = body.string("note", required: false, length: 0...500)
        let lines = LineRequest.list("items", from: &body, maxCount: maxLines)
        if body.errors.isEmpty && lines.isEmpty { body.fail("items", "must hold at least one line") }
        for (index, line) in lines.enumerated() where line.quantity > maxQuantity {
            body.fail("items[\(index)].quantity", "must be between 1 and \(maxQuantity) for a guest order")
        }
        try body.finish()

        return try IdempotentRequest(request, scope: "POST /api/guest/orders session \(guest.sessionID)")
            .run(in: context, required: false) { db in
                var creation = OrderCreation(type: .dineIn, table: try tableLabel(guest.tableID, db), note: note, lines: lines,
                                             status: .pending, source: "guest", createdBy: nil, guestSessionID: guest.sessionID)
                creation.admit = { db in
                    guard try OrderRepository(db: db).pendingCount(placedBy: guest.sessionID) < maxPendingPerSession else {
                        var problem = HTTPError(status: 429, slug: "too-many-pending-orders", title: "Too many requests",
                                                detail: "You already have \(maxPendingPerSession) orders waiting for the staff; order again once one is accepted.")
                        problem.headers = [("Retry-After", "30")]
                        throw problem
                    }
                }
                return .json(try creation.create(db, environment: context.environment, now: context.nowEpochSeconds(request)).json, status: 201)
            }
    }

    /// The session's own order with a strong ETag; `If-None-Match` with it gives 304 (the guest
    /// page polls this). Another session's order, a staff order or no order: the same 404.
    static func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let guest = try request.requireGuest()
        let id = try request.id()
        guard let order = try OrderRepository(db: context.db).find(id, placedBy: guest.sessionID) else {
            throw HTTPError.notFound("No order has the id \(id).")
        }
        return HTTPResponse.json(order.json).conditional(on: request, prefix: "order")
    }

    /// The label of the session's table (the guest service's table, of which this account may
    /// read only the id and label).
    private static func tableLabel(_ tableID: Int, _ db: Connection) throws -> String {
        guard let row = try db.queryFirst("SELECT label FROM guest_tables WHERE id = \(tableID)") else {
            throw HTTPError.unauthorized("This session's table no longer exists.")
        }
        return try row.string("label")
    }
}
