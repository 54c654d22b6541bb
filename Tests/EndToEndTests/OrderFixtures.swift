import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// The menu the order tests ring up, made once per test process by a manager through the
/// menu API (never the demo seed):
///
/// - a category with station `bar` holding a latte: 4.20 at 10 % tax, a Size group (exactly
///   one of Small +0.00 / Large +0.60) and a Milk group (at most one of Oat +0.50 / Almond +0.70);
/// - a category without a station holding a croissant: 2.75 at 7 % tax.
///
/// No test changes these items; tests that make an item unavailable, delete it or count its
/// stock make their own with `OrderFixtures.newItem`.
struct OrderMenu: Sendable {
    let barCategoryID: Int
    let pastryCategoryID: Int
    let latteID: Int
    let latteName: String
    let smallID: Int
    let largeID: Int
    let oatID: Int
    let almondID: Int
    let croissantID: Int
    let croissantName: String
}

/// Orders made through the gateway for the order tests.
enum OrderFixtures {
    static let gateway = GatewayClient.shared

    static func menu() async throws -> OrderMenu { try await OrderMenuCache.shared.value() }

    /// A request line `{item_id, quantity, modifiers}`.
    static func line(_ itemID: Int, quantity: Int = 1, modifiers: [Int] = []) -> JSON {
        ["item_id": .int(itemID), "quantity": .int(quantity), "modifiers": .array(modifiers.map(JSON.int))]
    }

    /// The cart of the cashier → bar → handover story: a large latte with oat milk and two
    /// croissants. By hand (tax-exclusive, half up, once per rate):
    /// latte 4.20 + 0.60 + 0.50 = 5.30, tax 10 % of 530 = 53.0 → 53;
    /// croissants 2 × 2.75 = 5.50, tax 7 % of 550 = 38.5 → 39;
    /// subtotal 1080, tax 92, total 1172.
    static func latteAndTwoCroissants(_ menu: OrderMenu) -> [JSON] {
        [line(menu.latteID, modifiers: [menu.largeID, menu.oatID]), line(menu.croissantID, quantity: 2)]
    }

    /// `POST /api/orders` as sent; the caller checks the answer.
    static func create(_ lines: [JSON], type: String = "takeaway", token: String) async throws -> TestResponse {
        try await gateway.send("POST", "/api/orders", json: ["type": .string(type), "items": .array(lines)], token: token)
    }

    /// A new open order of `lines`; its JSON.
    static func newOrder(_ lines: [JSON], token: String) async throws -> JSON {
        try requireJSON(try await create(lines, token: token).expecting(201, "create an order"))
    }

    /// `count` small lattes rung up by the cashier and sent to the bar, oldest first; their ids.
    static func submittedBarOrders(_ count: Int) async throws -> [Int] {
        let menu = try await menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        var ids: [Int] = []
        for _ in 0..<count {
            let order = try await newOrder([line(menu.latteID, modifiers: [menu.smallID])], token: cashier.token)
            guard let id = order["id"]?.intValue else { throw OrderFixtureError("an order without an id: \(order)") }
            try await post(id, "submit", token: cashier.token).expecting(200, "submit order \(id)")
            ids.append(id)
        }
        return ids
    }

    /// `POST /api/orders/{id}/<action>` with an optional body and headers.
    static func post(_ orderID: Int, _ action: String, json: JSON? = nil, headers: [String: String] = [:],
                     token: String) async throws -> TestResponse {
        try await gateway.send("POST", "/api/orders/\(orderID)/\(action)", json: json, headers: headers, token: token)
    }

    /// Takes submitted orders off the kitchen queue (ready, then completed, as a manager), so
    /// tests leave the queue as short as they found it.
    static func handOver(_ orderIDs: [Int]) async throws {
        let manager = try await StaffFixtures.shared(.manager)
        for id in orderIDs {
            try await post(id, "ready", token: manager.token).expecting(200, "order \(id) is ready")
            try await post(id, "complete", token: manager.token).expecting(200, "order \(id) is handed over")
        }
    }

    /// A new item without modifiers, made by a manager; its id.
    static func newItem(_ prefix: String, in categoryID: Int, priceCents: Int, taxRateBP: Int,
                        stock: Int? = nil) async throws -> Int {
        let manager = try await MenuFixtures.asManager()
        let response = try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": .int(categoryID), "name": .string(MenuFixtures.uniqueName(prefix)),
            "price_cents": .int(priceCents), "tax_rate_bp": .int(taxRateBP), "stock": .optional(stock),
        ], token: manager.token).expecting(201, "create item \(prefix)")
        return try MenuFixtures.id(of: response)
    }

    /// The item's `stock` as the public item endpoint shows it.
    static func stock(of itemID: Int) async throws -> Int? {
        let manager = try await MenuFixtures.asManager()
        let item = try requireJSON(try await manager.item(itemID).expecting(200, "GET item \(itemID)"))
        return item["stock"]?.intValue
    }

    /// The first audit entry of `type` since `since` that `matches`, paging through
    /// `GET /api/audit` (newest first) as `token`.
    static func auditEntry(type: String, since: Date, token: String,
                           matching matches: (JSON) -> Bool) async throws -> JSON? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var cursor: String?
        for _ in 0..<20 {
            var path = "/api/audit?type=\(type)&since=\(formatter.string(from: since))&limit=200"
            if let cursor { path += "&cursor=\(cursor)" }
            let page = try requireJSON(try await gateway.send("GET", path, token: token).expecting(200, "GET \(path)"))
            if let entry = page["items"]?.arrayValue?.first(where: matches) { return entry }
            guard let next = page["next_cursor"]?.stringValue else { return nil }
            cursor = next
        }
        return nil
    }
}

/// Makes `OrderMenu` once per test process; concurrent first callers share one.
private enum OrderMenuCache {
    static let shared = Once { try await create() }

    private static func create() async throws -> OrderMenu {
        let menu = try await MenuFixtures.asManager()
        let bar = try await menu.createCategory(station: "bar")
        let pastry = try await menu.createCategory(station: nil)
        let latteName = MenuFixtures.uniqueName("Latte")
        let latteResponse = try await GatewayClient.shared.send("POST", "/api/menu/items", json: [
            "category_id": .int(bar), "name": .string(latteName), "price_cents": 420, "tax_rate_bp": 1000,
            "modifier_groups": [
                ["name": "Size", "min_select": 1, "max_select": 1,
                 "options": [["name": "Small", "price_delta_cents": 0], ["name": "Large", "price_delta_cents": 60]]],
                ["name": "Milk", "min_select": 0, "max_select": 1,
                 "options": [["name": "Oat", "price_delta_cents": 50], ["name": "Almond", "price_delta_cents": 70]]],
            ],
        ], token: menu.token).expecting(201, "create the order tests' latte")
        let latte = try requireJSON(latteResponse)
        let options = (latte["modifier_groups"]?.arrayValue ?? []).flatMap { $0["options"]?.arrayValue ?? [] }
        func option(_ name: String) throws -> Int {
            guard let id = options.first(where: { $0["name"] == .string(name) })?["id"]?.intValue else {
                throw OrderFixtureError("the latte has no option \(name): \(latte)")
            }
            return id
        }
        let croissantName = MenuFixtures.uniqueName("Croissant")
        let croissant = try await GatewayClient.shared.send("POST", "/api/menu/items", json: [
            "category_id": .int(pastry), "name": .string(croissantName), "price_cents": 275, "tax_rate_bp": 700,
        ], token: menu.token).expecting(201, "create the order tests' croissant")
        return OrderMenu(barCategoryID: bar, pastryCategoryID: pastry,
                         latteID: try MenuFixtures.id(of: latteResponse),
                         latteName: latteName, smallID: try option("Small"), largeID: try option("Large"),
                         oatID: try option("Oat"), almondID: try option("Almond"),
                         croissantID: try MenuFixtures.id(of: croissant), croissantName: croissantName)
    }
}

struct OrderFixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
