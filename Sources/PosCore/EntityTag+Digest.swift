import PosHTTP

/// Entity tags of a body's digest: libsodium's SHA-256 (`Secrets`), so they live with the runtime.
extension EntityTag {
    /// A strong entity tag for exactly these bytes: `"<prefix>-<22 base64url characters of their SHA-256>"`.
    public static func digest(of body: [UInt8], prefix: String) -> String {
        "\"\(prefix)-\(Secrets.base64URL(Array(Secrets.sha256(bytes: body).prefix(16))))\""
    }
}

extension HTTPResponse {
    /// This 200 response with a strong `ETag` of its body and `Cache-Control: no-cache` (clients
    /// keep it but revalidate), or 304 with no body when the request's `If-None-Match` matches.
    public func conditional(on request: HTTPRequest, prefix: String) -> HTTPResponse {
        let etag = EntityTag.digest(of: body, prefix: prefix)
        if EntityTag.matches(request.header("if-none-match"), etag) { return EntityTag.notModified(etag) }
        var response = self
        response.headers += [("ETag", etag), ("Cache-Control", "no-cache")]
        return response
    }
}
