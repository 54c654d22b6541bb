/// Conditional GETs (RFC 9110): strong entity tags and `If-None-Match`.
public enum EntityTag {
    /// A strong entity tag for exactly these bytes: `"<prefix>-<22 base64url characters of their SHA-256>"`.
    public static func digest(of body: [UInt8], prefix: String) -> String {
        "\"\(prefix)-\(Secrets.base64URL(Array(Secrets.sha256(bytes: body).prefix(16))))\""
    }

    /// Whether an `If-None-Match` value (a list of entity tags, or `*`) matches `etag`, by weak
    /// comparison as RFC 9110 requires for this header.
    public static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        for candidate in header.split(separator: ",") {
            var tag = candidate.drop { $0 == " " || $0 == "\t" }
            while let last = tag.last, last == " " || last == "\t" { tag.removeLast() }
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == etag { return true }
        }
        return false
    }

    /// 304 with the tag and no body.
    public static func notModified(_ etag: String, cacheControl: String = "no-cache") -> HTTPResponse {
        HTTPResponse(status: 304, headers: [("ETag", etag), ("Cache-Control", cacheControl)])
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
