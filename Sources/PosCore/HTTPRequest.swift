import FastCGI

/// An HTTP request as the gateway passed it on: method, normalised path, query, headers, body,
/// and the caller's identity (from gateway-only parameters, never from client headers).
public struct HTTPRequest: Sendable {
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

    /// Builds a request from FastCGI parameters. Identity comes only from `POS_STAFF_*` and
    /// `POS_GUEST_*`, which nginx sets from its auth subrequests; `HTTP_*` headers can never
    /// produce them.
    public init(fastCGI request: FastCGIRequest) {
        let params = request.params
        method = params["REQUEST_METHOD"] ?? "GET"
        let uri = params["DOCUMENT_URI"] ?? params["REQUEST_URI"].map { String($0.prefix { $0 != "?" }) } ?? "/"
        path = uri
        query = Self.parseQuery(params["QUERY_STRING"] ?? "")
        var headers: [String: String] = [:]
        for (key, value) in params where key.hasPrefix("HTTP_") {
            headers[key.dropFirst(5).lowercased().replacingUnderscores()] = value
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { headers["content-type"] = type }
        self.headers = headers
        body = request.body
        bodyTooLarge = request.bodyTooLarge
        let staff = Identity(staffID: params["POS_STAFF_ID"], username: params["POS_STAFF_USERNAME"], role: params["POS_STAFF_ROLE"])
        let guest = GuestIdentity(sessionID: params["POS_GUEST_SESSION_ID"], tableID: params["POS_GUEST_TABLE_ID"])
        // A gateway location checks one kind of credential; both at once is not the gateway: neither counts.
        let both = staff != nil && guest != nil
        identity = both ? nil : staff
        self.guest = both ? nil : guest
        isAuthCheck = params["POS_AUTH_CHECK"] == "1"
        requestID = params["POS_REQUEST_ID"] ?? ""
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

    static func parseQuery(_ text: String) -> [String: String] {
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

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
