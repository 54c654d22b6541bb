import PosCore
import PosHTTP

/// `GET /api/menu`: the public menu with `ETag: "menu-<version>"` and `Cache-Control:
/// no-cache` (clients keep it but revalidate); a matching `If-None-Match` gets 304 with the
/// ETag and no body.
enum PublicMenuController {
    static func register(_ router: inout Router) {
        router.get("/api/menu", menu)
    }

    static func menu(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let version = try MenuVersion(db: context.db).current()
        let ifNoneMatch = request.header("if-none-match")
        if matches(ifNoneMatch, etag(version)) { return notModified(etag(version)) }
        let entry = try MenuCache.menu(db: context.db, currentVersion: version)
        if entry.version != version, matches(ifNoneMatch, entry.etag) { return notModified(entry.etag) }
        return HTTPResponse(status: 200, headers: [("Content-Type", HTTPResponse.jsonContentType),
                                                   ("ETag", entry.etag), ("Cache-Control", "no-cache")],
                            body: entry.body)
    }

    static func etag(_ version: Int) -> String { "\"menu-\(version)\"" }

    static func matches(_ header: String?, _ etag: String) -> Bool { EntityTag.matches(header, etag) }

    private static func notModified(_ etag: String) -> HTTPResponse { EntityTag.notModified(etag) }
}
