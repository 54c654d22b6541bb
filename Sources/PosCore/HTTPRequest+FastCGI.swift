import FastCGI
import PosHTTP

extension HTTPRequest {
    /// Builds a request from FastCGI parameters. Identity comes only from `POS_STAFF_*` and
    /// `POS_GUEST_*`, which nginx sets from its auth subrequests; `HTTP_*` headers can never
    /// produce them.
    public init(fastCGI request: FastCGIRequest) {
        let params = request.params
        let uri = params["DOCUMENT_URI"] ?? params["REQUEST_URI"].map { String($0.prefix { $0 != "?" }) } ?? "/"
        var headers: [String: String] = [:]
        for (key, value) in params where key.hasPrefix("HTTP_") {
            headers[key.dropFirst(5).lowercased().replacingUnderscores()] = value
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { headers["content-type"] = type }
        let staff = Identity(staffID: params["POS_STAFF_ID"], username: params["POS_STAFF_USERNAME"], role: params["POS_STAFF_ROLE"])
        let guest = GuestIdentity(sessionID: params["POS_GUEST_SESSION_ID"], tableID: params["POS_GUEST_TABLE_ID"])
        // A gateway location checks one kind of credential; both at once is not the gateway: neither counts.
        let both = staff != nil && guest != nil
        self.init(method: params["REQUEST_METHOD"] ?? "GET", path: uri, query: Self.parseQuery(params["QUERY_STRING"] ?? ""),
                  headers: headers, body: request.body, bodyTooLarge: request.bodyTooLarge,
                  identity: both ? nil : staff, guest: both ? nil : guest,
                  isAuthCheck: params["POS_AUTH_CHECK"] == "1", requestID: params["POS_REQUEST_ID"] ?? "")
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
