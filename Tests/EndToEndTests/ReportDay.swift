import Foundation
import PosCoreTesting
import PosHTTP
import PosMoney
import Testing

/// One business day of a cafe rung up through the gateway for the report tests, on a business
/// date of its own: a random far-future day `D` (with `D − 1`), reached through the test-only
/// `X-Pos-Test-Now` clock (`POS_ENABLE_TEST_HOOKS=1`), so that no other suite's orders, payments
/// or shifts can land on it and every report of `D` is exactly this day.
///
/// `D − 1`: a shift on a till of its own; order Y (card), the shift closed.
/// `D`: a new shift; A (10 % off, split cash + card with a card tip), B (amount off, cash with a
/// cash tip, partly refunded), C (cancelled after it was submitted), an open order, E (rung up
/// at 00:30 after midnight: still business date `D`, local hour 0), a refund of Y made on `D`,
/// a cash movement; the shift closed 0.25 over.
struct ReportDay: Sendable {
    let date: String
    let yesterday: String
    let cashier: StaffSession
    /// Every order of `D` as the API returned it once the day was over (A, B, C, open, E).
    let orders: [JSON]
    /// The local hour each order of `D` was rung up in, by order id.
    let hours: [Int: Int]
    /// Order Y of `D − 1`, as the API returned it at the end.
    let yesterdayOrder: JSON
    /// Payments and refunds made on `D` (and `D − 1`), as the API answered their POSTs.
    let payments: [JSON]
    let refunds: [JSON]
    let yesterdayPayments: [JSON]
    let movementsCents: Int
    /// `D`'s shift as `GET /api/shifts/{id}` returned it after closing, with its Z report.
    let shift: JSON
    let overShortCents: Int

    static let shared = Once { try await ring() }

    static let saleStatuses: Set<String> = ["submitted", "ready", "completed"]
    var sales: [JSON] { orders.filter { Self.saleStatuses.contains($0["status"]?.stringValue ?? "") } }

    // MARK: ringing the day up

    private static let gateway = GatewayClient.shared

    /// Epoch seconds of `hour`:`minute` local time, `dayOffset` calendar days after business day `day`.
    static func clock(_ day: Int, _ hour: Int, _ minute: Int, dayOffset: Int = 0) -> Int {
        let zone = TimeZone(identifier: ProcessInfo.processInfo.environment["POS_TIMEZONE"] ?? "UTC") ?? .gmt
        let guess = (day + dayOffset) * 86_400 + hour * 3600 + minute * 60
        return guess - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
    }

    private static func send(_ method: String, _ path: String, _ json: JSON? = nil, at now: Int, token: String,
                             idempotent: Bool = false, expect status: Int, _ step: String) async throws -> JSON {
        var headers = ["X-Pos-Test-Now": String(now)]
        if idempotent { headers["Idempotency-Key"] = "report-\(UUID().uuidString)" }
        let response = try await gateway.send(method, path, json: json, headers: headers, token: token)
        return try requireJSON(try response.expecting(status, step))
    }

    private static func ring() async throws -> ReportDay {
        // A far-future day, 2100 or later, no one else's: reports of it and the day before are empty.
        let first = try #require(BusinessDay.dayNumber(of: "2100-01-01"))
        let day = first + Int.random(in: 0..<30_000)
        let date = try dayString(day), yesterday = try dayString(day - 1)
        let manager = try await StaffFixtures.newSession(.manager)
        let cashier = try await StaffFixtures.newSession(.cashier)
        let menu = try await OrderFixtures.menu()
        let till = "rpt-\(UUID().uuidString.prefix(8).lowercased())"
        let c = cashier.token, m = manager.token
        func line(_ item: Int, _ quantity: Int = 1, _ modifiers: [Int] = []) -> JSON {
            OrderFixtures.line(item, quantity: quantity, modifiers: modifiers)
        }
        func newOrder(_ lines: [JSON], at now: Int) async throws -> Int {
            let order = try await send("POST", "/api/orders", ["type": "takeaway", "items": .array(lines)], at: now, token: c,
                                       expect: 201, "create an order")
            return try #require(order["id"]?.intValue)
        }
        func total(_ id: Int) async throws -> Int {
            try #require(try await PaymentFixtures.order(id, token: m)["total_cents"]?.intValue)
        }
        func pay(_ body: JSON, at now: Int) async throws -> JSON {
            try await send("POST", "/api/payments", body, at: now, token: c, idempotent: true, expect: 201, "pay")
        }
        func refund(_ payment: JSON, _ amount: Int, at now: Int) async throws -> JSON {
            let id = try #require(payment["id"]?.intValue)
            return try await send("POST", "/api/payments/\(id)/refunds",
                                  ["amount_cents": .int(amount), "reason": "report test", "till": .string(till)],
                                  at: now, token: m, idempotent: true, expect: 201, "refund")
        }

        // D − 1: a shift, order Y paid by card, the shift closed at its expected cash.
        let shiftY = try await send("POST", "/api/shifts", ["opening_float_cents": 10_000, "till": .string(till)],
                                    at: clock(day - 1, 8, 0), token: c, expect: 201, "open yesterday's shift")
        let y = try await newOrder([line(menu.latteID, 1, [menu.largeID]), line(menu.croissantID)], at: clock(day - 1, 9, 0))
        _ = try await send("POST", "/api/orders/\(y)/submit", at: clock(day - 1, 9, 1), token: c, expect: 200, "submit Y")
        let payY = try await pay(["order_id": .int(y), "method": "card", "amount_cents": .int(try await total(y)),
                                  "tip_cents": 40, "reference": "AUTH-Y", "till": .string(till)], at: clock(day - 1, 9, 2))
        let shiftYID = try #require(shiftY["id"]?.intValue)
        let expectedY = try #require(try await send("GET", "/api/shifts/\(shiftYID)", at: clock(day - 1, 18, 0), token: m,
                                                    expect: 200, "yesterday's shift")["expected_cash_cents"]?.intValue)
        _ = try await send("POST", "/api/shifts/\(shiftYID)/close", ["counted_cash_cents": .int(expectedY)],
                           at: clock(day - 1, 18, 0), token: c, expect: 200, "close yesterday's shift")

        // D: a new shift on the same till.
        let shift = try await send("POST", "/api/shifts", ["opening_float_cents": 20_000, "till": .string(till)],
                                   at: clock(day, 7, 0), token: c, expect: 201, "open today's shift")
        let shiftID = try #require(shift["id"]?.intValue)
        var payments: [JSON] = [], refunds: [JSON] = [], hours: [Int: Int] = [:]

        // A at 08:15: 10 % off, 5.00 cash (10.00 tendered) and the rest by card with a 1.00 tip.
        let a = try await newOrder([line(menu.latteID, 1, [menu.largeID, menu.oatID]), line(menu.croissantID, 2)],
                                   at: clock(day, 8, 15))
        hours[a] = 8
        _ = try await send("POST", "/api/orders/\(a)/discount", ["percent_bp": 1000, "reason": "regular"], at: clock(day, 8, 16),
                           token: m, expect: 200, "discount A")
        _ = try await send("POST", "/api/orders/\(a)/submit", at: clock(day, 8, 16), token: c, expect: 200, "submit A")
        let totalA = try await total(a)
        payments.append(try await pay(["order_id": .int(a), "method": "cash", "amount_cents": 500, "tendered_cents": 1000,
                                       "till": .string(till)], at: clock(day, 8, 17)))
        payments.append(try await pay(["order_id": .int(a), "method": "card", "amount_cents": .int(totalA - 500),
                                       "tip_cents": 100, "reference": "AUTH-A", "till": .string(till)], at: clock(day, 8, 17)))
        _ = try await send("POST", "/api/orders/\(a)/ready", at: clock(day, 8, 20), token: m, expect: 200, "A ready")
        _ = try await send("POST", "/api/orders/\(a)/complete", at: clock(day, 8, 21), token: c, expect: 200, "A handed over")

        // A refund today of yesterday's sale (card, 1.50): it counts on D, never on D − 1.
        refunds.append(try await refund(payY, 150, at: clock(day, 10, 0)))

        // B at 12:40: 0.50 off, cash with a 0.70 cash tip, 2.00 refunded at 13:00.
        let b = try await newOrder([line(menu.croissantID, 3)], at: clock(day, 12, 40))
        hours[b] = 12
        _ = try await send("POST", "/api/orders/\(b)/discount", ["amount_cents": 50, "reason": "day-old"], at: clock(day, 12, 41),
                           token: m, expect: 200, "discount B")
        _ = try await send("POST", "/api/orders/\(b)/submit", at: clock(day, 12, 41), token: c, expect: 200, "submit B")
        let payB = try await pay(["order_id": .int(b), "method": "cash", "amount_cents": .int(try await total(b)),
                                  "tendered_cents": 2000, "tip_cents": 70, "till": .string(till)], at: clock(day, 12, 42))
        payments.append(payB)
        refunds.append(try await refund(payB, 200, at: clock(day, 13, 0)))

        // C at 14:05: sent to the kitchen, then cancelled by a manager: not a sale.
        let cancelled = try await newOrder([line(menu.latteID, 1, [menu.smallID])], at: clock(day, 14, 5))
        hours[cancelled] = 14
        _ = try await send("POST", "/api/orders/\(cancelled)/submit", at: clock(day, 14, 5), token: c, expect: 200, "submit C")
        _ = try await send("POST", "/api/orders/\(cancelled)/cancel", ["reason": "customer left"], at: clock(day, 14, 9),
                           token: m, expect: 200, "cancel C")

        // An order rung up at 15:00 and left open: not a sale.
        let open = try await newOrder([line(menu.croissantID)], at: clock(day, 15, 0))
        hours[open] = 15

        // Cash out of the drawer at 16:00.
        _ = try await send("POST", "/api/shifts/\(shiftID)/cash-movements", ["amount_cents": -1000, "reason": "safe drop"],
                           at: clock(day, 16, 0), token: c, expect: 201, "cash movement")

        // E at 00:30 after midnight: business date D, local hour 0; card.
        let e = try await newOrder([line(menu.latteID, 1, [menu.smallID, menu.almondID])], at: clock(day, 0, 30, dayOffset: 1))
        hours[e] = 0
        _ = try await send("POST", "/api/orders/\(e)/submit", at: clock(day, 0, 31, dayOffset: 1), token: c, expect: 200, "submit E")
        payments.append(try await pay(["order_id": .int(e), "method": "card", "amount_cents": .int(try await total(e)),
                                       "reference": "AUTH-E", "till": .string(till)], at: clock(day, 0, 32, dayOffset: 1)))

        // The shift closed at 01:00, 0.25 over.
        let expected = try #require(try await send("GET", "/api/shifts/\(shiftID)", at: clock(day, 1, 0, dayOffset: 1), token: m,
                                                   expect: 200, "today's shift")["expected_cash_cents"]?.intValue)
        _ = try await send("POST", "/api/shifts/\(shiftID)/close", ["counted_cash_cents": .int(expected + 25)],
                           at: clock(day, 1, 0, dayOffset: 1), token: c, expect: 200, "close today's shift")
        let closed = try await send("GET", "/api/shifts/\(shiftID)", at: clock(day, 1, 1, dayOffset: 1), token: m,
                                    expect: 200, "today's closed shift")

        var orders: [JSON] = []
        for id in [a, b, cancelled, open, e] { orders.append(try await PaymentFixtures.order(id, token: m)) }
        return ReportDay(date: date, yesterday: yesterday, cashier: cashier, orders: orders, hours: hours,
                         yesterdayOrder: try await PaymentFixtures.order(y, token: m), payments: payments, refunds: refunds,
                         yesterdayPayments: [payY], movementsCents: -1000, shift: closed, overShortCents: 25)
    }

    static func dayString(_ day: Int) throws -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard BusinessDay.dayNumber(of: text) == day else { throw OrderFixtureError("day \(day) is not \(text)") }
        return text
    }
}
