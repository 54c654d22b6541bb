import PosCoreTesting
import PosHTTP
import Testing

/// Many tills at once against the real stack: ticket numbers stay unique, stock never goes
/// below zero, one edit of an order wins.
@Suite("Orders under concurrency")
struct OrderConcurrencyTests {
    let gateway = GatewayClient.shared

    @Test("64 orders created in parallel are all stored, with 64 distinct ticket numbers")
    func parallelCreatesGetDistinctNumbers() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)

        let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for _ in 0..<64 {
                group.addTask { try await OrderFixtures.create([OrderFixtures.line(menu.croissantID)], token: cashier.token) }
            }
            return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
        }

        #expect(responses.allSatisfy { $0.status == 201 }, "\(responses.filter { $0.status != 201 })")
        let orders = responses.compactMap(\.json)
        let numbers = orders.compactMap { $0["number"]?.intValue }
        #expect(numbers.count == 64)
        #expect(numbers.allSatisfy { $0 > 0 })
        // 64 distinct numbers. They restart each business day, so a run that straddles the
        // day's start may repeat one across the two days, never within one.
        let tickets = Set(orders.map { "\($0["business_date"]?.stringValue ?? "?") #\($0["number"]?.intValue ?? 0)" })
        #expect(tickets.count == 64, "ticket numbers repeat: \(numbers.sorted())")

        // Every one is stored as answered.
        let stored = try await withThrowingTaskGroup(of: (JSON, JSON).self) { group in
            for order in orders {
                group.addTask {
                    let id = order["id"]?.intValue ?? 0
                    return (order, try await PaymentFixtures.order(id, token: cashier.token))
                }
            }
            return try await group.reduce(into: [(JSON, JSON)]()) { $0.append($1) }
        }
        #expect(Set(stored.compactMap { $0.1["id"]?.intValue }).count == 64)
        #expect(stored.allSatisfy { $0.0["number"] == $0.1["number"] && $0.1["status"] == "open" })
    }

    @Test("100 parallel submits for an item with stock 10: exactly 10 succeed, 90 are sold out, stock ends at 0")
    func parallelSubmitsNeverOversell() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let cookie = try await OrderFixtures.newItem("Cookie", in: menu.pastryCategoryID, priceCents: 250, taxRateBP: 700, stock: 10)
        let orderIDs = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    let order = try await OrderFixtures.newOrder([OrderFixtures.line(cookie)], token: cashier.token)
                    guard let id = order["id"]?.intValue else { throw OrderFixtureError("an order without an id: \(order)") }
                    return id
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(try await OrderFixtures.stock(of: cookie) == 10, "creating orders takes no stock")

        let results = try await withThrowingTaskGroup(of: (Int, TestResponse).self) { group in
            for id in orderIDs {
                group.addTask { (id, try await OrderFixtures.post(id, "submit", token: cashier.token)) }
            }
            return try await group.reduce(into: [(Int, TestResponse)]()) { $0.append($1) }
        }

        let statuses = results.map(\.1.status)
        #expect(statuses.filter { $0 == 200 }.count == 10, "\(statuses.sorted())")
        #expect(statuses.filter { $0 == 409 }.count == 90, "\(statuses.sorted())")
        #expect(!statuses.contains { $0 >= 500 }, "\(results.filter { $0.1.status >= 500 }.map(\.1))")
        let refusals = results.map(\.1).filter { $0.status == 409 }
        #expect(refusals.allSatisfy { $0.problemType == "/problems/sold-out" }, "\(refusals.first { $0.problemType != "/problems/sold-out" } as Any)")
        #expect(try await OrderFixtures.stock(of: cookie) == 0)

        // The ten are in the kitchen, the ninety still open: nothing half-applied.
        let submittedIDs = results.filter { $0.1.status == 200 }.map(\.0)
        var statusByOrder: [Int: JSON] = [:]
        for id in orderIDs { statusByOrder[id] = try await PaymentFixtures.order(id, token: cashier.token)["status"] }
        #expect(submittedIDs.allSatisfy { statusByOrder[$0] == "submitted" })
        #expect(statusByOrder.values.filter { $0 == "open" }.count == 90)
        let soldOut = try await OrderFixtures.create([OrderFixtures.line(cookie)], token: cashier.token)
        #expect(soldOut.status == 409, "a sold-out item cannot be ordered: \(soldOut)")
        try await OrderFixtures.handOver(submittedIDs)
    }

    @Test("Eight tills add to one order with the same If-Match: one wins, seven get 412, one line is added")
    func sameVersionEditsOneWins() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(menu.croissantID)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        let version = try #require(order["version"]?.intValue)

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await OrderFixtures.post(id, "items", json: OrderFixtures.line(menu.latteID, modifiers: [menu.smallID]),
                                                 headers: ["If-Match": "\(version)"], token: cashier.token).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(statuses.filter { $0 == 201 }.count == 1, "\(statuses)")
        #expect(statuses.filter { $0 == 412 }.count == 7, "\(statuses)")
        let after = try await PaymentFixtures.order(id, token: cashier.token)
        #expect(after["items"]?.arrayValue?.count == 2)
        #expect(after["version"] == .int(version + 1))
        // 275 at 7 % = 19.25 → 19; 420 at 10 % = 42; 695 + 61 = 756.
        #expect(after["total_cents"] == 756)
    }
}
