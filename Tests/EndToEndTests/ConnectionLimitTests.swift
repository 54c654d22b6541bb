import PosCoreTesting
import Testing

/// nginx's limit_conn: at most POS_CONN_LIMIT requests in progress per client address (256 by
/// default, far above a benchmark's 64 connections); one more is a JSON 429.
@Suite("Requests in progress per client address are limited")
struct ConnectionLimitTests {
    static let limit = TestEnvironment.value("POS_CONN_LIMIT").flatMap(Int.init) ?? 256

    /// The stalled clients come from 127.0.0.2, which nginx counts apart from 127.0.0.1, where
    /// the other tests run at the same time.
    @Test("Past the limit of stalled uploads from one address, its next request is a JSON 429; other addresses go on")
    func connectionLimit() async throws {
        let body = "{\"type\":\"takeaway\""
        let stalled = try (0..<Self.limit).map { _ in
            let connection = try RawConnection(from: "127.0.0.2")
            try connection.send("POST /api/orders/quote HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n" + body)
            return connection
        }

        // nginx counts each upload once it has read its headers: ask until it has all of them.
        // The uploads stay in progress as a slow client's would: a byte of body each every half
        // second, within nginx's body timeout (POS_CLIENT_TIMEOUT_SECONDS, 2 s in tests), so a
        // busy suite cannot close the window before the probe gets through. The probe is a
        // file nginx serves itself, past the connection limit's phase.
        var last: TestResponse?
        var trickled = ContinuousClock.now
        let refused = try await eventually(within: 5.0) {
            if ContinuousClock.now - trickled > .milliseconds(500) {
                for connection in stalled { try connection.send(" ") }
                trickled = .now
            }
            let extra = try RawConnection(from: "127.0.0.2")
            try extra.send("GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            last = RawConnection.response(in: try await extra.readUntilClosed(within: 5).received)
            return last?.status == 429
        }

        #expect(refused, "\(Self.limit) uploads in progress, then: \(last.map(String.init(describing:)) ?? "no answer")")
        #expect(last?.isProblem == true)
        #expect(last?.retryAfterSeconds != nil)
        let elsewhere = try await GatewayClient.shared.send("GET", "/api/menu")
        #expect(elsewhere.status == 200, "127.0.0.1 meanwhile: \(elsewhere)")
        withExtendedLifetime(stalled) {}
    }
}
