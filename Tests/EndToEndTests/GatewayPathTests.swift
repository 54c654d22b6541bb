import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// The user service's token check (`/internal/auth/check`) is for nginx's own `/_auth`
/// subrequest only. However a client spells the path, nginx answers it itself with a
/// problem+json 4xx: the request never reaches a service. (The service would refuse it too,
/// with the same 404 problem, since only `/_auth` sets POS_AUTH_CHECK; so the access log's
/// upstream time, empty when no service was asked, is what shows who answered.)
@Suite("Path tricks never reach /internal/")
struct GatewayPathTests {
    static let tricks = [
        "/internal/auth/check",
        "//internal/auth/check",
        "/api/../internal/auth/check",
        "/%2e%2e/internal/auth/check",
        "/api/%2e%2e/internal/auth/check",
        "/api/%2E%2E/internal/auth/check",
        "/internal%2fauth%2fcheck",
        "/internal%2Fauth%2Fcheck",
        "/api/menu/..%2f..%2finternal/auth/check",
        "/api/auth/..%2f..%2finternal/auth/check",
        "/api/orders/%2e%2e/%2e%2e/internal/auth/check",
        "/api/menu/items/1/..%2f..%2f..%2f..%2finternal/auth/check",
        "/api/auth/me/../../../internal/auth/check",
        "/./internal/auth/check",
        "/%2finternal/auth/check",
        "/%69nternal/auth/check",
        "/INTERNAL/AUTH/CHECK",
        "/Internal/Auth/Check",
        "/internal./auth/check",
        "/internal/auth/check.",
        "/internal/auth/check%00",
        "/internal%00/auth/check",
        "/api/auth/me%00/../../../internal/auth/check",
        "/_auth",
        "//_auth",
        "/api/orders/..%2f..%2f_auth",
        "http://127.0.0.1/internal/auth/check",
    ]

    @Test("Every spelling of the token check's path is a problem+json 4xx that nginx makes itself")
    func pathTricks() async throws {
        let admin = try await StaffFixtures.admin()
        var answered: [(request: String, id: String)] = []

        for path in Self.tricks {
            for method in ["GET", "POST"] {
                let what = "\(method) \(path)"
                let response = try await GatewayRaw.exchange(GatewayRaw.request(
                    method, path, headers: ["Authorization": "Bearer \(admin.token)"], body: method == "POST" ? "{}" : nil))

                #expect((400..<500).contains(response.status), "\(what): \(response)")
                #expect(response.isProblem, "\(what): \(response)")
                #expect(response.header("x-pos-staff-id") == nil && response.header("x-pos-staff-role") == nil,
                        "\(what): \(response.headers)")
                if let id = response.requestID { answered.append((what, id)) } else { Issue.record("\(what): no request id: \(response)") }
            }
        }

        let upstream = await AccessLog.upstreamTimes(of: answered.map(\.id))
        for (what, id) in answered {
            #expect(upstream[id] == "", "\(what) reached a service (upstream time \(upstream[id] ?? "not logged"))")
        }
    }

    @Test("The real token check still works: a signed-in request to a staff route passes")
    func tokenCheckStillWorks() async throws {
        let admin = try await StaffFixtures.admin()

        let response = try await GatewayRaw.exchange(GatewayRaw.request("GET", "/api/auth/me",
                                                                       headers: ["Authorization": "Bearer \(admin.token)"]))

        #expect(response.status == 200, "\(response)")
        #expect(response.json?["username"] == "admin", "\(response)")
    }
}

/// Every answer nginx makes itself, whatever is wrong with the request, is an RFC 9457
/// problem (never nginx's HTML page), with the status nginx chose.
@Suite("Errors the gateway makes itself are problem+json")
struct GatewayErrorTests {
    static let header9KiB = String(repeating: "a", count: 9 * 1024)

    /// (what, exact bytes, expected status)
    static let cases: [(String, String, Int)] = [
        ("a request line that is not HTTP", "GARBAGE\r\n\r\n", 400),
        ("a request line with a fourth word", "GET /healthz HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
        ("a lower-case method", "get /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
        ("HTTP/1.1 without Host", "GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
        ("a Host that is a path", "GET /healthz HTTP/1.1\r\nHost: ../..\r\nConnection: close\r\n\r\n", 400),
        ("a header line without a colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n", 400),
        ("a NUL in a header value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\nConnection: close\r\n\r\n", 400),
        ("a path climbing above the root", "GET /../internal/auth/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
        ("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
        ("CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
        ("a 9 KiB URI", "GET /api/menu?q=\(header9KiB) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414),
        ("a 9 KiB header (nginx's 494)", "GET /api/menu HTTP/1.1\r\nHost: x\r\nX-Big: \(header9KiB)\r\nConnection: close\r\n\r\n", 400),
        ("40 KiB of headers", "GET /api/menu HTTP/1.1\r\nHost: x\r\n"
            + (0..<40).map { "X-H\($0): \(String(repeating: "b", count: 1000))\r\n" }.joined() + "Connection: close\r\n\r\n", 400),
        ("HTTP/2.0 on the HTTP/1 port", "GET /healthz HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n", 505),
        ("HTTP/3.1", "GET /healthz HTTP/3.1\r\nHost: x\r\nConnection: close\r\n\r\n", 505),
        ("Transfer-Encoding: gzip", "POST /api/orders/quote HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n", 501),
        ("Transfer-Encoding and Content-Length", "POST /api/orders/quote HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            + "Content-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n", 400),
        ("Transfer-Encoding on HTTP/1.0", "POST /api/orders/quote HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("a chunk size that is not hex", "POST /api/orders/quote HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\nzz\r\n\r\n", 400),
        ("a Content-Length that is not a number", "POST /api/orders/quote HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n", 400),
        ("two Content-Lengths", "POST /api/orders/quote HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n"
            + "Connection: close\r\n\r\n{}", 400),
        ("an unknown method on /healthz", "BREW /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
        ("POST on /healthz", "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405),
        ("TRACE", "TRACE /api/menu HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
        ("an unknown path", "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404),
        ("a Range past the end of the OpenAPI document", "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n"
            + "Range: bytes=99999999-\r\nConnection: close\r\n\r\n", 416),
        ("If-Match that fails on the OpenAPI document", "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n"
            + "If-Match: \"not-its-etag\"\r\nConnection: close\r\n\r\n", 412),
        ("If-Unmodified-Since 1970 on the OpenAPI document", "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n"
            + "If-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\nConnection: close\r\n\r\n", 412),
    ]

    @Test("nginx's own answer is problem+json with its status", arguments: cases)
    func ownError(what: String, request: String, status: Int) async throws {
        let response = try await GatewayRaw.exchange(request)

        #expect(response.status == status, "\(what): \(response)")
        #expect(response.isProblem, "\(what): \(response)")
        #expect(!response.text.lowercased().contains("<html"), "\(what): \(response)")
    }
}
