import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Service logs are JSON lines: what a client sends is escaped, never a line of its own.
@Suite("Logs cannot be forged")
struct LogInjectionTests {
    let gateway = GatewayClient.shared
    var logDirectory: String { TestEnvironment.varDirectory + "/log" }

    private func logLines(of file: String) throws -> [Substring] {
        let text = try String(contentsOfFile: "\(logDirectory)/\(file)", encoding: .utf8)
        return text.split(separator: "\n")
    }

    @Test("A username with a newline and a NUL is logged as one escaped JSON line with nginx's request id")
    func forgedLoginName() async throws {
        let fake = #"{"time":"2026-01-01T00:00:00Z","level":"error","service":"user","message":"FAKE admin login"}"#
        let username = "nobody\n\(fake)\u{0}\r-end"
        let response = try await StaffFixtures.login(username: username, password: "wrong password here")
        #expect(response.status == 401, "\(response)")
        let requestID = try #require(response.header("X-Request-Id"), "the service names the request")

        let logged = await eventually(within: 3) {
            ((try? logLines(of: "user/user.log")) ?? []).contains { $0.contains(requestID) }
        }
        #expect(logged)
        let lines = try logLines(of: "user/user.log")
        for line in lines.suffix(200) {
            let entry = try #require(try? JSONParser.parse(Array(line.utf8)), "not a JSON line: \(line)")
            #expect(entry["time"] != nil && entry["level"] != nil && entry["service"] == "user", "\(line)")
            #expect(entry["message"] != "FAKE admin login", "a forged line: \(line)")
        }
        // The login's warning; the request's own line (RequestLogTests) carries the same id.
        let ours = lines.compactMap { try? JSONParser.parse(Array($0.utf8)) }
            .filter { $0["request_id"] == .string(requestID) && $0["message"] != "request" }
        #expect(ours.count == 1, "\(ours)")
        #expect(ours.first?["username"] == .string(username), "the name is kept exactly, escaped")

        // nginx logs the same request under the same id, as one JSON object of its own.
        let gatewayEntry = await AccessLog.entries(of: [requestID], within: 3)[requestID]
        #expect(gatewayEntry?["status"] as? Int == 401, "access.log: \(gatewayEntry ?? [:])")
        #expect(gatewayEntry?["uri"] as? String == "/api/auth/login", "access.log: \(gatewayEntry ?? [:])")
    }

    @Test("A request path with raw quotes, a backslash and a fake field stays one JSON object in access.log")
    func forgedAccessLogLine() async throws {
        let path = #"/api/menu/items/1","status":200,"x":"\"#
        let response = try await GatewayRaw.exchange("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        let requestID = try #require(response.requestID, "\(response)")

        let entry = try #require(await AccessLog.entries(of: [requestID])[requestID], "not logged")
        #expect(entry["status"] as? Int == response.status)
        #expect(entry["uri"] as? String == path)
    }
}
