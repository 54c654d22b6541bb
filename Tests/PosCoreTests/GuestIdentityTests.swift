import FastCGI
@testable import PosCore
import PosHTTP
import Testing

/// A guest session reaches a service only through the gateway's `POS_GUEST_*` params.
@Suite("Guest identity from the gateway")
struct GuestIdentityTests {
    static func request(_ params: [String: String]) -> HTTPRequest {
        HTTPRequest(fastCGI: FastCGIRequest(params: ["REQUEST_METHOD": "GET", "DOCUMENT_URI": "/api/guest/orders/1"]
            .merging(params) { $1 }, body: []))
    }

    @Test("POS_GUEST_SESSION_ID and POS_GUEST_TABLE_ID make a guest; client headers never do")
    func guestComesOnlyFromGatewayParameters() throws {
        let real = Self.request(["POS_GUEST_SESSION_ID": "12", "POS_GUEST_TABLE_ID": "3"])
        #expect(real.guest == GuestIdentity(sessionID: 12, tableID: 3))
        #expect(real.identity == nil)
        #expect(try real.requireGuest() == GuestIdentity(sessionID: 12, tableID: 3))

        let spoofed = Self.request(["HTTP_X_POS_GUEST_SESSION": "12", "HTTP_X_POS_GUEST_TABLE": "3",
                                    "HTTP_POS_GUEST_SESSION_ID": "12", "HTTP_POS_GUEST_TABLE_ID": "3"])
        #expect(spoofed.guest == nil)
        let refused = #expect(throws: HTTPError.self) { try spoofed.requireGuest() }
        #expect(refused?.status == 401)
    }

    @Test("Empty, partial or malformed params are no guest", arguments: [
        ["POS_GUEST_SESSION_ID": "", "POS_GUEST_TABLE_ID": ""], ["POS_GUEST_SESSION_ID": "12"],
        ["POS_GUEST_SESSION_ID": "x", "POS_GUEST_TABLE_ID": "3"], ["POS_GUEST_SESSION_ID": "0", "POS_GUEST_TABLE_ID": "3"],
        ["POS_GUEST_SESSION_ID": "12", "POS_GUEST_TABLE_ID": "-3"],
    ])
    func incompleteParams(params: [String: String]) {
        #expect(Self.request(params).guest == nil)
    }

    @Test("Staff and guest params together are neither: no gateway location sets both")
    func bothKindsAreNeither() {
        let both = Self.request(["POS_GUEST_SESSION_ID": "12", "POS_GUEST_TABLE_ID": "3",
                                 "POS_STAFF_ID": "7", "POS_STAFF_ROLE": "admin", "POS_STAFF_USERNAME": "kim"])
        #expect(both.guest == nil)
        #expect(both.identity == nil)
    }

    @Test("Token shape: 43 URL-safe base64 characters, as newToken makes them")
    func tokenShape() {
        #expect(Secrets.isTokenShaped(Secrets.newToken()))
        #expect(!Secrets.isTokenShaped(String(Secrets.newToken().dropLast())))
        #expect(!Secrets.isTokenShaped(Secrets.newToken() + "A"))
        #expect(!Secrets.isTokenShaped(String(repeating: "+", count: 43)))
        #expect(!Secrets.isTokenShaped(String(repeating: "é", count: 43)))
    }

    @Test("Entity tags: the same bytes give the same strong tag; If-None-Match matches weakly, lists and *")
    func entityTags() {
        let tag = EntityTag.digest(of: Array("{\"a\":1}".utf8), prefix: "order")
        #expect(tag == EntityTag.digest(of: Array("{\"a\":1}".utf8), prefix: "order"))
        #expect(tag != EntityTag.digest(of: Array("{\"a\":2}".utf8), prefix: "order"))
        #expect(tag.hasPrefix("\"order-") && tag.hasSuffix("\""))
        #expect(EntityTag.matches("\"x\", W/\(tag)", tag))
        #expect(EntityTag.matches("*", tag))
        #expect(!EntityTag.matches(nil, tag))

        let request = HTTPRequest(method: "GET", path: "/x", headers: ["if-none-match": tag])
        let response = HTTPResponse.json(["a": 1]).conditional(on: request, prefix: "order")
        #expect(response.status == 304 && response.body.isEmpty && response.header("ETag") == tag)
        let fresh = HTTPResponse.json(["a": 1]).conditional(on: HTTPRequest(method: "GET", path: "/x"), prefix: "order")
        #expect(fresh.status == 200 && fresh.header("ETag") == tag && fresh.header("Cache-Control") == "no-cache")
    }
}
