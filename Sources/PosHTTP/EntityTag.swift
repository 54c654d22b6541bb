/// Conditional GETs (RFC 9110): strong entity tags and `If-None-Match`.
public enum EntityTag {
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
