import Foundation
import PosCoreTesting
import PosHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The guest service is the authority for guest sessions: with its pool down the gateway
/// refuses guest orders (fail closed) with a 503 to retry, while staff work goes on. Run alone,
/// with the pool tests (scripts/test).
@Suite("Guest pool down: guest orders fail closed", .serialized)
struct GuestPoolDownTests {
    let gateway = GatewayClient.shared
    let pool = ServicePool(name: "guest")

    @Test("With pos-guest stopped, a live session's order is 503 problem+json with Retry-After; after a restart it passes again")
    func guestChecksFailClosed() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let table = try await gateway.send("POST", "/api/guest/tables", json: ["label": .string("Pool \(UUID().uuidString.prefix(12))")],
                                           token: manager.token).expecting(201, "create a table")
        let tableToken = try #require(table.json?["token"]?.stringValue)
        let session = try await gateway.sendRetryingWhenRateLimited("POST", "/api/guest/sessions", json: ["table_token": .string(tableToken)])
            .expecting(201, "open a session")
        let authorization = ["Authorization": "Guest \(try #require(session.json?["session_token"]?.stringValue))"]
        // An empty order is 422 from the order service: it got past the gateway's guest check.
        try await gateway.send("POST", "/api/guest/orders", json: ["items": []], headers: authorization).expecting(422, "checked")

        let pid = try pool.managerPID()
        #expect(kill(pid, SIGTERM) == 0)
        let exited = await eventually(within: 15, every: 0.1) { !Proc.isRunning(pid) }
        try await Task.sleep(for: .milliseconds(2100)) // past the 1 s cache of the last check
        let refused = try await gateway.send("POST", "/api/guest/orders", json: ["items": []], headers: authorization)
        let menu = try await gateway.send("GET", "/api/menu")

        let startStatus = try await pool.start()
        let healthyAgain = try await eventually(within: 20, every: 0.2) {
            try await gateway.send("GET", "/api/health/guest").status == 200
        }
        let again = try await gateway.send("POST", "/api/guest/orders", json: ["items": []], headers: authorization)

        #expect(exited, "the guest pool (pid \(pid)) exits on SIGTERM")
        #expect(refused.status == 503 && refused.isProblem, "\(refused)")
        #expect(refused.retryAfterSeconds != nil)
        #expect(refused.json?["detail"]?.stringValue?.hasPrefix("Guest sessions") == true, "\(refused)")
        #expect(menu.status == 200, "the rest of the stack goes on: \(menu)")
        #expect(startStatus == 0 && healthyAgain)
        #expect(again.status == 422, "the session works again: \(again)")
    }
}
