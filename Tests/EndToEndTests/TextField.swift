import Foundation
import PosCoreTesting
import PosHTTP

/// A string field of the API: its limit (the column's `VARCHAR(n)`), the name a 422 gives it,
/// and how to send one value in it, with whatever the request needs made fresh (an order to
/// discount, a payment to refund, a shift to move cash in).
enum TextField: String, CaseIterable, Sendable, CustomStringConvertible {
    case staffDisplayName, orderNote, orderTable, lineNote, discountReason, cancelReason
    case paymentReference, refundReason, cashMovementReason
    case categoryName, categoryStation, itemName, itemDescription, modifierGroupName, modifierOptionName

    var description: String { rawValue }

    var limit: Int {
        switch self {
        case .orderTable, .categoryStation: 32
        case .paymentReference: 64
        case .staffDisplayName, .categoryName, .itemName, .modifierGroupName, .modifierOptionName: 100
        case .lineNote: 200
        case .orderNote, .discountReason, .cancelReason, .refundReason, .cashMovementReason, .itemDescription: 500
        }
    }

    var errorField: String {
        switch self {
        case .staffDisplayName: "display_name"
        case .orderNote: "note"
        case .orderTable: "table"
        case .lineNote: "items[0].note"
        case .discountReason, .cancelReason, .refundReason, .cashMovementReason: "reason"
        case .paymentReference: "reference"
        case .categoryName, .itemName: "name"
        case .categoryStation: "station"
        case .itemDescription: "description"
        case .modifierGroupName: "modifier_groups[0].name"
        case .modifierOptionName: "modifier_groups[0].options[0].name"
        }
    }

    /// Only an item's description may hold line breaks and tabs.
    var multiline: Bool { self == .itemDescription }

    func send(_ value: String) async throws -> TestResponse {
        let gateway = GatewayClient.shared
        let text = JSON.string(value)
        switch self {
        case .staffDisplayName:
            let admin = try await StaffFixtures.admin()
            return try await gateway.send("POST", "/api/staff", json: [
                "username": .string(StaffFixtures.uniqueUsername("text")), "display_name": text, "role": "cashier",
                "password": "a long enough password",
            ], token: admin.token)
        case .orderNote, .orderTable, .lineNote:
            let cashier = try await StaffFixtures.shared(.cashier)
            let menu = try await OrderFixtures.menu()
            var line: [(String, JSON)] = [("item_id", .int(menu.croissantID)), ("quantity", 1)]
            var order: [(String, JSON)] = [("type", "dine_in")]
            switch self {
            case .orderNote: order.append(("note", text))
            case .orderTable: order.append(("table", text))
            default: line.append(("note", text))
            }
            order.append(("items", .array([.object(line)])))
            return try await gateway.send("POST", "/api/orders", json: .object(order), token: cashier.token)
        case .discountReason, .cancelReason:
            let manager = try await StaffFixtures.shared(.manager)
            let order = try await PaymentFixtures.newOrder(quantity: 1, token: manager.token)
            if self == .cancelReason {
                return try await OrderFixtures.post(order.id, "cancel", json: ["reason": text], token: manager.token)
            }
            return try await OrderFixtures.post(order.id, "discount", json: ["percent_bp": 1000, "reason": text], token: manager.token)
        case .paymentReference:
            let cashier = try await StaffFixtures.shared(.cashier)
            let order = try await PaymentFixtures.newOrder(quantity: 1, token: cashier.token)
            return try await PaymentFixtures.pay(["order_id": .int(order.id), "method": "card", "amount_cents": .int(order.totalCents),
                                                  "reference": text], token: cashier.token)
        case .refundReason:
            let manager = try await StaffFixtures.shared(.manager)
            let order = try await PaymentFixtures.newOrder(quantity: 1, token: manager.token)
            let payment = try requireJSON(try await PaymentFixtures.pay(
                ["order_id": .int(order.id), "method": "card", "amount_cents": .int(order.totalCents), "reference": "A1"],
                token: manager.token).expecting(201, "pay the order to refund"))
            return try await PaymentFixtures.refund(payment["id"]?.intValue ?? 0, amount: 100, reason: value, token: manager.token)
        case .cashMovementReason:
            let cashier = try await StaffFixtures.shared(.cashier)
            let till = "text-\(UUID().uuidString.prefix(8).lowercased())"
            let shift = try requireJSON(try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": 0, "till": .string(till)],
                                                               token: cashier.token).expecting(201, "open a shift"))
            return try await gateway.send("POST", "/api/shifts/\(shift["id"]?.intValue ?? 0)/cash-movements",
                                          json: ["amount_cents": 100, "reason": text], token: cashier.token)
        case .categoryName, .categoryStation:
            let manager = try await StaffFixtures.shared(.manager)
            let body: JSON = self == .categoryName ? ["name": text] : ["name": .string(MenuFixtures.uniqueName("text")), "station": text]
            return try await gateway.send("POST", "/api/menu/categories", json: body, token: manager.token)
        case .itemName, .itemDescription, .modifierGroupName, .modifierOptionName:
            let manager = try await StaffFixtures.shared(.manager)
            let menu = try await OrderFixtures.menu()
            var item: [(String, JSON)] = [("category_id", .int(menu.pastryCategoryID)), ("price_cents", 100), ("tax_rate_bp", 0),
                                          ("available", false)]
            item.append(("name", self == .itemName ? text : .string(MenuFixtures.uniqueName("text"))))
            if self == .itemDescription { item.append(("description", text)) }
            if self == .modifierGroupName || self == .modifierOptionName {
                item.append(("modifier_groups", [[
                    "name": self == .modifierGroupName ? text : "Size", "min_select": 0, "max_select": 1,
                    "options": [["name": self == .modifierOptionName ? text : "Large", "price_delta_cents": 0]],
                ]]))
            }
            return try await gateway.send("POST", "/api/menu/items", json: .object(item), token: manager.token)
        }
    }
}
