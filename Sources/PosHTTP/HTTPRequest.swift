/// An HTTP request as the gateway passed it on: method, normalised path, query, headers, body,
/// and the caller's identity (from gateway-only parameters, never from client headers).
public struct HTTPRequest: Sendable {
    /// Bodies past this are refused with 413 (nginx enforces the same limit first).
    public static let maxBodyBytes = 64 * 1024

    public let method: String
    public let path: String
    public let query: [String: String]
    /// Header names lower-cased with dashes: `if-match`, `idempotency-key`.
    public let headers: [String: String]
    public let body: [UInt8]
    public let bodyTooLarge: Bool
    /// The authenticated staff member, when the gateway checked a token for this route.
    public let identity: Identity?
    /// The guest session, when the gateway checked an `Authorization: Guest` header for this route.
    public let guest: GuestIdentity?
    /// True only for the gateway's internal token-check subrequest.
    public let isAuthCheck: Bool
    public let requestID: String
    /// Values of `:name` segments matched by the router.
    public internal(set) var pathParameters: [String: String] = [:]
    /// The pattern of the route the router matched (`/api/orders/:id/submit`); empty before.
    public internal(set) var routePattern = ""

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                body: [UInt8] = [], bodyTooLarge: Bool = false, identity: Identity? = nil,
                guest: GuestIdentity? = nil, isAuthCheck: Bool = false, requestID: String = "") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bodyTooLarge = bodyTooLarge
        self.identity = identity
        self.guest = guest
        self.isAuthCheck = isAuthCheck
        self.requestID = requestID
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The integer path parameter `name` (a route like `/items/:id`); 404 when it is not a
    /// positive integer that fits in 64 bits, since no such resource can exist. A larger id
    /// than any row holds is looked up like any other and is 404 too.
    public func id(_ name: String = "id") throws -> Int {
        guard let text = pathParameters[name], let value = Int(text), value > 0 else {
            throw HTTPError.notFound("No resource has the id \"\(pathParameters[name] ?? "")\".")
        }
        return value
    }

    package static func parseQuery(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = percentDecode(String(parts[0]))
            let value = parts.count > 1 ? percentDecode(String(parts[1])) : ""
            if result[key] == nil { result[key] = value }
        }
        return result
    }

    static func percentDecode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
