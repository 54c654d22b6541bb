import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Every request a service answers leaves one JSON line in its log, with nginx's request id.
@Suite("One log line per request")
struct RequestLogTests {
    let gateway = GatewayClient.shared

    /// The JSON lines of `<service>/<service>.log` whose `request_id` is `requestID`, once one is there.
    private func lines(of service: String, requestID: String) async throws -> [JSON] {
        let file = TestEnvironment.varDirectory + "/log/\(service)/\(service).log"
        var found: [JSON] = []
        _ = await eventually(within: 3) {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").filter { $0.contains(requestID) }
                .compactMap { try? JSONParser.parse(Array($0.utf8)) }
            return !found.isEmpty
        }
        return found
    }

    @Test("A cashier's GET /api/orders/:id is logged as JSON: request id, service, route pattern, status, duration, staff id")
    func staffRequestLine() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let response = try await gateway.send("GET", "/api/orders/999999999", token: cashier.token)
        let requestID = try #require(response.header("X-Request-Id"))

        let line = try #require(try await lines(of: "order", requestID: requestID).first { $0["message"] == "request" })
        #expect(line["service"] == "order")
        #expect(line["level"] == "info")
        #expect(line["route"] == "/api/orders/:id", "the pattern, not the path: \(line)")
        #expect(line["method"] == "GET")
        #expect(line["status"] == .int(response.status))
        #expect(line["staff_id"] == .int(cashier.id))
        #expect(line["duration_us"]?.intValue.map { $0 >= 0 } == true, "\(line)")
        #expect(line["time"] != nil && line["pid"]?.intValue != nil)
    }

    @Test("A path no route matches is logged as route \"unmatched\" (clients cannot mint routes); a public request has no staff id")
    func unmatchedAndPublicLines() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let unmatched = try await gateway.send("GET", "/api/orders/1/no-such-\(UUID().uuidString)", token: cashier.token)
        let unmatchedID = try #require(unmatched.header("X-Request-Id"))
        let health = try await gateway.send("GET", "/api/health/menu")
        let healthID = try #require(health.header("X-Request-Id"))

        let unmatchedLine = try #require(try await lines(of: "order", requestID: unmatchedID).first { $0["message"] == "request" })
        let healthLine = try #require(try await lines(of: "menu", requestID: healthID).first { $0["message"] == "request" })
        #expect(unmatched.status == 404)
        #expect(unmatchedLine["route"] == "unmatched" && unmatchedLine["status"] == 404, "\(unmatchedLine)")
        #expect(healthLine["route"] == "/api/health/menu" && healthLine["staff_id"] == nil, "\(healthLine)")
    }
}
