import MariaDB
import PosCore
import PosHTTP

/// `GET /api/audit?since=&type=`: the append-only log, newest first. Read-only by design:
/// no route edits or deletes entries, and no database account may.
enum AuditController {
    static func register(_ router: inout Router) {
        router.get("/api/audit", list)
    }

    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.managers)
        let page = try Page(request)
        let since = try request.queryDateTime("since")
        let type = request.query["type"].flatMap { $0.isEmpty ? nil : $0 }
        if let type, type.count > 40 { throw HTTPError.unprocessable(field: "type", "is at most 40 characters") }
        let rows = try context.db.query("""
            SELECT id, at, actor_id, actor_username, type, entity, entity_id, detail, reason FROM audit_log
            WHERE \(SQLQuery.all([
                page.beforeID.map { "id < \($0)" },
                since.map { "at >= \($0)" },
                type.map { "type = \($0)" },
            ]))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """)
        let entries = try rows.map(AuditEntry.init(row:))
        return .json(page.envelope(entries, id: \.id, json: \.json))
    }
}

struct AuditEntry {
    let id: Int
    let json: JSON

    init(row: Row) throws {
        id = try row.int("id")
        let detailText = try row.string("detail")
        let detail = (try? JSONParser.parse(Array(detailText.utf8))) ?? .string(detailText)
        json = ["id": .int(id), "at": .string(try row.timestamp("at")), "actor_id": .optional(try row.optionalInt("actor_id")),
                "actor_username": .optional(try row.optionalString("actor_username")), "type": .string(try row.string("type")),
                "entity": .string(try row.string("entity")), "entity_id": .optional(try row.optionalInt("entity_id")),
                "detail": detail, "reason": .optional(try row.optionalString("reason"))]
    }
}
