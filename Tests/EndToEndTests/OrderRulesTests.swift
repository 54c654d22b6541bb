import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Who may do what to an order, which moves its status allows, versions, and which lines the
/// menu accepts. Money is worked out by hand (README "Money": tax-exclusive, half up, once per
/// tax rate per order).
@Suite("Orders: roles, status, versions, modifiers")
struct OrderRulesTests {
    let gateway = GatewayClient.shared

    // MARK: - Roles

    @Test("A barista cannot ring up an order (403)")
    func baristaCannotCreateOrders() async throws {
        let menu = try await OrderFixtures.menu()
        let barista = try await StaffFixtures.shared(.barista)

        let response = try await OrderFixtures.create([OrderFixtures.line(menu.croissantID)], token: barista.token)

        #expect(response.status == 403, "\(response)")
        #expect(response.isProblem)
    }

    @Test("A cashier cannot discount (403); a manager's 10 % with a reason is priced by hand and audited")
    func discountsAreForManagers() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let since = Date().addingTimeInterval(-60)
        // A large latte with oat milk (5.30, 10 %) and one croissant (2.75, 7 %): subtotal 805.
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(menu.latteID, modifiers: [menu.largeID, menu.oatID]),
                                                      OrderFixtures.line(menu.croissantID)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        #expect(order["subtotal_cents"] == 805)
        let reason = "regular customer \(Int.random(in: 1_000...9_999))"

        let byCashier = try await OrderFixtures.post(id, "discount", json: ["percent_bp": 1_000, "reason": .string(reason)],
                                                     token: cashier.token)
        let afterCashier = try await PaymentFixtures.order(id, token: cashier.token)
        let byManager = try await OrderFixtures.post(id, "discount", json: ["percent_bp": 1_000, "reason": .string(reason)],
                                                     token: manager.token)

        #expect(byCashier.status == 403, "\(byCashier)")
        #expect(byCashier.isProblem)
        #expect(afterCashier["discount_cents"] == 0, "the cashier's attempt changed nothing")
        #expect(afterCashier["version"] == order["version"])
        #expect(byManager.status == 200, "\(byManager)")
        let discounted = try requireJSON(byManager)
        // 10 % of 805 = 80.5 → 81, spread 530 : 275 → 53.33 / 27.67 → 53 / 28 (largest remainder);
        // taxable 477 at 10 % = 47.7 → 48, 247 at 7 % = 17.29 → 17; tax 65; 805 − 81 + 65 = 789.
        #expect(discounted["subtotal_cents"] == 805)
        #expect(discounted["discount_cents"] == 81)
        #expect(discounted["tax_cents"] == 65)
        #expect(discounted["total_cents"] == 789)
        #expect(discounted["balance_cents"] == 789)
        #expect(try await PaymentFixtures.order(id, token: cashier.token)["total_cents"] == 789, "stored as answered")

        let entry = try await OrderFixtures.auditEntry(type: "order_discounted", since: since, token: manager.token) {
            $0["entity"] == "order" && $0["entity_id"] == .int(id)
        }
        let audited = try #require(entry, "an order_discounted entry for order \(id)")
        #expect(audited["type"] == "order_discounted")
        #expect(audited["actor_id"] == .int(manager.id))
        #expect(audited["actor_username"] == .string(manager.username))
        #expect(audited["reason"] == .string(reason))
        #expect(audited["detail"]?["percent_bp"] == 1_000)
        #expect(audited["at"]?.stringValue?.hasSuffix("Z") == true)
    }

    // MARK: - Status

    @Test("No lines are added after submit (409); the order keeps its lines and total")
    func noLinesAfterSubmit() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(menu.croissantID)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        let submitted = try requireJSON(try await OrderFixtures.post(id, "submit", token: cashier.token).expecting(200, "submit"))

        let added = try await OrderFixtures.post(id, "items", json: OrderFixtures.line(menu.croissantID, quantity: 2),
                                                 token: cashier.token)

        #expect(added.status == 409, "\(added)")
        #expect(added.isProblem)
        let after = try await PaymentFixtures.order(id, token: cashier.token)
        #expect(after["items"]?.arrayValue?.count == 1)
        #expect(after["status"] == "submitted")
        #expect(after["total_cents"] == 294, "275 + 7 % (19.25 → 19)")
        #expect(after["version"] == submitted["version"])
        try await OrderFixtures.handOver([id])
    }

    @Test("An order cannot be ready before it was submitted (409)")
    func notReadyBeforeSubmit() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let barista = try await StaffFixtures.shared(.barista)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(menu.croissantID)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)

        let ready = try await OrderFixtures.post(id, "ready", token: barista.token)

        #expect(ready.status == 409, "\(ready)")
        #expect(ready.isProblem)
        #expect(try await PaymentFixtures.order(id, token: cashier.token)["status"] == "open")
    }

    @Test("A cancelled order cannot be completed (409)")
    func cancelledOrderCannotBeCompleted() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(menu.croissantID)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        let cancelled = try await OrderFixtures.post(id, "cancel", json: ["reason": "customer changed their mind"],
                                                     token: cashier.token)
        #expect(cancelled.status == 200, "a cashier cancels an open order: \(cancelled)")
        #expect(cancelled.json?["status"] == "cancelled")

        let completed = try await OrderFixtures.post(id, "complete", token: cashier.token)

        #expect(completed.status == 409, "\(completed)")
        #expect(completed.isProblem)
        #expect(try await PaymentFixtures.order(id, token: cashier.token)["status"] == "cancelled")
    }

    @Test("After submit only a manager cancels (cashier 403), and only with a reason (422 without); stock comes back")
    func cancellingASubmittedOrder() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let since = Date().addingTimeInterval(-60)
        let muffin = try await OrderFixtures.newItem("Muffin", in: menu.pastryCategoryID, priceCents: 300, taxRateBP: 700, stock: 5)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(muffin, quantity: 2)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        try await OrderFixtures.post(id, "submit", token: cashier.token).expecting(200, "submit")
        #expect(try await OrderFixtures.stock(of: muffin) == 3, "submitting took 2 of 5")

        let byCashier = try await OrderFixtures.post(id, "cancel", json: ["reason": "wrong order"], token: cashier.token)
        let noReason = try await OrderFixtures.post(id, "cancel", json: [:], token: manager.token)
        let blankReason = try await OrderFixtures.post(id, "cancel", json: ["reason": "  "], token: manager.token)
        let stillSubmitted = try await PaymentFixtures.order(id, token: cashier.token)
        let byManager = try await OrderFixtures.post(id, "cancel", json: ["reason": "wrong order"], token: manager.token)

        #expect(byCashier.status == 403, "\(byCashier)")
        #expect(byCashier.isProblem)
        #expect(noReason.status == 422, "\(noReason)")
        #expect(noReason.errorFields == ["reason"])
        #expect(blankReason.status == 422, "\(blankReason)")
        #expect(stillSubmitted["status"] == "submitted")
        #expect(byManager.status == 200, "\(byManager)")
        #expect(byManager.json?["status"] == "cancelled")
        #expect(try await OrderFixtures.stock(of: muffin) == 5, "the 2 muffins are back in stock")
        let entry = try await OrderFixtures.auditEntry(type: "order_cancelled", since: since, token: manager.token) {
            $0["entity"] == "order" && $0["entity_id"] == .int(id)
        }
        #expect(entry?["reason"] == "wrong order", "the cancel is audited with its reason")
        #expect(entry?["actor_id"] == .int(manager.id))
    }

    // MARK: - Versions

    @Test("A stale If-Match on adding a line is 412, and the order is unchanged")
    func staleIfMatchOnAddLine() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(menu.croissantID)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        let seen = try #require(order["version"]?.intValue)
        // Another till adds a latte first: the version moves on.
        let other = try await OrderFixtures.post(id, "items", json: OrderFixtures.line(menu.latteID, modifiers: [menu.smallID]),
                                                 headers: ["If-Match": "\(seen)"], token: cashier.token)
        #expect(other.status == 201, "the up-to-date If-Match is accepted: \(other)")
        let current = try await PaymentFixtures.order(id, token: cashier.token)

        let stale = try await OrderFixtures.post(id, "items", json: OrderFixtures.line(menu.croissantID, quantity: 3),
                                                 headers: ["If-Match": "\(seen)"], token: cashier.token)

        #expect(stale.status == 412, "\(stale)")
        #expect(stale.isProblem)
        let after = try await PaymentFixtures.order(id, token: cashier.token)
        #expect(after["version"] == current["version"])
        #expect(after["items"] == current["items"])
        #expect(after["total_cents"] == current["total_cents"])
        // 275 at 7 % = 19.25 → 19; 420 at 10 % = 42; 695 + 61 = 756.
        #expect(after["total_cents"] == 756)
    }

    @Test("A stale version in the body of a submit is 409: still open, no stock taken")
    func staleBodyVersionOnSubmit() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let scone = try await OrderFixtures.newItem("Scone", in: menu.pastryCategoryID, priceCents: 250, taxRateBP: 700, stock: 5)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(scone)], token: cashier.token)
        let id = try #require(order["id"]?.intValue)
        let seen = try #require(order["version"]?.intValue)
        try await OrderFixtures.post(id, "items", json: OrderFixtures.line(scone), token: cashier.token)
            .expecting(201, "another till adds a second scone")
        let current = try await PaymentFixtures.order(id, token: cashier.token)

        let stale = try await OrderFixtures.post(id, "submit", json: ["version": .int(seen)], token: cashier.token)

        #expect(stale.status == 409, "\(stale)")
        #expect(stale.isProblem)
        let after = try await PaymentFixtures.order(id, token: cashier.token)
        #expect(after["status"] == "open")
        #expect(after["version"] == current["version"])
        #expect(after["items"] == current["items"])
        #expect(try await OrderFixtures.stock(of: scone) == 5, "nothing was taken")

        let fresh = try await OrderFixtures.post(id, "submit", json: ["version": try #require(current["version"])],
                                                 token: cashier.token)
        #expect(fresh.status == 200, "the current version is accepted: \(fresh)")
        #expect(try await OrderFixtures.stock(of: scone) == 3)
        try await OrderFixtures.handOver([id])
    }

    // MARK: - Modifiers and menu state

    @Test("A latte without its required size is 422 on items[0].modifiers")
    func missingRequiredModifier() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)

        let response = try await OrderFixtures.create([OrderFixtures.line(menu.latteID, modifiers: [menu.oatID])],
                                                      token: cashier.token)

        #expect(response.status == 422, "\(response)")
        #expect(response.isProblem)
        #expect(response.errorFields == ["items[0].modifiers"])
        let message = response.json?["errors"]?.arrayValue?.first?["message"]?.stringValue ?? ""
        #expect(message.contains("Size"), "the message names the group: \(message)")
    }

    @Test("Two sizes for one latte is 422 on items[0].modifiers")
    func tooManyModifiersInAGroup() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)

        let response = try await OrderFixtures.create([OrderFixtures.line(menu.latteID, modifiers: [menu.smallID, menu.largeID])],
                                                      token: cashier.token)

        #expect(response.status == 422, "\(response)")
        #expect(response.errorFields == ["items[0].modifiers"])
    }

    @Test("An option of another item is 422 on that line's modifiers")
    func optionOfAnotherItem() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)

        // Oat milk belongs to the latte, not to the croissant (the second line).
        let response = try await OrderFixtures.create([OrderFixtures.line(menu.latteID, modifiers: [menu.smallID]),
                                                       OrderFixtures.line(menu.croissantID, modifiers: [menu.oatID])],
                                                      token: cashier.token)

        #expect(response.status == 422, "\(response)")
        #expect(response.isProblem)
        #expect(response.errorFields == ["items[1].modifiers"])
    }

    @Test("An item a manager made unavailable is refused with 409")
    func unavailableItemIsRefused() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let tart = try await OrderFixtures.newItem("Tart", in: menu.pastryCategoryID, priceCents: 390, taxRateBP: 700)
        try await OrderFixtures.create([OrderFixtures.line(tart)], token: cashier.token).expecting(201, "the tart sells while available")
        try await gateway.send("PATCH", "/api/menu/items/\(tart)", json: ["available": false], token: manager.token)
            .expecting(200, "the manager takes the tart off")

        let response = try await OrderFixtures.create([OrderFixtures.line(tart)], token: cashier.token)

        #expect(response.status == 409, "\(response)")
        #expect(response.isProblem)
        #expect(response.json?["detail"]?.stringValue?.isEmpty == false, "a clear message: \(response)")
    }

    @Test("A deleted item is refused with 409")
    func deletedItemIsRefused() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let bun = try await OrderFixtures.newItem("Bun", in: menu.pastryCategoryID, priceCents: 220, taxRateBP: 700)
        try await MenuFixtures.asManager().deleteItem(bun)

        let response = try await OrderFixtures.create([OrderFixtures.line(bun)], token: cashier.token)

        #expect(response.status == 409, "\(response)")
        #expect(response.isProblem)
        #expect(response.json?["detail"]?.stringValue?.isEmpty == false, "a clear message: \(response)")
    }
}
