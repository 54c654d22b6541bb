import Foundation
import PosCoreTesting
import PosHTTP
import Testing

@Suite("The audit log")
struct AuditTests {
    let gateway = GatewayClient.shared

    @Test("A failed login and a role change show up in the audit log with who and what")
    func failedLoginAndRoleChangeAreAudited() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let account = try await StaffFixtures.createAccount(.cashier)
        let since = Self.rfc3339(Date().addingTimeInterval(-60))

        try await StaffFixtures.login(username: account.username, password: "a-wrong-password")
            .expecting(401, "log in with a wrong password")
        try await gateway.send("PATCH", "/api/staff/\(account.id)", json: ["role": "barista"], token: manager.token)
            .expecting(200, "manager makes the cashier a barista")

        let failedLogin = try await findEntry(type: "login_failed", since: since, token: manager.token) {
            $0["entity_id"] == .int(account.id)
        }
        let roleChange = try await findEntry(type: "role_changed", since: since, token: manager.token) {
            $0["entity_id"] == .int(account.id)
        }

        let login = try #require(failedLogin, "a login_failed entry for staff \(account.id)")
        #expect(login["entity"] == "staff")
        #expect(login["actor_username"] == .string(account.username))
        #expect(login["at"]?.stringValue?.hasSuffix("Z") == true)
        let change = try #require(roleChange, "a role_changed entry for staff \(account.id)")
        #expect(change["entity"] == "staff")
        #expect(change["actor_id"] == .int(manager.id))
        #expect(change["actor_username"] == .string(manager.username))
        #expect(change["detail"]?["from"] == "cashier")
        #expect(change["detail"]?["to"] == "barista")
    }

    @Test("A cashier may not read the audit log")
    func cashierCannotReadAudit() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)

        let response = try await gateway.send("GET", "/api/audit", token: cashier.token)

        #expect(response.status == 403, "\(response)")
        #expect(response.isProblem)
    }

    @Test("No one can edit or delete audit entries, not even admin", arguments: ["PATCH", "PUT", "DELETE"])
    func auditIsAppendOnly(method: String) async throws {
        let admin = try await StaffFixtures.admin()
        let entries = try await gateway.send("GET", "/api/audit?limit=1", token: admin.token).expecting(200, "admin reads the log")
        let entry = try #require(entries.json?["items"]?.arrayValue?.first, "the log has entries")
        let id = try #require(entry["id"]?.intValue)

        for path in ["/api/audit", "/api/audit/\(id)"] {
            let response = try await gateway.send(method, path, json: ["reason": "tidy up"], token: admin.token)
            #expect([404, 405].contains(response.status), "\(method) \(path): \(response)")
            #expect(response.isProblem)
        }
        let again = try await gateway.send("GET", "/api/audit?limit=200", token: admin.token)
        #expect(again.json?["items"]?.arrayValue?.contains(entry) == true, "the entry is still there, unchanged")
    }

    /// Pages through `GET /api/audit?type=&since=` (newest first) for the first entry that
    /// `matches`.
    private func findEntry(type: String, since: String, token: String,
                           matching matches: (JSON) -> Bool) async throws -> JSON? {
        var cursor: String?
        for _ in 0..<10 {
            var path = "/api/audit?type=\(type)&since=\(since)&limit=200"
            if let cursor { path += "&cursor=\(cursor)" }
            let page = try await gateway.send("GET", path, token: token).expecting(200, "GET \(path)")
            if let entry = page.json?["items"]?.arrayValue?.first(where: matches) { return entry }
            guard let next = page.json?["next_cursor"]?.stringValue else { return nil }
            cursor = next
        }
        return nil
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
