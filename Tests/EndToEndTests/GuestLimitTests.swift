import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Abuse limits of guest ordering (README "Guest ordering"): nginx limits opening sessions per
/// address and placing orders per session; the order service caps a session's pending orders
/// and the size of a guest order. Every limit answers problem+json.
@Suite("Guest ordering limits")
struct GuestLimitTests {
    let gateway = GatewayClient.shared

    @Test("Opening sessions in a burst from one address: 429 problem+json with Retry-After")
    func sessionCreationIsRateLimited() async throws {
        let table = try await GuestFixtures.newTable()
        let token = try #require(table["token"]?.stringValue)
        let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for _ in 0..<60 {
                group.addTask { try await GatewayClient.shared.send("POST", "/api/guest/sessions", json: ["table_token": .string(token)]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let limited = responses.filter { $0.status == 429 }
        #expect(!limited.isEmpty, "60 sessions at once from one address")
        #expect(responses.allSatisfy { $0.status == 201 || $0.status == 429 }, "\(Set(responses.map(\.status)))")
        for response in limited.prefix(3) {
            #expect(response.isProblem && response.problemType == "/problems/rate-limited", "\(response)")
            #expect((response.retryAfterSeconds ?? 0) >= 1)
        }
    }

    @Test("Placing orders in a burst on one session: nginx answers 429 before the service")
    func orderPlacingIsRateLimitedPerSession() async throws {
        let session = try await GuestFixtures.newSession()
        // Invalid bodies (422 from the service) count as much as valid ones and create nothing.
        var statuses: [Int] = []
        var limited: TestResponse?
        for _ in 0..<12 {
            let response = try await GuestFixtures.send("POST", "/api/guest/orders", json: ["items": []], as: session)
            statuses.append(response.status)
            if response.status == 429 { limited = response }
        }
        #expect(statuses.prefix(5).allSatisfy { $0 == 422 }, "the burst passes: \(statuses)")
        let answer = try #require(limited, "12 orders in a row: \(statuses)")
        #expect(answer.isProblem && answer.problemType == "/problems/rate-limited" && answer.retryAfterSeconds != nil, "\(answer)")

        // Another session is not held back by this one's burst.
        let other = try await GuestFixtures.newSession()
        let fresh = try await GuestFixtures.send("POST", "/api/guest/orders", json: ["items": []], as: other)
        #expect(fresh.status == 422, "\(fresh)")
    }

    @Test("At most 3 pending orders per session: the 4th is 429 until staff accept one")
    func pendingOrdersAreCapped() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let session = try await GuestFixtures.newSession()
        var ids: [Int] = []
        for _ in 0..<3 { ids.append(try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: session))) }

        let menu = try await OrderFixtures.menu()
        let fourth = try await GuestFixtures.place([OrderFixtures.line(menu.croissantID)], as: session)
        #expect(fourth.status == 429 && fourth.isProblem, "\(fourth)")
        #expect(fourth.problemType == "/problems/too-many-pending-orders")
        #expect(fourth.retryAfterSeconds != nil)

        try await OrderFixtures.post(ids[0], "reject", json: ["reason": "limit test"], token: cashier.token).expecting(200, "reject one")
        try await GuestFixtures.place([OrderFixtures.line(menu.croissantID)], as: session).expecting(201, "room again")
    }

    @Test("A guest order holds 1 to 20 lines of at most 20 each (422 naming the field)")
    func orderSizeIsLimited() async throws {
        let menu = try await OrderFixtures.menu()
        let session = try await GuestFixtures.newSession()
        let line = OrderFixtures.line(menu.croissantID)

        let tooMany = try await GuestFixtures.place(Array(repeating: line, count: 21), as: session)
        #expect(tooMany.status == 422 && tooMany.errorFields == ["items"], "\(tooMany)")
        let tooMuch = try await GuestFixtures.place([OrderFixtures.line(menu.croissantID, quantity: 21)], as: session)
        #expect(tooMuch.status == 422 && tooMuch.errorFields == ["items[0].quantity"], "\(tooMuch)")
        let empty = try await GuestFixtures.place([], as: session)
        #expect(empty.status == 422 && empty.errorFields == ["items"], "\(empty)")
        let priced = try await GuestFixtures.send("POST", "/api/guest/orders", json: [
            "items": [["item_id": .int(menu.croissantID), "quantity": 1, "unit_price_cents": 1]],
        ], as: session).expecting(201, "a valid order; the price a client sends is ignored")
        #expect(priced.json?["subtotal_cents"] == 275)
    }

    @Test("Six orders of one session at the same moment: exactly three are created, the others are 429")
    func pendingCapHoldsUnderConcurrency() async throws {
        let line = OrderFixtures.line(try await OrderFixtures.menu().croissantID)
        let session = try await GuestFixtures.newSession()
        let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for _ in 0..<6 { group.addTask { try await GuestFixtures.place([line], as: session) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.filter { $0.status == 201 }.count == 3, "\(responses.map(\.status))")
        #expect(responses.allSatisfy { $0.status == 201 || ($0.status == 429 && $0.isProblem) }, "\(responses.map(\.status))")
    }

    @Test("Guests at twelve tables order at the same moment: every order is created, none is a deadlock's 503")
    func concurrentGuestsAllGetTheirOrders() async throws {
        let line = OrderFixtures.line(try await OrderFixtures.menu().croissantID)
        var sessions: [GuestSession] = []
        for _ in 0..<12 { sessions.append(try await GuestFixtures.newSession(at: try await GuestFixtures.newTable())) }
        let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for session in sessions { group.addTask { try await GuestFixtures.place([line], as: session) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.allSatisfy { $0.status == 201 }, "\(responses.filter { $0.status != 201 })")
        let numbers = responses.compactMap { $0.json?["number"]?.intValue }
        #expect(Set(numbers).count == 12, "twelve distinct ticket numbers: \(numbers)")
    }
}
