import MariaDB
import PosCore
import PosHTTP
import QRCode

/// Tables (manager+): create, list, rename, enable or disable (each audited); each table's QR
/// code as SVG, and every active table's code on printable A4 sheets.
enum TableController {
    /// The most tables one printed sheet set holds.
    static let maxPrinted = 500

    static func register(_ router: inout Router) {
        router.post("/api/guest/tables", create)
        router.get("/api/guest/tables", list)
        router.get("/api/guest/tables/print", printSheets)
        router.patch("/api/guest/tables/:id", update)
        router.get("/api/guest/tables/:id/qr.svg", qrCode)
    }

    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        var body = try JSONBody(request)
        let label = body.string("label", length: GuestTable.labelLength)
        try body.finish()
        guard let label else { throw HTTPError.unprocessable(field: "label", "is required") }
        let table = try context.db.transaction { db in
            let table = try TableRepository(db: db).create(label: label)
            try AuditLog.record(db, actor: actor, type: .guestTableCreated, entity: "guest_table", entityID: table.id,
                                detail: ["label": .string(label)])
            return table
        }
        return .json(table.json(base: context.environment.guestBaseURL), status: 201)
    }

    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.managers)
        let page = try Page(request)
        let tables = try TableRepository(db: context.db).list(page)
        return .json(page.envelope(tables, id: \.id) { $0.json(base: context.environment.guestBaseURL) })
    }

    /// `{label?, active?}` with the version in If-Match or the body. A disabled table takes no
    /// new sessions, and its open sessions stop working (the guest check requires an active table).
    /// Audited when the label or the state changes.
    static func update(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        let id = try request.id()
        var body = try JSONBody(request)
        let label = body.string("label", required: false, length: GuestTable.labelLength)
        let active = body.bool("active", required: false)
        try body.finish()
        let table = try context.db.transaction { db in
            let repository = TableRepository(db: db)
            let before = try repository.require(id, lock: .update)
            try request.checkVersion(before.version, body: body)
            try repository.update(id, label: label, active: active)
            let after = try repository.require(id)
            if after.label != before.label || after.active != before.active {
                try AuditLog.record(db, actor: actor, type: .guestTableChanged, entity: "guest_table", entityID: id, detail: [
                    "label_before": .string(before.label), "label": .string(after.label),
                    "active_before": .bool(before.active), "active": .bool(after.active),
                ])
            }
            return after
        }
        return .json(table.json(base: context.environment.guestBaseURL))
    }

    static func qrCode(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.managers)
        let table = try TableRepository(db: context.db).require(try request.id())
        let code = try QRCode(encoding: table.guestURL(base: context.environment.guestBaseURL))
        return .text(code.svg(title: "Order at table \(table.label)"), contentType: "image/svg+xml; charset=utf-8")
    }

    static func printSheets(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.managers)
        let tables = try TableRepository(db: context.db).active(limit: maxPrinted)
        let sheet = try PrintSheet(cafeName: context.environment.cafeName, tables: tables.map {
            PrintSheet.Card(label: $0.label, url: $0.guestURL(base: context.environment.guestBaseURL))
        })
        return .text(sheet.html(), contentType: "text/html; charset=utf-8")
    }
}
