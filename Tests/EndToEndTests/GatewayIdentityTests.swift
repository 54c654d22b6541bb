import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Who the caller is comes only from nginx's token check. Headers a client sends claiming an
/// identity (the gateway's own `X-Pos-Staff-*` names, `Pos-Staff-*` that would become
/// `HTTP_POS_STAFF_*` next to the services' `POS_STAFF_*`, guest session claims) change no
/// answer anywhere: each request gets exactly what the caller's real token (or none) gets.
@Suite("Identity headers from clients never reach a service")
struct GatewayIdentityTests {
    let gateway = GatewayClient.shared

    /// Everything a client might send to pose as admin (staff id 1) or as a guest session.
    static let claims: [String: String] = [
        "X-Pos-Staff-Id": "1", "X-Pos-Staff-Username": "admin", "X-Pos-Staff-Role": "admin",
        "Pos-Staff-Id": "1", "Pos-Staff-Username": "admin", "Pos-Staff-Role": "admin",
        "X-Pos-Guest-Session": "1", "X-Pos-Guest-Table-Id": "1", "X-Pos-Guest-Id": "1",
        "X-Forwarded-User": "admin", "X-Remote-User": "admin", "Remote-User": "admin",
    ]

    /// (method, path, body) of staff routes across every service.
    static let staffRoutes: [(String, String, JSON?)] = [
        ("GET", "/api/auth/me", nil),
        ("GET", "/api/staff", nil),
        ("GET", "/api/audit", nil),
        ("POST", "/api/menu/categories", ["name": "E2E spoofed category"]),
        ("GET", "/api/orders", nil),
        ("GET", "/api/kitchen/queue", nil),
        ("GET", "/api/payments?order_id=1", nil),
        ("GET", "/api/shifts/current", nil),
    ]

    @Test("Without a token, claiming admin by header is 401 on every staff route", arguments: staffRoutes)
    func claimsWithoutToken(method: String, path: String, body: JSON?) async throws {
        let response = try await gateway.send(method, path, json: body, headers: Self.claims)

        #expect(response.status == 401, "\(method) \(path): \(response)")
        #expect(response.isProblem, "\(method) \(path): \(response)")
    }

    /// A barista's answers, with and without the claims: the same statuses (403 where a
    /// barista may not go, whatever the headers say).
    @Test("A barista claiming admin by header gets a barista's answers", arguments: staffRoutes)
    func claimsWithBaristaToken(method: String, path: String, body: JSON?) async throws {
        let barista = try await StaffFixtures.shared(.barista)
        let expected: Set<Int> = switch (method, path) {
        case ("GET", "/api/auth/me"), ("GET", "/api/orders"), ("GET", "/api/kitchen/queue"), ("GET", "/api/payments?order_id=1"):
            [200]
        default: [403]
        }

        let honest = try await gateway.send(method, path, json: body, token: barista.token)
        let claiming = try await gateway.send(method, path, json: body, headers: Self.claims, token: barista.token)

        #expect(expected.contains(honest.status), "\(method) \(path) as barista: \(honest)")
        #expect(claiming.status == honest.status, "\(method) \(path) claiming admin: \(claiming)")
        if method == "GET", path == "/api/auth/me" {
            #expect(claiming.json?["id"] == .int(barista.id), "\(claiming)")
            #expect(claiming.json?["role"] == "barista", "\(claiming)")
        }
    }

    @Test("An order made while claiming admin by header is the cashier's")
    func orderAuthorIsTheTokenHolder() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let menu = try await OrderFixtures.menu()

        let response = try await gateway.send("POST", "/api/orders", json: [
            "type": "takeaway", "items": [OrderFixtures.line(menu.croissantID)],
        ], headers: Self.claims, token: cashier.token)

        #expect(response.status == 201, "\(response)")
        #expect(response.json?["created_by"] == .int(cashier.id), "\(response)")
    }
}

/// The body limit (64 KiB) holds on every API prefix, whether the body says its length up
/// front or arrives chunked: 413 problem+json, never a service's 400 or a 500.
@Suite("Bodies over 64 KiB are 413 on every API")
struct GatewayBodyLimitTests {
    static let routes: [(String, String)] = [
        ("POST", "/api/menu/items"), ("PATCH", "/api/menu/items/1"), ("POST", "/api/menu/categories"),
        ("POST", "/api/orders"), ("POST", "/api/orders/quote"), ("POST", "/api/orders/1/items"),
        ("POST", "/api/payments"), ("POST", "/api/shifts"),
        ("POST", "/api/staff"), ("PATCH", "/api/staff/1"),
        ("POST", "/api/auth/login"), ("POST", "/api/auth/logout"),
    ]

    static let oversized = #"{"name":""# + String(repeating: "a", count: 70 * 1024) + #""}"#

    @Test("A 70 KiB body with Content-Length is 413 problem+json", arguments: routes)
    func withLength(method: String, path: String) async throws {
        let admin = try await StaffFixtures.admin()

        let response = try await GatewayClient.shared.send(method, path, rawBody: Array(Self.oversized.utf8),
                                                           headers: ["Content-Type": "application/json"], token: admin.token)

        #expect(response.status == 413, "\(method) \(path): \(response)")
        #expect(response.isProblem, "\(method) \(path): \(response)")
    }

    @Test("A 70 KiB chunked body is 413 problem+json", arguments: routes)
    func chunked(method: String, path: String) async throws {
        let admin = try await StaffFixtures.admin()
        let chunks = stride(from: 0, to: Self.oversized.utf8.count, by: 8192).map { start -> String in
            let bytes = Array(Self.oversized.utf8)[start..<min(start + 8192, Self.oversized.utf8.count)]
            return String(bytes.count, radix: 16) + "\r\n" + String(decoding: bytes, as: UTF8.self) + "\r\n"
        }.joined() + "0\r\n\r\n"
        let request = GatewayRaw.request(method, path, headers: [
            "Authorization": "Bearer \(admin.token)", "Content-Type": "application/json", "Transfer-Encoding": "chunked",
        ], body: chunks)

        // The login limit (limit_req, checked before the body is read) is shared with every
        // other test that logs in: wait out a 429 as a client would.
        var response = try await GatewayRaw.exchange(request)
        for _ in 0..<15 where response.status == 429 {
            try await Task.sleep(for: .seconds(1))
            response = try await GatewayRaw.exchange(request)
        }

        #expect(response.status == 413, "\(method) \(path): \(response)")
        #expect(response.isProblem, "\(method) \(path): \(response)")
    }
}
