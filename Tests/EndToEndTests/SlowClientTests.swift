import PosCoreTesting
import Testing

/// nginx cuts off a client that stalls mid-request after POS_CLIENT_TIMEOUT_SECONDS (scripts/test:
/// 2 s; 10 s by default), instead of nginx's 60 s, so a handful of slow connections cannot hold
/// the gateway. Only "was cut off, within the timeout plus a margin" is checked, never a speed.
@Suite("Slow clients are cut off")
struct SlowClientTests {
    /// The stack's timeout (the test environment's setting, or the scripts' default), plus
    /// room for a busy machine.
    static let patience = Double(TestEnvironment.value("POS_CLIENT_TIMEOUT_SECONDS").flatMap(Int.init) ?? 10) + 5

    @Test("A client that stops halfway through its request line is disconnected")
    func stalledRequestLine() async throws {
        let connection = try RawConnection()
        try connection.send("GET /api/men")

        let (received, closed) = try await connection.readUntilClosed(within: Self.patience)

        #expect(closed, "still connected after \(Self.patience) s")
        expectTimeoutAnswer(received)
    }

    @Test("A client that stops halfway through its headers is disconnected")
    func stalledHeaders() async throws {
        let connection = try RawConnection()
        try connection.send("GET /api/menu HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: appl")

        let (received, closed) = try await connection.readUntilClosed(within: Self.patience)

        #expect(closed, "still connected after \(Self.patience) s")
        expectTimeoutAnswer(received)
    }

    @Test("A client that sends 10 of 100 body bytes and stalls is cut off")
    func stalledBody() async throws {
        let connection = try RawConnection()
        try connection.send("POST /api/orders/quote HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\":\"t")

        let (received, closed) = try await connection.readUntilClosed(within: Self.patience)

        #expect(closed, "still connected after \(Self.patience) s")
        expectTimeoutAnswer(received)
    }

    /// nginx may close without a word; whatever it does send must be the JSON 408 problem.
    private func expectTimeoutAnswer(_ received: [UInt8]) {
        guard !received.isEmpty else { return }
        guard let response = RawConnection.response(in: received) else {
            Issue.record("not an HTTP response: \(String(decoding: received, as: UTF8.self))")
            return
        }
        #expect(response.status == 408, "\(response)")
        #expect(response.isProblem, "\(response)")
    }
}
