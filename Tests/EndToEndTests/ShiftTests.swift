import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Till shifts through the gateway. Each test uses a till of its own (`e2e-…`), so tests
/// running side by side, and the demo's `main` till, never share a drawer.
@Suite("Shifts and the cash drawer")
struct ShiftTests {
    let gateway = GatewayClient.shared

    static func uniqueTill() -> String { "e2e-\(UUID().uuidString.prefix(8).lowercased())" }

    @Test("Open, sell, refund, move cash, close: expected cash and over/short as worked out by hand")
    func shiftLifecycle() async throws {
        let cashier = try await StaffFixtures.newSession(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let till = Self.uniqueTill()

        // Open with a 200.00 float; a second shift on the same till is refused.
        let opened = try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": 20_000, "till": .string(till)],
                                            token: cashier.token)
        #expect(opened.status == 201, "\(opened)")
        let shift = try requireJSON(opened)
        let shiftID = try #require(shift["id"]?.intValue)
        #expect(shift["status"] == "open")
        #expect(shift["till"] == .string(till))
        #expect(shift["opened_by"] == .int(cashier.id))
        #expect(shift["expected_cash_cents"] == 20_000)
        #expect(shift["counted_cash_cents"] == .null)
        let second = try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": 0, "till": .string(till)],
                                            token: manager.token)
        #expect(second.status == 409, "\(second)")
        #expect(second.problemType == "/problems/shift-already-open")
        let current = try await gateway.send("GET", "/api/shifts/current?till=\(till)", token: cashier.token)
        #expect(current.json?["id"] == .int(shiftID), "\(current)")

        // Order A, 10.00: cash, 20.00 tendered, 1.00 tip on top → 10.00 change.
        let orderA = try await PaymentFixtures.newOrder(quantity: 2, token: cashier.token)
        let cashA = try requireJSON(try await PaymentFixtures.pay([
            "order_id": .int(orderA.id), "method": "cash", "amount_cents": 1_000, "tendered_cents": 2_000, "tip_cents": 100,
            "till": .string(till),
        ], token: cashier.token).expecting(201, "cash payment of order A"))
        #expect(cashA["change_cents"] == 1_000)
        #expect(cashA["shift_id"] == .int(shiftID))
        // Order B, 15.00 less a 1.00 discount: card with a 2.00 tip.
        let orderB = try await PaymentFixtures.newOrder(quantity: 3, token: cashier.token)
        let discounted = try requireJSON(try await gateway.send("POST", "/api/orders/\(orderB.id)/discount", json: [
            "amount_cents": 100, "reason": "loyalty card",
        ], token: manager.token).expecting(200, "discount order B"))
        #expect(discounted["total_cents"] == 1_400)
        try await PaymentFixtures.pay([
            "order_id": .int(orderB.id), "method": "card", "amount_cents": 1_400, "tip_cents": 200, "reference": "AUTH-B",
            "till": .string(till),
        ], token: cashier.token).expecting(201, "card payment of order B")
        // Order C, 5.00 split: 2.00 exact cash, 3.00 card.
        let orderC = try await PaymentFixtures.newOrder(quantity: 1, token: cashier.token)
        try await PaymentFixtures.pay([
            "order_id": .int(orderC.id), "method": "cash", "amount_cents": 200, "tendered_cents": 200, "till": .string(till),
        ], token: cashier.token).expecting(201, "cash part of order C")
        try await PaymentFixtures.pay([
            "order_id": .int(orderC.id), "method": "card", "amount_cents": 300, "reference": "AUTH-C", "till": .string(till),
        ], token: cashier.token).expecting(201, "card part of order C")
        // A manager refunds 2.50 of A's cash from this till.
        let refund = try requireJSON(try await PaymentFixtures.refund(
            try #require(cashA["id"]?.intValue), amount: 250, reason: "cold coffee", till: till, token: manager.token)
            .expecting(201, "refund part of order A"))
        #expect(refund["shift_id"] == .int(shiftID))
        // Cash in 50.00 (change top-up), cash out 100.00 (safe drop); 0 is no movement.
        let topUp = try await gateway.send("POST", "/api/shifts/\(shiftID)/cash-movements", json: [
            "amount_cents": 5_000, "reason": "change top-up",
        ], token: cashier.token)
        let drop = try await gateway.send("POST", "/api/shifts/\(shiftID)/cash-movements", json: [
            "amount_cents": -10_000, "reason": "safe drop",
        ], token: cashier.token)
        let zero = try await gateway.send("POST", "/api/shifts/\(shiftID)/cash-movements", json: [
            "amount_cents": 0, "reason": "nothing",
        ], token: cashier.token)
        #expect(topUp.status == 201, "\(topUp)")
        #expect(topUp.json?["amount_cents"] == 5_000)
        #expect(drop.status == 201, "\(drop)")
        #expect(zero.status == 422, "\(zero)")

        // By hand: float 200.00 + cash sales (10.00 + 2.00) + cash tip 1.00 − cash refund 2.50
        // + 50.00 − 100.00 = 160.50. Card sales, card tips and the discount do not touch the drawer.
        let expected = 20_000 + (1_000 + 200) + 100 - 250 + 5_000 - 10_000
        #expect(expected == 16_050)
        let beforeClose = try requireJSON(try await gateway.send("GET", "/api/shifts/\(shiftID)", token: cashier.token)
            .expecting(200, "cashier reads their open shift"))
        #expect(beforeClose["expected_cash_cents"] == .int(expected))

        // The cashier counts 160.00: 0.50 short.
        let closed = try await gateway.send("POST", "/api/shifts/\(shiftID)/close", json: ["counted_cash_cents": 16_000],
                                            token: cashier.token)
        #expect(closed.status == 200, "\(closed)")
        let result = try requireJSON(closed)
        #expect(result["status"] == "closed")
        #expect(result["expected_cash_cents"] == .int(expected))
        #expect(result["counted_cash_cents"] == 16_000)
        #expect(result["over_short_cents"] == -50)
        #expect(result["closed_by"] == .int(cashier.id))
        #expect(result["closed_at"]?.stringValue?.hasSuffix("Z") == true)

        // The Z report.
        let report = try #require(result["report"])
        #expect(report["sales_by_method"]?["cash"] == ["count": 2, "amount_cents": 1_200, "tip_cents": 100])
        #expect(report["sales_by_method"]?["card"] == ["count": 2, "amount_cents": 1_700, "tip_cents": 200])
        #expect(report["sales"] == ["count": 4, "amount_cents": 2_900])
        #expect(report["tips"] == ["cash_cents": 100, "card_cents": 200, "total_cents": 300])
        #expect(report["refunds"]?["count"] == 1)
        #expect(report["refunds"]?["amount_cents"] == 250)
        #expect(report["refunds"]?["by_method"]?["cash"] == ["count": 1, "amount_cents": 250])
        #expect(report["net_sales_cents"] == .int(2_900 - 250))
        #expect(report["discounts"] == ["order_count": 1, "amount_cents": 100])
        #expect(report["cash_movements"]?["in_cents"] == 5_000)
        #expect(report["cash_movements"]?["out_cents"] == -10_000)
        #expect(report["cash_movements"]?["items"]?.arrayValue?.compactMap { $0["reason"]?.stringValue }
                == ["change top-up", "safe drop"])
        #expect(report["cash"]?["expected_cash_cents"] == .int(expected))

        // Closed means closed: no second close, no movements, no current shift, no new payments on it.
        let closeAgain = try await gateway.send("POST", "/api/shifts/\(shiftID)/close", json: ["counted_cash_cents": 16_000],
                                                token: cashier.token)
        let lateMovement = try await gateway.send("POST", "/api/shifts/\(shiftID)/cash-movements", json: [
            "amount_cents": 100, "reason": "late",
        ], token: cashier.token)
        let noCurrent = try await gateway.send("GET", "/api/shifts/current?till=\(till)", token: cashier.token)
        let orderD = try await PaymentFixtures.newOrder(quantity: 1, token: cashier.token)
        let afterClose = try requireJSON(try await PaymentFixtures.pay([
            "order_id": .int(orderD.id), "method": "cash", "amount_cents": 500, "till": .string(till),
        ], token: cashier.token).expecting(201, "payment after the shift closed"))
        #expect(closeAgain.status == 409, "\(closeAgain)")
        #expect(closeAgain.problemType == "/problems/shift-closed")
        #expect(lateMovement.status == 409, "\(lateMovement)")
        #expect(noCurrent.status == 404, "\(noCurrent)")
        #expect(afterClose["shift_id"] == .null)
        let reread = try requireJSON(try await gateway.send("GET", "/api/shifts/\(shiftID)", token: manager.token)
            .expecting(200, "manager reads the closed shift"))
        #expect(reread["expected_cash_cents"] == .int(expected))
        #expect(reread["report"] == report, "the Z report stays as it was at closing")

        // Closing and cash movements are in the audit log.
        let closings = try requireJSON(try await gateway.send("GET", "/api/audit?type=shift_closed&limit=200", token: manager.token))
        let closing = closings["items"]?.arrayValue?.first { $0["entity"] == "shift" && $0["entity_id"] == .int(shiftID) }
        #expect(closing?["detail"]?["over_short_cents"] == -50)
        let movements = try requireJSON(try await gateway.send("GET", "/api/audit?type=cash_movement&limit=200", token: manager.token))
        let reasons = (movements["items"]?.arrayValue ?? []).filter { $0["entity_id"] == .int(shiftID) }.compactMap { $0["reason"]?.stringValue }
        #expect(Set(reasons) == ["change top-up", "safe drop"])

        try await PaymentFixtures.checkMoneyInvariant([orderA.id, orderB.id, orderC.id, orderD.id])
    }

    @Test("A cashier sees and works only their own shift; managers any")
    func shiftsBelongToTheirCashier() async throws {
        let owner = try await StaffFixtures.newSession(.cashier)
        let other = try await StaffFixtures.newSession(.cashier)
        let manager = try await StaffFixtures.shared(.manager)
        let till = Self.uniqueTill()
        let shift = try requireJSON(try await gateway.send("POST", "/api/shifts", json: [
            "opening_float_cents": 5_000, "till": .string(till),
        ], token: owner.token).expecting(201, "open a shift"))
        let shiftID = try #require(shift["id"]?.intValue)

        let otherReads = try await gateway.send("GET", "/api/shifts/\(shiftID)", token: other.token)
        let otherMoves = try await gateway.send("POST", "/api/shifts/\(shiftID)/cash-movements", json: [
            "amount_cents": -100, "reason": "taking a tenner",
        ], token: other.token)
        let otherCloses = try await gateway.send("POST", "/api/shifts/\(shiftID)/close", json: ["counted_cash_cents": 0],
                                                 token: other.token)
        let order = try await PaymentFixtures.newOrder(quantity: 1, token: other.token)
        let otherPaysIn = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 500, "tendered_cents": 500, "till": .string(till),
        ], token: other.token)
        let otherListsPayments = try await gateway.send("GET", "/api/payments?shift_id=\(shiftID)", token: other.token)
        let ownerListsPayments = try await gateway.send("GET", "/api/payments?shift_id=\(shiftID)", token: owner.token)
        let managerReads = try await gateway.send("GET", "/api/shifts/\(shiftID)", token: manager.token)
        let managerCloses = try await gateway.send("POST", "/api/shifts/\(shiftID)/close", json: ["counted_cash_cents": 5_000],
                                                   token: manager.token)

        #expect(otherReads.status == 403, "\(otherReads)")
        #expect(otherMoves.status == 403, "\(otherMoves)")
        #expect(otherCloses.status == 403, "\(otherCloses)")
        #expect(otherPaysIn.status == 403, "another cashier's drawer: \(otherPaysIn)")
        #expect(try await PaymentFixtures.payments(order.id, token: manager.token).isEmpty, "the refused payment left nothing")
        #expect(otherListsPayments.status == 403, "\(otherListsPayments)")
        #expect(ownerListsPayments.status == 200, "\(ownerListsPayments)")
        #expect(managerReads.status == 200, "\(managerReads)")
        #expect(managerReads.json?["expected_cash_cents"] == 5_000, "no cash from the refused payment")
        #expect(managerCloses.status == 200, "\(managerCloses)")
        #expect(managerCloses.json?["over_short_cents"] == 0)
    }

    @Test("Shifts check their input and who opens them")
    func openingRules() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let barista = try await StaffFixtures.shared(.barista)
        let till = Self.uniqueTill()

        let negative = try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": -1, "till": .string(till)],
                                              token: cashier.token)
        let badTill = try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": 0, "till": "a till"],
                                             token: cashier.token)
        let byBarista = try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": 0, "till": .string(till)],
                                               token: barista.token)
        let noShift = try await gateway.send("GET", "/api/shifts/current?till=\(till)", token: cashier.token)
        let unknown = try await gateway.send("GET", "/api/shifts/999999999", token: cashier.token)
        let anonymous = try await gateway.send("GET", "/api/shifts/current")

        #expect(negative.status == 422, "\(negative)")
        #expect(negative.errorFields == ["opening_float_cents"])
        #expect(badTill.status == 422, "\(badTill)")
        #expect(badTill.errorFields == ["till"])
        #expect(byBarista.status == 403, "\(byBarista)")
        #expect(noShift.status == 404, "\(noShift)")
        #expect(noShift.isProblem)
        #expect(unknown.status == 404, "\(unknown)")
        #expect(anonymous.status == 401, "\(anonymous)")
    }
}
