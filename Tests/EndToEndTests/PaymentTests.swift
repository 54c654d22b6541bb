import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Payments and refunds through the gateway. Every test that moves money ends by checking
/// the money invariant of the orders it touched (`PaymentFixtures.checkMoneyInvariant`).
@Suite("Payments and refunds")
struct PaymentTests {
    let gateway = GatewayClient.shared

    @Test("Cash: change is tendered minus amount, and the order becomes paid")
    func cashWithChange() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token) // 10.00

        let response = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 1_000, "tendered_cents": 2_000,
        ], token: cashier.token)

        #expect(response.status == 201, "\(response)")
        let payment = try requireJSON(response)
        #expect(payment["method"] == "cash")
        #expect(payment["amount_cents"] == 1_000)
        #expect(payment["tendered_cents"] == 2_000)
        #expect(payment["change_cents"] == 1_000)
        #expect(payment["tip_cents"] == 0)
        #expect(payment["status"] == "captured")
        #expect(payment["order_id"] == .int(order.id))
        #expect(payment["created_by"] == .int(cashier.id))
        #expect(payment["created_at"]?.stringValue?.hasSuffix("Z") == true)
        let after = try await PaymentFixtures.order(order.id, token: cashier.token)
        #expect(after["paid_cents"] == 1_000)
        #expect(after["balance_cents"] == 0)
        #expect(after["payment_status"] == "paid")
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Cash: less tendered than the amount is 422 and nothing is taken")
    func cashTenderedTooLittle() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token)

        let response = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 1_000, "tendered_cents": 999,
        ], token: cashier.token)

        #expect(response.status == 422, "\(response)")
        #expect(response.isProblem)
        #expect(response.errorFields == ["tendered_cents"])
        #expect(try await PaymentFixtures.payments(order.id, token: cashier.token).isEmpty)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Card: the terminal's reference is required and recorded")
    func cardWithReference() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 3, token: cashier.token) // 15.00

        let missing = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "card", "amount_cents": 1_500,
        ], token: cashier.token)
        let response = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "card", "amount_cents": 1_500, "reference": "AUTH-482913", "tip_cents": 150,
        ], token: cashier.token)

        #expect(missing.status == 422, "\(missing)")
        #expect(missing.errorFields == ["reference"])
        #expect(response.status == 201, "\(response)")
        let payment = try requireJSON(response)
        #expect(payment["method"] == "card")
        #expect(payment["reference"] == "AUTH-482913")
        #expect(payment["tendered_cents"] == .null)
        #expect(payment["change_cents"] == 0)
        #expect(payment["tip_cents"] == 150, "the tip is kept apart from the amount")
        let after = try await PaymentFixtures.order(order.id, token: cashier.token)
        #expect(after["paid_cents"] == 1_500, "a tip does not pay the order")
        #expect(after["payment_status"] == "paid")
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Split tender: cash then card, to exactly the total; not a cent more")
    func splitTenderToExactlyPaid() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token) // 10.00

        let cash = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 300, "tendered_cents": 500,
        ], token: cashier.token)
        let halfway = try await PaymentFixtures.order(order.id, token: cashier.token)
        let card = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "card", "amount_cents": 700, "reference": "AUTH-1",
        ], token: cashier.token)
        let oneCentMore = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 1, "tendered_cents": 100,
        ], token: cashier.token)

        #expect(cash.status == 201, "\(cash)")
        #expect(cash.json?["change_cents"] == 200)
        #expect(halfway["payment_status"] == "partially_paid")
        #expect(halfway["balance_cents"] == 700)
        #expect(card.status == 201, "\(card)")
        #expect(oneCentMore.status == 409, "\(oneCentMore)")
        #expect(oneCentMore.problemType == "/problems/would-overpay")
        let after = try await PaymentFixtures.order(order.id, token: cashier.token)
        #expect(after["paid_cents"] == 1_000)
        #expect(after["balance_cents"] == 0)
        #expect(after["payment_status"] == "paid")
        #expect(try await PaymentFixtures.payments(order.id, token: cashier.token).count == 2)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Overpaying by card, or by cash beyond the balance, is 409 and takes nothing")
    func overpayIsRefused() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token) // 10.00

        let card = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "card", "amount_cents": 1_001, "reference": "AUTH-2",
        ], token: cashier.token)
        let cash = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 1_500, "tendered_cents": 2_000,
        ], token: cashier.token)

        #expect(card.status == 409, "\(card)")
        #expect(card.isProblem)
        #expect(card.problemType == "/problems/would-overpay")
        #expect(cash.status == 409, "\(cash)")
        #expect(try await PaymentFixtures.payments(order.id, token: cashier.token).isEmpty)
        let after = try await PaymentFixtures.order(order.id, token: cashier.token)
        #expect(after["payment_status"] == "unpaid")
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Concurrent payments with different keys never overpay an order")
    func concurrentPaymentsNeverOverpay() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token) // 10.00, room for three 3.00s

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await PaymentFixtures.pay([
                        "order_id": .int(order.id), "method": "card", "amount_cents": 300, "reference": "AUTH-C",
                    ], token: cashier.token).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(statuses.filter { $0 == 201 }.count == 3, "\(statuses)")
        #expect(statuses.filter { $0 == 409 }.count == 9, "\(statuses)")
        #expect(try await PaymentFixtures.order(order.id, token: cashier.token)["paid_cents"] == 900)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("A cancelled order takes no payment (409)")
    func cancelledOrderTakesNoPayment() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 1, token: cashier.token)
        try await gateway.send("POST", "/api/orders/\(order.id)/cancel", json: ["reason": "customer left"], token: cashier.token)
            .expecting(200, "cancel the order")

        let response = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 500, "tendered_cents": 500,
        ], token: cashier.token)

        #expect(response.status == 409, "\(response)")
        #expect(response.problemType == "/problems/order-cancelled")
        #expect(try await PaymentFixtures.payments(order.id, token: cashier.token).isEmpty)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("An unknown order is 404; a barista may not take payments (403)")
    func unknownOrderAndWrongRole() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let barista = try await StaffFixtures.shared(.barista)
        let order = try await PaymentFixtures.newOrder(quantity: 1, token: cashier.token)

        let unknown = try await PaymentFixtures.pay([
            "order_id": 999_999_999, "method": "cash", "amount_cents": 500,
        ], token: cashier.token)
        let byBarista = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 500,
        ], token: barista.token)

        #expect(unknown.status == 404, "\(unknown)")
        #expect(byBarista.status == 403, "\(byBarista)")
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Refunds: managers only, never more than was paid, and the order's status follows")
    func refundRules() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token) // 10.00
        let payment = try requireJSON(try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "card", "amount_cents": 1_000, "reference": "AUTH-3",
        ], token: cashier.token).expecting(201, "card payment"))
        let paymentID = try #require(payment["id"]?.intValue)

        let byCashier = try await PaymentFixtures.refund(paymentID, amount: 100, token: cashier.token)
        let tooMuch = try await PaymentFixtures.refund(paymentID, amount: 1_001, token: manager.token)
        let partial = try await PaymentFixtures.refund(paymentID, amount: 400, reason: "milk was off", token: manager.token)
        let afterPartial = try await PaymentFixtures.order(order.id, token: cashier.token)
        let paymentAfterPartial = try requireJSON(try await gateway.send("GET", "/api/payments/\(paymentID)", token: cashier.token))
        let restTooMuch = try await PaymentFixtures.refund(paymentID, amount: 601, token: manager.token)
        let rest = try await PaymentFixtures.refund(paymentID, amount: 600, token: manager.token)
        let afterAll = try await PaymentFixtures.order(order.id, token: cashier.token)
        let nothingLeft = try await PaymentFixtures.refund(paymentID, amount: 1, token: manager.token)

        #expect(byCashier.status == 403, "\(byCashier)")
        #expect(tooMuch.status == 409, "\(tooMuch)")
        #expect(tooMuch.problemType == "/problems/refund-exceeds-payment")
        #expect(partial.status == 201, "\(partial)")
        let refund = try requireJSON(partial)
        #expect(refund["payment_id"] == .int(paymentID))
        #expect(refund["order_id"] == .int(order.id))
        #expect(refund["amount_cents"] == 400)
        #expect(refund["reason"] == "milk was off")
        #expect(refund["created_by"] == .int(manager.id))
        #expect(paymentAfterPartial["status"] == "partially_refunded")
        #expect(paymentAfterPartial["refunded_cents"] == 400)
        #expect(afterPartial["paid_cents"] == 600)
        #expect(afterPartial["balance_cents"] == 400)
        #expect(afterPartial["payment_status"] == "partially_paid")
        #expect(restTooMuch.status == 409, "\(restTooMuch)")
        #expect(rest.status == 201, "\(rest)")
        #expect(afterAll["paid_cents"] == 0)
        #expect(afterAll["payment_status"] == "refunded")
        #expect(nothingLeft.status == 409, "\(nothingLeft)")
        let refunds = try requireJSON(try await gateway.send("GET", "/api/payments/\(paymentID)/refunds", token: manager.token))
        #expect(refunds["items"]?.arrayValue?.compactMap { $0["amount_cents"]?.intValue } == [400, 600])
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("A refund is audited with its reason, and repeating it with its key refunds once")
    func refundIsAuditedAndIdempotent() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token)
        let payment = try requireJSON(try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 1_000, "tendered_cents": 1_000,
        ], token: cashier.token).expecting(201, "cash payment"))
        let paymentID = try #require(payment["id"]?.intValue)
        let key = "refund-\(UUID().uuidString)"
        let reason = "wrong order \(Int.random(in: 1_000...9_999))"

        let first = try await PaymentFixtures.refund(paymentID, amount: 250, reason: reason, key: key, token: manager.token)
        let again = try await PaymentFixtures.refund(paymentID, amount: 250, reason: reason, key: key, token: manager.token)
        let otherAmount = try await PaymentFixtures.refund(paymentID, amount: 300, reason: reason, key: key, token: manager.token)
        let audit = try requireJSON(try await gateway.send("GET", "/api/audit?type=refund_issued&limit=200", token: manager.token))

        #expect(first.status == 201, "\(first)")
        #expect(again.status == first.status)
        #expect(again.body == first.body)
        #expect(otherAmount.status == 422, "\(otherAmount)")
        let refunds = try requireJSON(try await gateway.send("GET", "/api/payments/\(paymentID)/refunds", token: manager.token))
        #expect(refunds["items"]?.arrayValue?.count == 1)
        let entry = audit["items"]?.arrayValue?.first { $0["entity_id"] == .int(paymentID) && $0["entity"] == "payment" }
        #expect(entry?["reason"] == .string(reason))
        #expect(entry?["actor_id"] == .int(manager.id))
        #expect(entry?["detail"]?["amount_cents"] == 250)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Idempotency: ten sequential repeats of one key make one payment, each answer identical")
    func sequentialRepeatsMakeOnePayment() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token)
        let key = "pay-\(UUID().uuidString)"
        let body: JSON = ["order_id": .int(order.id), "method": "cash", "amount_cents": 600, "tendered_cents": 1_000]

        var responses: [TestResponse] = []
        for _ in 0..<10 { responses.append(try await PaymentFixtures.pay(body, key: key, token: cashier.token)) }

        #expect(responses.allSatisfy { $0.status == 201 }, "\(responses.map(\.status))")
        #expect(Set(responses.map(\.body)).count == 1, "every answer has the same body")
        #expect(responses.dropFirst().allSatisfy { $0.header("idempotent-replayed") == "true" })
        #expect(try await PaymentFixtures.payments(order.id, token: cashier.token).count == 1)
        #expect(try await PaymentFixtures.order(order.id, token: cashier.token)["paid_cents"] == 600)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Idempotency: fifty concurrent requests with one key make exactly one payment")
    func concurrentRequestsWithOneKeyMakeOnePayment() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token)
        let key = "pay-\(UUID().uuidString)"
        let body: JSON = ["order_id": .int(order.id), "method": "card", "amount_cents": 1_000, "reference": "AUTH-50"]

        let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
            for _ in 0..<50 {
                group.addTask { try await PaymentFixtures.pay(body, key: key, token: cashier.token) }
            }
            return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
        }

        let successes = responses.filter { $0.status == 201 }
        // A request may also be told the first is still in flight (409); nothing else.
        #expect(responses.allSatisfy { $0.status == 201 || $0.problemType == "/problems/idempotency-in-flight" },
                "\(responses.filter { $0.status != 201 })")
        #expect(!successes.isEmpty)
        #expect(Set(successes.map(\.body)).count == 1, "every success has the same body")
        #expect(try await PaymentFixtures.payments(order.id, token: cashier.token).count == 1)
        #expect(try await PaymentFixtures.order(order.id, token: cashier.token)["paid_cents"] == 1_000)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }

    @Test("Idempotency: the same key with a different amount is 422 and makes no payment; no key is 400")
    func reusedKeyWithAnotherBody() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token)
        let key = "pay-\(UUID().uuidString)"

        let first = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 400, "tendered_cents": 500,
        ], key: key, token: cashier.token)
        let other = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 450, "tendered_cents": 500,
        ], key: key, token: cashier.token)
        let noKey = try await gateway.send("POST", "/api/payments", json: [
            "order_id": .int(order.id), "method": "cash", "amount_cents": 100,
        ], token: cashier.token)

        #expect(first.status == 201, "\(first)")
        #expect(other.status == 422, "\(other)")
        #expect(other.isProblem)
        #expect(noKey.status == 400, "\(noKey)")
        let payments = try await PaymentFixtures.payments(order.id, token: cashier.token)
        #expect(payments.count == 1)
        #expect(payments.first?["amount_cents"] == 400)
        try await PaymentFixtures.checkMoneyInvariant([order.id])
    }
}

/// Orders and payments made through the API for the payment and shift tests.
enum PaymentFixtures {
    static let gateway = GatewayClient.shared

    struct Order: Sendable {
        let id: Int
        let totalCents: Int
    }

    /// An order of `quantity` × the 5.00 test item (no tax, so the total is 5.00 × quantity
    /// under either tax setting).
    static func newOrder(quantity: Int, token: String) async throws -> Order {
        let itemID = try await TestItem.shared.value()
        let response = try await gateway.send("POST", "/api/orders", json: [
            "type": "takeaway", "items": [["item_id": .int(itemID), "quantity": .int(quantity)]],
        ], token: token).expecting(201, "create an order")
        let json = try requireJSON(response)
        guard let id = json["id"]?.intValue, let total = json["total_cents"]?.intValue, total == 500 * quantity else {
            throw UnexpectedResponse(step: "the order costs 5.00 × \(quantity)", expected: 201, response: response)
        }
        return Order(id: id, totalCents: total)
    }

    static func order(_ id: Int, token: String) async throws -> JSON {
        try requireJSON(try await gateway.send("GET", "/api/orders/\(id)", token: token).expecting(200, "GET order \(id)"))
    }

    /// `POST /api/payments` with `key` (a fresh one when nil).
    static func pay(_ body: JSON, key: String? = nil, token: String) async throws -> TestResponse {
        try await gateway.send("POST", "/api/payments", json: body,
                               headers: ["Idempotency-Key": key ?? "pay-\(UUID().uuidString)"], token: token)
    }

    static func refund(_ paymentID: Int, amount: Int, reason: String = "customer complaint", till: String? = nil,
                       key: String? = nil, token: String) async throws -> TestResponse {
        var body: [(String, JSON)] = [("amount_cents", .int(amount)), ("reason", .string(reason))]
        if let till { body.append(("till", .string(till))) }
        return try await gateway.send("POST", "/api/payments/\(paymentID)/refunds", json: .object(body),
                                      headers: ["Idempotency-Key": key ?? "refund-\(UUID().uuidString)"], token: token)
    }

    /// The order's payments (`GET /api/payments?order_id=`).
    static func payments(_ orderID: Int, token: String) async throws -> [JSON] {
        let list = try requireJSON(try await gateway.send("GET", "/api/payments?order_id=\(orderID)&limit=200", token: token)
            .expecting(200, "list payments of order \(orderID)"))
        return list["items"]?.arrayValue ?? []
    }

    /// The money invariant, for each order: captured − refunded (summed over its payments) =
    /// the order's `paid_cents` ≤ its `total_cents`, `balance_cents` = total − paid, and each
    /// payment's `refunded_cents` is the sum of its refunds, never above its amount.
    static func checkMoneyInvariant(_ orderIDs: [Int], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let manager = try await StaffFixtures.shared(.manager)
        for orderID in orderIDs {
            let order = try await order(orderID, token: manager.token)
            let payments = try await payments(orderID, token: manager.token)
            let captured = payments.compactMap { $0["amount_cents"]?.intValue }.reduce(0, +)
            let refunded = payments.compactMap { $0["refunded_cents"]?.intValue }.reduce(0, +)
            let paid = try #require(order["paid_cents"]?.intValue, sourceLocation: sourceLocation)
            let total = try #require(order["total_cents"]?.intValue, sourceLocation: sourceLocation)
            #expect(captured - refunded == paid, "order \(orderID): captured \(captured) − refunded \(refunded) ≠ paid \(paid)",
                    sourceLocation: sourceLocation)
            #expect(paid <= total, "order \(orderID) is paid beyond its total", sourceLocation: sourceLocation)
            #expect(order["balance_cents"] == .int(max(0, total - paid)), sourceLocation: sourceLocation)
            for payment in payments {
                guard let id = payment["id"]?.intValue, let amount = payment["amount_cents"]?.intValue,
                      let paymentRefunded = payment["refunded_cents"]?.intValue else { continue }
                let refunds = try requireJSON(try await gateway.send("GET", "/api/payments/\(id)/refunds", token: manager.token))
                let sum = (refunds["items"]?.arrayValue ?? []).compactMap { $0["amount_cents"]?.intValue }.reduce(0, +)
                #expect(sum == paymentRefunded, "payment \(id): refunds add up to \(sum), not \(paymentRefunded)",
                        sourceLocation: sourceLocation)
                #expect(paymentRefunded <= amount, sourceLocation: sourceLocation)
            }
        }
    }
}

/// The menu item the payment and shift tests order: 5.00, no tax, stock not counted. Made
/// once per test process by a manager, so these tests change the menu (and its ETag) once.
private enum TestItem {
    static let shared = Once { try await create() }

    private static func create() async throws -> Int {
        let gateway = GatewayClient.shared
        let manager = try await StaffFixtures.shared(.manager)
        let category = try await gateway.send("POST", "/api/menu/categories", json: [
            "name": .string(MenuFixtures.uniqueName("Payments")), "station": "bar",
        ], token: manager.token).expecting(201, "create the payment tests' category")
        let item = try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": .int(try MenuFixtures.id(of: category)), "name": .string(MenuFixtures.uniqueName("Filter coffee")),
            "price_cents": 500, "tax_rate_bp": 0,
        ], token: manager.token).expecting(201, "create the payment tests' item")
        return try MenuFixtures.id(of: item)
    }
}
