import Foundation
import MariaDB
import PosCore
import PosCoreTesting
import PosHTTP
import Testing

/// Who may use a guest session, and where: tables' codes open sessions only while the table is
/// active; a session works only on the guest order routes, only until it expires; staff tokens
/// and guest sessions never stand in for each other.
@Suite("Guest sessions and the gateway")
struct GuestAuthTests {
    let gateway = GatewayClient.shared

    @Test("A session needs the code of an active table: unknown, malformed and disabled are the same 404")
    func unknownOrDisabledTable() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let table = try await GuestFixtures.newTable()
        let id = try GuestFixtures.id(table)
        let token = try #require(table["token"]?.stringValue)
        try await GuestFixtures.open(tableToken: token).expecting(201, "an active table opens sessions")

        var forged = Array(token)
        forged[0] = forged[0] == "A" ? "B" : "A"
        for candidate in [String(forged), "short", String(repeating: "x", count: 200), token + "="] {
            let response = try await GuestFixtures.open(tableToken: candidate)
            #expect(response.status == 404 && response.problemType == "/problems/table-not-found", "\(candidate): \(response)")
        }
        let missing = try await gateway.sendRetryingWhenRateLimited("POST", "/api/guest/sessions", json: [:])
        #expect(missing.status == 422 && missing.errorFields == ["table_token"], "\(missing)")

        let session = try await GuestFixtures.newSession(at: table)
        try await gateway.send("PATCH", "/api/guest/tables/\(id)", json: ["active": false], token: manager.token)
            .expecting(200, "disable the table")
        let refused = try await GuestFixtures.open(tableToken: token)
        #expect(refused.status == 404 && refused.problemType == "/problems/table-not-found", "\(refused)")
        // The table's open sessions stop too (the check is cached for at most 1 s).
        try await Task.sleep(for: .milliseconds(2100))
        let order = try await GuestFixtures.place([OrderFixtures.line(try await OrderFixtures.menu().croissantID)], as: session)
        #expect(order.status == 401, "\(order)")

        try await gateway.send("PATCH", "/api/guest/tables/\(id)", json: ["active": true], token: manager.token)
            .expecting(200, "enable it again")
        try await GuestFixtures.open(tableToken: token).expecting(201, "enabled again")
    }

    @Test("A guest session is refused (401) on staff routes", arguments: [
        ("GET", "/api/auth/me"), ("GET", "/api/orders"), ("POST", "/api/orders"), ("GET", "/api/kitchen/queue"),
        ("GET", "/api/payments?order_id=1"), ("GET", "/api/staff"), ("GET", "/api/guest/tables"), ("POST", "/api/guest/tables"),
        ("POST", "/api/orders/1/accept"), ("GET", "/api/audit"), ("POST", "/api/menu/items"),
    ])
    func guestTokenOnStaffRoutes(method: String, path: String) async throws {
        let session = try await GuestFixtures.newSession()
        let response = try await GuestFixtures.send(method, path, json: method == "POST" ? [:] : nil, as: session)
        #expect(response.status == 401 && response.isProblem, "\(method) \(path): \(response)")
        // …and as a Bearer token it is just as unknown.
        let asBearer = try await gateway.send(method, path, json: method == "POST" ? [:] : nil, token: session.token)
        #expect(asBearer.status == 401, "\(method) \(path) with the session as a bearer token: \(asBearer)")
    }

    @Test("A staff token is not a guest session: 401 on the guest order routes, whatever the scheme", arguments: Role.allCases)
    func staffTokenOnGuestRoutes(role: Role) async throws {
        let staff = try await StaffFixtures.shared(role)
        let order = try GuestFixtures.id(try await GuestFixtures.pendingOrder())
        for authorization in ["Bearer \(staff.token)", "Guest \(staff.token)"] {
            let placed = try await gateway.send("POST", "/api/guest/orders", json: ["items": []], headers: ["Authorization": authorization])
            #expect(placed.status == 401 && placed.isProblem, "\(role) \(authorization.prefix(6)): \(placed)")
            let read = try await gateway.send("GET", "/api/guest/orders/\(order)", headers: ["Authorization": authorization])
            #expect(read.status == 401 && read.isProblem, "\(role) \(authorization.prefix(6)): \(read)")
        }
    }

    @Test("No session, a forged one, or a malformed header: 401 problem asking for a guest session")
    func missingOrForgedSession() async throws {
        let forged = Secrets.newToken()
        for headers in [[:], ["Authorization": "Guest \(forged)"], ["Authorization": "Guest"], ["Authorization": "Guest  \(forged)"],
                        ["Authorization": "Basic \(forged)"]] {
            let response = try await gateway.send("POST", "/api/guest/orders", json: ["items": []], headers: headers)
            #expect(response.status == 401 && response.isProblem, "\(headers): \(response)")
            #expect(response.header("www-authenticate")?.hasPrefix("Guest") == true)
            #expect(response.json?["detail"]?.stringValue?.contains("guest session") == true)
        }
    }

    @Test("An expired session is 401, at once for new checks")
    func expiredSession() async throws {
        let session = try await GuestFixtures.newSession()
        let order = try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: session))
        try await GuestFixtures.send("GET", "/api/guest/orders/\(order)", as: session).expecting(200, "while it lives")

        let digest = Secrets.sha256(session.token)
        let db = try TestDatabase.connect()
        let changed = try db.execute("UPDATE guest_sessions SET expires_at = NOW() - INTERVAL 1 SECOND WHERE token_hash = \(digest)")
        #expect(changed.affectedRows == 1)
        try await Task.sleep(for: .milliseconds(2100)) // past the gateway's 1 s cache of the last answer

        let read = try await GuestFixtures.send("GET", "/api/guest/orders/\(order)", as: session)
        #expect(read.status == 401 && read.isProblem, "\(read)")
        let placed = try await GuestFixtures.place([OrderFixtures.line(try await OrderFixtures.menu().croissantID)], as: session)
        #expect(placed.status == 401, "\(placed)")
    }

    @Test("Identity headers a client sends are ignored: X-Pos-Guest-* cannot pick a session or a table")
    func spoofedGuestHeaders() async throws {
        let victim = try await GuestFixtures.newSession()
        let order = try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: victim))
        let attacker = try await GuestFixtures.newSession(at: try await GuestFixtures.newTable())
        let spoof = ["X-Pos-Guest-Session": "1", "X-Pos-Guest-Table": String(victim.tableID),
                     "Pos-Guest-Session-Id": "1", "X-Pos-Staff-Id": "1", "X-Pos-Staff-Role": "admin"]
        let read = try await GuestFixtures.send("GET", "/api/guest/orders/\(order)", headers: spoof, as: attacker)
        #expect(read.status == 404, "\(read)")
        let withoutSession = try await gateway.send("GET", "/api/guest/orders/\(order)", headers: spoof)
        #expect(withoutSession.status == 401, "\(withoutSession)")

        let placed = try requireJSON(try await GuestFixtures.place([OrderFixtures.line(try await OrderFixtures.menu().croissantID)],
                                                                   headers: spoof, as: attacker).expecting(201, "place"))
        #expect(placed["table"] == .string(attacker.tableLabel), "the order is at the attacker's own table")
    }

    @Test("A session token is nowhere on disk after use: guest check cache, logs, database")
    func sessionTokenNotOnDisk() async throws {
        let session = try await GuestFixtures.newSession()
        let order = try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: session))
        for _ in 1...3 {
            try await GuestFixtures.send("GET", "/api/guest/orders/\(order)", as: session).expecting(200, "read")
        }
        let holders = StackFiles.containing(Array(session.token.utf8))
        #expect(holders.isEmpty, "the session token is in plain text in \(holders)")
    }
}

extension GuestFixtures {
    static func place(_ lines: [JSON], headers: [String: String], as session: GuestSession) async throws -> TestResponse {
        try await send("POST", "/api/guest/orders", json: ["items": .array(lines)], headers: headers, as: session)
    }
}
