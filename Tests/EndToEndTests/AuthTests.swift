import PosCoreTesting
import PosHTTP
import Testing

@Suite("Logging in and who may call what")
struct AuthTests {
    let gateway = GatewayClient.shared

    @Test("Logging in returns a token, its expiry and the staff member, never a password hash")
    func loginReturnsTokenAndStaff() async throws {
        let account = try await StaffFixtures.createAccount(.cashier)

        let response = try await StaffFixtures.login(username: account.username, password: account.password)

        #expect(response.status == 200)
        let body = try #require(response.json)
        let token = try #require(body["token"]?.stringValue)
        #expect(token.count >= 32)
        let expiresAt = try #require(body["expires_at"]?.stringValue)
        #expect(expiresAt.hasSuffix("Z") && expiresAt.count == 20, "RFC 3339 UTC, e.g. 2026-11-25T09:30:00Z: \(expiresAt)")
        let staff = try #require(body["staff"])
        #expect(staff["id"] == .int(account.id))
        #expect(staff["username"] == .string(account.username))
        #expect(staff["display_name"] == "E2E cashier")
        #expect(staff["role"] == "cashier")
        #expect(staff["active"] == true)
        #expect(staff["created_at"]?.stringValue?.hasSuffix("Z") == true)
        #expect(!response.text.lowercased().contains("hash"))
        #expect(!response.text.lowercased().contains("password"))
        #expect(!response.text.contains(account.password))
    }

    @Test("A wrong password and an unknown username get the same 401")
    func badCredentialsLookAlike() async throws {
        let account = try await StaffFixtures.createAccount(.cashier)

        let wrongPassword = try await StaffFixtures.login(username: account.username, password: "not-the-password")
        let unknownUser = try await StaffFixtures.login(username: StaffFixtures.uniqueUsername("nobody"), password: "not-the-password")

        #expect(wrongPassword.status == 401)
        #expect(unknownUser.status == 401)
        #expect(wrongPassword.isProblem)
        #expect(withoutRequestID(wrongPassword.json) == withoutRequestID(unknownUser.json),
                "\(wrongPassword) vs \(unknownUser)")
    }

    @Test("Protected routes answer 401 problem+json without a valid token",
          arguments: ["/api/staff", "/api/auth/me", "/api/audit"])
    func protectedRouteNeedsToken(path: String) async throws {
        let noToken = try await gateway.send("GET", path)
        let madeUpToken = try await gateway.send("GET", path, token: "bm90LWEtcmVhbC10b2tlbi1qdXN0LTQzLWNoYXJzLWxvbmc")

        for response in [noToken, madeUpToken] {
            #expect(response.status == 401, "\(response)")
            #expect(response.isProblem, "\(response)")
        }
    }

    @Test("A cashier may not list staff (403 problem+json)")
    func cashierCannotListStaff() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)

        let response = try await gateway.send("GET", "/api/staff", token: cashier.token)

        #expect(response.status == 403, "\(response)")
        #expect(response.isProblem)
    }

    @Test("Identity headers sent by a client are ignored")
    func spoofedIdentityHeadersAreIgnored() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let claimToBeAdmin = ["X-Pos-Staff-Role": "admin", "X-Pos-Staff-Id": "1", "X-Pos-Staff-Username": "admin"]

        let withToken = try await gateway.send("GET", "/api/staff", headers: claimToBeAdmin, token: cashier.token)
        let withoutToken = try await gateway.send("GET", "/api/staff", headers: claimToBeAdmin)
        let me = try await gateway.send("GET", "/api/auth/me", headers: claimToBeAdmin, token: cashier.token)

        #expect(withToken.status == 403, "\(withToken)")
        #expect(withoutToken.status == 401, "\(withoutToken)")
        #expect(me.status == 200)
        #expect(me.json?["id"] == .int(cashier.id))
        #expect(me.json?["role"] == "cashier")
    }

    @Test("GET /api/auth/me shows the caller's own account")
    func meShowsOwnAccount() async throws {
        let barista = try await StaffFixtures.shared(.barista)

        let response = try await gateway.send("GET", "/api/auth/me", token: barista.token)

        #expect(response.status == 200)
        #expect(response.json?["username"] == .string(barista.username))
        #expect(response.json?["role"] == "barista")
        #expect(!response.text.lowercased().contains("password"))
    }
}

/// A problem document without members that differ per request (`request_id`, `instance`).
func withoutRequestID(_ json: JSON?) -> JSON? {
    guard case .object(let members)? = json else { return json }
    return .object(members.filter { $0.0 != "request_id" && $0.0 != "instance" })
}
