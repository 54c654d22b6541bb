import Foundation
import MariaDB
import PosCoreTesting
import PosHTTP
import Testing

/// Every report of a business day equals, to the cent, what the orders and payments the API
/// returned add up to (api.md "Reports": what counts as a sale, payments and refunds on the day
/// they happened), and the Z report of the day's closed shift matches the daily cash and card.
@Suite("Reports reconcile with the orders and payments of a day")
struct ReportReconciliationTests {
    static func report(_ name: String, _ query: String) async throws -> [JSON] {
        let manager = try await StaffFixtures.shared(.manager)
        let response = try await GatewayClient.shared.send("GET", "/api/reports/\(name)?\(query)", token: manager.token)
        return try requireJSON(try response.expecting(200, "report \(name)"))["items"]?.arrayValue ?? []
    }

    static func int(_ value: JSON?) -> Int { value?.intValue ?? 0 }
    static func sum(_ rows: [JSON], _ key: String) -> Int { rows.map { int($0[key]) }.reduce(0, +) }

    /// The daily-sales row the day's orders and payments call for.
    static func expectedDaily(_ day: ReportDay) -> JSON {
        let sales = day.sales
        let gross = sum(sales, "subtotal_cents"), discounts = sum(sales, "discount_cents")
        let items = sales.flatMap { $0["items"]?.arrayValue ?? [] }
        let paid = sum(day.payments, "amount_cents"), tips = sum(day.payments, "tip_cents"), refunds = sum(day.refunds, "amount_cents")
        let members: [(String, JSON)] = [
            ("business_date", .string(day.date)), ("orders", .int(sales.count)), ("items_sold", .int(sum(items, "quantity"))),
            ("gross_sales_cents", .int(gross)), ("discounts_cents", .int(discounts)), ("net_sales_cents", .int(gross - discounts)),
            ("tax_cents", .int(sum(sales, "tax_cents"))), ("total_cents", .int(sum(sales, "total_cents"))), ("tips_cents", .int(tips)),
            ("refunds_cents", .int(refunds)), ("collected_cents", .int(paid + tips - refunds)),
        ]
        return .object(members)
    }

    @Test("daily-sales: the day's sales, payments, tips and refunds; the day before keeps its own figures")
    func dailySales() async throws {
        let day = try await ReportDay.shared.value()
        #expect(day.sales.count == 3, "A, B and E are sales; the cancelled and the open order are not")
        let rows = try await Self.report("daily-sales", "from=\(day.yesterday)&to=\(day.date)")
        #expect(rows.count == 2, "\(rows)")
        #expect(rows.last == Self.expectedDaily(day))
        // Yesterday: order Y and its card payment; the refund of Y made today is not here.
        let y = day.yesterdayOrder
        let yPaid = Self.sum(day.yesterdayPayments, "amount_cents"), yTips = Self.sum(day.yesterdayPayments, "tip_cents")
        let subtotal = Self.int(y["subtotal_cents"]), discount = Self.int(y["discount_cents"])
        let itemsSold = Self.sum(y["items"]?.arrayValue ?? [], "quantity")
        let members: [(String, JSON)] = [
            ("business_date", .string(day.yesterday)), ("orders", .int(1)), ("items_sold", .int(itemsSold)),
            ("gross_sales_cents", .int(subtotal)), ("discounts_cents", .int(discount)),
            ("net_sales_cents", .int(subtotal - discount)), ("tax_cents", .int(Self.int(y["tax_cents"]))),
            ("total_cents", .int(Self.int(y["total_cents"]))), ("tips_cents", .int(yTips)), ("refunds_cents", .int(0)),
            ("collected_cents", .int(yPaid + yTips)),
        ]
        let expectedYesterday = JSON.object(members)
        #expect(rows.first == expectedYesterday)
    }

    @Test("hourly-sales: sales by the local hour they were rung up in, 00:30 as hour 0 of the day")
    func hourlySales() async throws {
        let day = try await ReportDay.shared.value()
        var expected: [Int: (orders: Int, net: Int)] = [:]
        for order in day.sales {
            let hour = try #require(day.hours[Self.int(order["id"])])
            let net = Self.int(order["subtotal_cents"]) - Self.int(order["discount_cents"])
            expected[hour, default: (0, 0)].orders += 1
            expected[hour, default: (0, 0)].net += net
        }
        #expect(expected.keys.sorted() == [0, 8, 12])
        let rows = try await Self.report("hourly-sales", "from=\(day.date)&to=\(day.date)")
        let wanted: [JSON] = expected.keys.sorted().map { hour in
            let figures = expected[hour] ?? (0, 0)
            let members: [(String, JSON)] = [("business_date", .string(day.date)), ("hour", .int(hour)),
                                             ("orders", .int(figures.orders)), ("net_sales_cents", .int(figures.net))]
            return .object(members)
        }
        #expect(rows == wanted)
    }

    @Test("top-items: quantities and line totals less their share of each order's discount, most sold first")
    func topItems() async throws {
        let day = try await ReportDay.shared.value()
        var quantity: [Int: Int] = [:], net: [Int: Int] = [:], names: [Int: String] = [:]
        for order in day.sales {
            let lines = order["items"]?.arrayValue ?? []
            let shares = Self.largestRemainder(Self.int(order["discount_cents"]), lines.map { Self.int($0["line_total_cents"]) })
            for (line, share) in zip(lines, shares) {
                let item = Self.int(line["item_id"])
                quantity[item, default: 0] += Self.int(line["quantity"])
                net[item, default: 0] += Self.int(line["line_total_cents"]) - share
                names[item] = line["name"]?.stringValue
            }
        }
        let rows = try await Self.report("top-items", "from=\(day.date)&to=\(day.date)")
        #expect(rows.count == quantity.count, "\(rows)")
        for row in rows {
            let item = Self.int(row["item_id"])
            #expect(row["quantity"] == .int(quantity[item] ?? -1), "\(row)")
            #expect(row["net_sales_cents"] == .int(net[item] ?? -1), "\(row)")
            #expect(row["name"] == .string(names[item] ?? ""), "\(row)")
        }
        let sold = rows.map { Self.int($0["quantity"]) }
        #expect(sold == sold.sorted(by: >), "most sold first")
        #expect(Self.sum(rows, "net_sales_cents") == Self.int(Self.expectedDaily(day)["net_sales_cents"]))
    }

    @Test("payment-mix: payments, tips and refunds by method on the day they happened")
    func paymentMix() async throws {
        let day = try await ReportDay.shared.value()
        let refundMethods = try day.refunds.map { try #require($0["method"]?.stringValue) }
        let rows = try await Self.report("payment-mix", "from=\(day.date)&to=\(day.date)")
        let wanted: [JSON] = ["card", "cash"].map { method in
            let payments = day.payments.filter { $0["method"] == .string(method) }
            let refunds = zip(day.refunds, refundMethods).filter { $0.1 == method }.map(\.0)
            let members: [(String, JSON)] = [
                ("business_date", .string(day.date)), ("method", .string(method)), ("payments", .int(payments.count)),
                ("amount_cents", .int(Self.sum(payments, "amount_cents"))), ("tips_cents", .int(Self.sum(payments, "tip_cents"))),
                ("refunds_cents", .int(Self.sum(refunds, "amount_cents"))),
            ]
            return .object(members)
        }
        #expect(rows == wanted)
    }

    @Test("staff-sales: the cashier's sales and the tips of the payments they took")
    func staffSales() async throws {
        let day = try await ReportDay.shared.value()
        let sales = day.sales.filter { $0["created_by"] == .int(day.cashier.id) }
        let taken = day.payments.filter { $0["created_by"] == .int(day.cashier.id) }
        let rows = try await Self.report("staff-sales", "from=\(day.date)&to=\(day.date)")
        let net = Self.sum(sales, "subtotal_cents") - Self.sum(sales, "discount_cents")
        let members: [(String, JSON)] = [
            ("business_date", .string(day.date)), ("staff_id", .int(day.cashier.id)), ("username", .string(day.cashier.username)),
            ("orders", .int(sales.count)), ("net_sales_cents", .int(net)), ("tips_cents", .int(Self.sum(taken, "tip_cents"))),
        ]
        #expect(rows == [JSON.object(members)])
    }

    @Test("z-report: the daily figures, cash and card, movements and the closed shift; the shift's own Z report agrees")
    func zReport() async throws {
        let day = try await ReportDay.shared.value()
        let rows = try await Self.report("z-report", "date=\(day.date)")
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        // The daily-sales columns, the same numbers.
        let daily = Self.expectedDaily(day)
        guard case .object(let members) = daily else { return }
        for (key, value) in members { #expect(row[key] == value, "\(key)") }
        // Cash and card taken: payments + tips − refunds of that method.
        let refundMethods = day.refunds.map { $0["method"]?.stringValue ?? "" }
        func taken(_ method: String) -> Int {
            let payments = day.payments.filter { $0["method"] == .string(method) }
            let refunds = zip(day.refunds, refundMethods).filter { $0.1 == method }.map(\.0)
            return Self.sum(payments, "amount_cents") + Self.sum(payments, "tip_cents") - Self.sum(refunds, "amount_cents")
        }
        #expect(row["cash_cents"] == .int(taken("cash")))
        #expect(row["card_cents"] == .int(taken("card")))
        #expect(Self.int(row["cash_cents"]) + Self.int(row["card_cents"]) == Self.int(row["collected_cents"]))
        #expect(row["cash_movements_cents"] == .int(day.movementsCents))
        #expect(row["shifts"] == 1)
        #expect(row["over_short_cents"] == .int(day.overShortCents))
        // The closed shift's Z report (GET /api/shifts/{id}) says the same cash and card.
        let report = try #require(day.shift["report"])
        func shiftTaken(_ method: String) -> Int {
            Self.int(report["sales_by_method"]?[method]?["amount_cents"]) + Self.int(report["sales_by_method"]?[method]?["tip_cents"])
                - Self.int(report["refunds"]?["by_method"]?[method]?["amount_cents"])
        }
        #expect(shiftTaken("cash") == Self.int(row["cash_cents"]), "\(report)")
        #expect(shiftTaken("card") == Self.int(row["card_cents"]), "\(report)")
        #expect(day.shift["over_short_cents"] == .int(day.overShortCents))
        #expect(report["cash_movements"]?["net_cents"] == .int(day.movementsCents))
    }

    @Test("The lines' sale dates agree with their orders' status and business date (the views' line figures)")
    func lineSaleDatesAgreeWithOrders() async throws {
        let day = try await ReportDay.shared.value()
        let db = try TestDatabase.connect()
        let disagreeing = try db.queryFirst("""
            SELECT COUNT(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE NOT (l.sale_business_date <=> IF(o.status IN ('submitted', 'ready', 'completed'), o.business_date, NULL))
            """)
        #expect(try disagreeing?.int("n") == 0)
        // The day's items sold over raw rows (orders joined to lines) is what the view says.
        let raw = try db.queryFirst("""
            SELECT CAST(COALESCE(SUM(l.quantity), 0) AS SIGNED) AS n FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.business_date = \(day.date) AND o.status IN ('submitted', 'ready', 'completed')
            """)
        let view = try db.queryFirst("SELECT items_sold AS n FROM report_daily_sales WHERE business_date = \(day.date)")
        #expect(try raw?.int("n") == view?.int("n"))
    }

    /// README's discount spread, worked out here on its own: parts proportional to the line
    /// totals, rounded down, the cents left over to the largest remainders (earlier lines first).
    static func largestRemainder(_ amount: Int, _ weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0, amount > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { amount * $0 / total }
        var left = amount - parts.reduce(0, +)
        let order = weights.indices.sorted { (amount * weights[$0] % total, -$0) > (amount * weights[$1] % total, -$1) }
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
