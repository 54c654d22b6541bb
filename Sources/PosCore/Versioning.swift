extension HTTPRequest {
    /// The version the client last saw: `If-Match: 3` (quotes and W/ tolerated) or `"version"`
    /// in the body. Nil when neither is given. A malformed If-Match is a 412: the precondition
    /// cannot hold.
    public func expectedVersion(body: JSONBody?) throws -> (version: Int, fromHeader: Bool)? {
        if let header = header("if-match") {
            var text = header.trimmedWhitespace()
            if text.hasPrefix("W/") { text.removeFirst(2) }
            text = String(text.filter { $0 != "\"" })
            guard let version = Int(text), version > 0 else {
                throw HTTPError.preconditionFailed("If-Match must carry the resource's version number.")
            }
            return (version, true)
        }
        if var body, body.has("version") {
            guard let version = body.int("version", range: 1...Int(Int32.max)) else { try body.finish(); return nil }
            return (version, false)
        }
        return nil
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
