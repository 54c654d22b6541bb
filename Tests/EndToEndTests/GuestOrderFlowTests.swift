import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Issue 7's story through the real gateway: a guest at a table orders, staff accept (or
/// reject), the guest sees the new status, and only accepted orders reach the kitchen.
@Suite("Guest ordering: table → session → order → staff")
struct GuestOrderFlowTests {
    let gateway = GatewayClient.shared

    @Test("A guest order is pending, off the kitchen queue until a cashier accepts it; then the guest sees it submitted")
    func acceptFlow() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let table = try await GuestFixtures.newTable()
        let session = try await GuestFixtures.newSession(at: table)
        #expect(session.tableLabel == table["label"]?.stringValue)

        let placed = try requireJSON(try await GuestFixtures.place(OrderFixtures.latteAndTwoCroissants(menu), note: "by the window",
                                                                   as: session).expecting(201, "place the order"))
        let id = try GuestFixtures.id(placed)
        #expect(placed["status"] == "pending")
        #expect(placed["source"] == "guest")
        #expect(placed["type"] == "dine_in")
        #expect(placed["table"] == table["label"])
        #expect(placed["note"] == "by the window")
        #expect(placed["created_by"] == .null)
        // The same pricing as a cashier's order of the same cart (OrderFixtures: 1080 + 92).
        #expect(placed["subtotal_cents"] == 1080)
        #expect(placed["tax_cents"] == 92)
        #expect(placed["total_cents"] == 1172)
        let quote = try requireJSON(try await gateway.send("POST", "/api/orders/quote", json: [
            "type": "dine_in", "items": .array(OrderFixtures.latteAndTwoCroissants(menu)),
        ]).expecting(200, "quote the cart"))
        #expect(quote["total_cents"] == placed["total_cents"])

        #expect(try await GuestFixtures.kitchenQueueHas(id) == false, "a pending order is not for the kitchen")
        let pending = try requireJSON(try await gateway.send("GET", "/api/orders?status=pending&limit=200", token: cashier.token)
            .expecting(200, "list pending orders"))
        #expect((pending["items"]?.arrayValue ?? []).contains { $0["id"] == .int(id) }, "staff see the pending order")

        let accepted = try requireJSON(try await OrderFixtures.post(id, "accept", token: cashier.token).expecting(200, "accept"))
        #expect(accepted["status"] == "submitted")
        #expect(try await GuestFixtures.kitchenQueueHas(id), "an accepted order is on the kitchen queue")

        let seen = try requireJSON(try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", as: session)
            .expecting(200, "the guest reads the order"))
        #expect(seen["status"] == "submitted")
        #expect(seen["total_cents"] == 1172)

        // Accepting twice is a state conflict, not a second kitchen ticket.
        #expect(try await OrderFixtures.post(id, "accept", token: cashier.token).status == 409)
        try await OrderFixtures.handOver([id])
    }

    @Test("Accepting takes stock like a submit; a sold-out item makes the accept 409 and leaves the order pending")
    func acceptTakesStock() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let item = try await OrderFixtures.newItem("Counted", in: menu.pastryCategoryID, priceCents: 300, taxRateBP: 0, stock: 1)
        let first = try GuestFixtures.id(try requireJSON(try await GuestFixtures.place(
            [OrderFixtures.line(item)], as: try await GuestFixtures.newSession()).expecting(201, "first order")))
        let second = try GuestFixtures.id(try requireJSON(try await GuestFixtures.place(
            [OrderFixtures.line(item)], as: try await GuestFixtures.newSession()).expecting(201, "second order")))
        #expect(try await OrderFixtures.stock(of: item) == 1, "placing a guest order takes no stock")

        try await OrderFixtures.post(first, "accept", token: cashier.token).expecting(200, "accept the first")
        #expect(try await OrderFixtures.stock(of: item) == 0)
        let refused = try await OrderFixtures.post(second, "accept", token: cashier.token)
        #expect(refused.status == 409 && refused.problemType == "/problems/sold-out", "\(refused)")
        let still = try requireJSON(try await OrderFixtures.post(second, "reject", json: ["reason": "sold out"], token: cashier.token)
            .expecting(200, "the second is still pending, so it can be rejected"))
        #expect(still["status"] == "cancelled")
        try await OrderFixtures.handOver([first])
    }

    @Test("A rejected order is cancelled for the guest, audited with the reason, and never reaches the kitchen")
    func rejectFlow() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let session = try await GuestFixtures.newSession()
        let id = try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: session))
        let since = Date(timeIntervalSinceNow: -5)

        #expect(try await OrderFixtures.post(id, "reject", json: [:], token: cashier.token).status == 422, "a reason is required")
        let rejected = try requireJSON(try await OrderFixtures.post(id, "reject", json: ["reason": "kitchen closed"], token: cashier.token)
            .expecting(200, "reject"))
        #expect(rejected["status"] == "cancelled")

        let seen = try requireJSON(try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", as: session).expecting(200, "guest reads"))
        #expect(seen["status"] == "cancelled")
        #expect(try await GuestFixtures.kitchenQueueHas(id) == false)
        #expect(try await OrderFixtures.post(id, "accept", token: cashier.token).status == 409, "a rejected order cannot be accepted")
        #expect(try await OrderFixtures.post(id, "reject", json: ["reason": "again"], token: cashier.token).status == 409)

        let entry = try await OrderFixtures.auditEntry(type: "order_rejected", since: since, token: manager.token) {
            $0["entity_id"] == .int(id)
        }
        #expect(entry?["reason"] == "kitchen closed")
        #expect(entry?["actor_id"] == .int(cashier.id))
    }

    @Test("A pending guest order takes no payment until it is accepted")
    func noPaymentWhilePending() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await GuestFixtures.pendingOrder()
        let id = try GuestFixtures.id(order)
        let total = try #require(order["total_cents"])
        let card: JSON = ["order_id": .int(id), "method": "card", "amount_cents": total, "reference": "GUEST"]

        let refused = try await PaymentFixtures.pay(card, token: cashier.token)
        #expect(refused.status == 409 && refused.problemType == "/problems/order-not-accepted", "\(refused)")
        try await OrderFixtures.post(id, "accept", token: cashier.token).expecting(200, "accept")
        try await PaymentFixtures.pay(card, token: cashier.token).expecting(201, "paid once accepted")
        let paid = try await PaymentFixtures.order(id, token: cashier.token)
        #expect(paid["payment_status"] == "paid")
        try await OrderFixtures.handOver([id])
    }

    @Test("Accept and reject only move pending orders: a cashier's open order is 409 for both")
    func staffOrdersAreNotReviewed() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await MatrixFixtures.openOrder()
        #expect(try await OrderFixtures.post(order.id, "accept", token: cashier.token).status == 409)
        #expect(try await OrderFixtures.post(order.id, "reject", json: ["reason": "no"], token: cashier.token).status == 409)
    }

    @Test("A session sees only its own orders: another session's, a staff order and a missing one are the same 404")
    func ordersOfOtherSessionsAreNotFound() async throws {
        let mine = try await GuestFixtures.newSession()
        let theirs = try await GuestFixtures.newSession(at: try await GuestFixtures.newTable())
        let theirOrder = try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: theirs))
        let staffOrder = try await MatrixFixtures.openOrder().id

        var bodies: [String] = []
        for id in [theirOrder, staffOrder, 999_999_999] {
            let response = try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", as: mine)
            #expect(response.status == 404 && response.isProblem, "order \(id): \(response)")
            bodies.append(response.json?["title"]?.stringValue ?? "")
        }
        #expect(Set(bodies).count == 1, "the 404s look alike")
        try await GuestFixtures.send("GET", "/api/guest/orders/\(theirOrder)", as: theirs).expecting(200, "the owner reads it")
    }

    @Test("The guest page's poll: ETag on the order, 304 while nothing changed, 200 with a new ETag after accept")
    func pollingWithETags() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let session = try await GuestFixtures.newSession()
        let id = try GuestFixtures.id(try await GuestFixtures.pendingOrder(by: session))
        let first = try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", as: session).expecting(200, "first poll")
        let etag = try #require(first.header("etag"))
        #expect(first.header("cache-control") == "no-cache")

        let unchanged = try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", headers: ["If-None-Match": etag], as: session)
        #expect(unchanged.status == 304, "\(unchanged)")
        #expect(unchanged.body.isEmpty)
        #expect(unchanged.header("etag") == etag)

        try await OrderFixtures.post(id, "accept", token: cashier.token).expecting(200, "accept")
        let changed = try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", headers: ["If-None-Match": etag], as: session)
        #expect(changed.status == 200)
        #expect(changed.header("etag") != etag)
        #expect(changed.json?["status"] == "submitted")
        try await OrderFixtures.handOver([id])
    }

    @Test("A guest's Idempotency-Key replays that session's order; the same key from another session is its own")
    func idempotencyIsPerSession() async throws {
        let menu = try await OrderFixtures.menu()
        let a = try await GuestFixtures.newSession()
        let b = try await GuestFixtures.newSession()
        let key = ["Idempotency-Key": "guest-\(UUID().uuidString)"]
        let lines: JSON = [OrderFixtures.line(menu.croissantID)]
        let first = try await GuestFixtures.send("POST", "/api/guest/orders", json: ["items": lines], headers: key, as: a)
            .expecting(201, "first")
        let again = try await GuestFixtures.send("POST", "/api/guest/orders", json: ["items": lines], headers: key, as: a)
            .expecting(201, "replay")
        #expect(again.header("idempotent-replayed") == "true")
        #expect(again.json?["id"] == first.json?["id"])
        let other = try await GuestFixtures.send("POST", "/api/guest/orders", json: ["items": lines], headers: key, as: b)
            .expecting(201, "another session, same key")
        #expect(other.json?["id"] != first.json?["id"])
        #expect(other.header("idempotent-replayed") == nil)
    }

    @Test("What a guest may not choose is ignored: status, source, table, type, author, session, prices, totals")
    func massAssignmentIsIgnored() async throws {
        let menu = try await OrderFixtures.menu()
        let other = try await GuestFixtures.newSession(at: try await GuestFixtures.newTable())
        let otherOrder = try await GuestFixtures.pendingOrder(by: other)
        let session = try await GuestFixtures.newSession()
        let placed = try requireJSON(try await GuestFixtures.send("POST", "/api/guest/orders", json: [
            "items": [["item_id": .int(menu.croissantID), "quantity": 1, "unit_price_cents": 1, "line_total_cents": 1]],
            "status": "submitted", "source": "staff", "table": "VIP", "type": "takeaway", "created_by": 1, "id": 1,
            "number": 1, "guest_session_id": .int(1), "total_cents": 1, "subtotal_cents": 1, "version": 99,
        ], as: session).expecting(201, "place an order with extra fields"))

        #expect(placed["status"] == "pending")
        #expect(placed["source"] == "guest")
        #expect(placed["table"] == .string(session.tableLabel))
        #expect(placed["type"] == "dine_in")
        #expect(placed["created_by"] == .null)
        #expect(placed["subtotal_cents"] == 275)
        #expect(placed["version"] == 1)
        #expect(placed["id"] != 1 && placed["id"] != otherOrder["id"])
        // The order belongs to the session that sent it, not to the one named in the body.
        let id = try GuestFixtures.id(placed)
        try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", as: session).expecting(200, "the sender reads it")
        #expect(try await GuestFixtures.send("GET", "/api/guest/orders/\(id)", as: other).status == 404)
    }
}
