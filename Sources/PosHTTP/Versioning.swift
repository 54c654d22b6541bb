extension HTTPRequest {
    /// The version the client last saw: `If-Match: 3` (quotes and W/ tolerated) or `"version"`
    /// in the body. Nil when neither is given, and for `If-Match: *`, which RFC 9110 makes true
    /// for any current version (it then also overrides a body version, as any If-Match does).
    /// A malformed If-Match is a 412: the precondition cannot hold. Any whole number ≥ 0 is a
    /// version a client may claim; one that is not current (0 never is) is merely stale.
    public func expectedVersion(body: JSONBody?) throws -> (version: Int, fromHeader: Bool)? {
        // A body version is checked even when the header wins: a malformed member is 422 either way.
        var bodyVersion: Int?
        if var body, body.has("version") {
            guard let version = body.int("version", range: 0...Int.max) else { try body.finish(); return nil }
            bodyVersion = version
        }
        if let header = header("if-match") {
            var text = header.trimmedWhitespace()
            if text == "*" { return nil }
            if text.hasPrefix("W/") { text.removeFirst(2) }
            text = String(text.filter { $0 != "\"" })
            guard let version = Int(text), version >= 0 else {
                throw HTTPError.preconditionFailed("If-Match must carry the resource's version number.")
            }
            return (version, true)
        }
        return bodyVersion.map { ($0, false) }
    }

    /// Throws 412 (If-Match) or 409 (version in body) when `current` is not what the client saw.
    public func checkVersion(_ current: Int, body: JSONBody?) throws {
        guard let expected = try expectedVersion(body: body) else { return }
        guard expected.version == current else {
            let detail = "The resource is at version \(current), not \(expected.version); reload it and try again."
            throw expected.fromHeader ? HTTPError.preconditionFailed(detail) : HTTPError.conflict(detail, slug: "version-conflict")
        }
    }
}
