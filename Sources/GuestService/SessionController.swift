import MariaDB
import PosCore
import PosHTTP

/// `POST /api/guest/sessions` (anyone; nginx rate-limits it per address) and the gateway's
/// guest-session check.
enum SessionController {
    static func register(_ router: inout Router) {
        router.post("/api/guest/sessions", open)
        // nginx's auth subrequest keeps the original request's method.
        for method in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] {
            router.add(method, "/internal/guest/check", check)
        }
    }

    /// `{table_token}` → 201 `{session_token, table: {id, label}, expires_at}`; 404 for a token
    /// no active table has (unknown and disabled answer alike).
    static func open(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        var body = try JSONBody(request)
        let token = body.string("table_token", length: 1...256, rule: .secret)
        try body.finish()
        guard let token else { throw HTTPError.unprocessable(field: "table_token", "is required") }
        let opened = try context.db.transaction { db -> (GuestTable, (id: Int, token: String, expiresAt: String))? in
            guard let table = try TableRepository(db: db).activeTable(token: token) else { return nil }
            let session = try SessionRepository(db: db).open(
                tableID: table.id, lifetimeSeconds: context.environment.guestSessionLifetimeSeconds)
            return (table, session)
        }
        guard let opened else {
            throw HTTPError(status: 404, slug: "table-not-found", title: "Not found",
                            detail: "This table's code is not known or the table is not taking orders; ask the staff.")
        }
        let (table, session) = opened
        if Int.random(in: 0..<100) == 0 {
            do {
                try SessionRepository(db: context.db).purgeExpired()
            } catch {
                context.logger.warning("purging expired guest sessions failed: \(error)", requestID: request.requestID)
            }
        }
        return .json(["session_token": .string(session.token),
                      "table": ["id": .int(table.id), "label": .string(table.label)],
                      "expires_at": .string(session.expiresAt)], status: 201)
    }

    /// 200 with `X-Pos-Guest-Session` and `X-Pos-Guest-Table`, or 401. Only answers the
    /// gateway's internal subrequest (nginx sets POS_AUTH_CHECK only there). Any other scheme
    /// (a staff `Bearer` token included) is 401: a staff token is not a guest session.
    static func check(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireGatewayCheck()
        guard let token = request.guestToken, let guest = try SessionRepository(db: context.db).guest(token: token) else {
            return HTTPResponse(status: 401)
        }
        return HTTPResponse(status: 200, headers: [
            ("X-Pos-Guest-Session", String(guest.sessionID)),
            ("X-Pos-Guest-Table", String(guest.tableID)),
        ])
    }
}
