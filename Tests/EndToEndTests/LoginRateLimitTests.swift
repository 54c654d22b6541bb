import PosCoreTesting
import PosHTTP
import Testing

@Suite("Guessing passwords is slowed down")
struct LoginRateLimitTests {
    let gateway = GatewayClient.shared

    @Test("After 5 wrong passwords an account is locked: even the right password gets 429 with Retry-After")
    func accountLocksAfterFiveFailures() async throws {
        let account = try await StaffFixtures.createAccount(.cashier)

        for attempt in 1...5 {
            let wrong = try await StaffFixtures.login(username: account.username, password: "wrong-guess-\(attempt)")
            #expect(wrong.status == 401, "attempt \(attempt): \(wrong)")
        }
        let right = try await StaffFixtures.login(username: account.username, password: account.password)

        #expect(right.status == 429, "\(right)")
        #expect(right.isProblem)
        #expect((right.retryAfterSeconds ?? 0) >= 1, "Retry-After: \(right.header("retry-after") ?? "missing")")
        #expect(right.json?["token"] == nil)
    }

    /// Fires 40 logins at once from this address; the gateway lets a burst of 10 through.
    /// Other tests' logins wait out the 429s (StaffFixtures.login retries).
    @Test("A flood of logins from one address gets 429 with Retry-After and a problem+json body")
    func loginFloodIsRateLimited() async throws {
        let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try await gateway.send("POST", "/api/auth/login", json: [
                        "username": .string(StaffFixtures.uniqueUsername("flood")), "password": "wrong-password",
                    ])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        let limited = responses.filter { $0.status == 429 }
        #expect(!limited.isEmpty, "statuses: \(responses.map(\.status))")
        #expect(responses.allSatisfy { $0.status == 401 || $0.status == 429 }, "statuses: \(responses.map(\.status))")
        for response in limited {
            #expect((response.retryAfterSeconds ?? 0) >= 1, "\(response)")
            #expect(response.isProblem, "\(response)")
            #expect(response.json?["status"] == 429)
        }
    }
}
