import PosCoreTesting
import PosHTTP

/// Menu data made through the API by a manager, with unique names so parallel runs and
/// earlier runs never collide.
struct MenuFixtures {
    let gateway = GatewayClient.shared
    let token: String

    static func asManager() async throws -> MenuFixtures {
        MenuFixtures(token: try await StaffFixtures.shared(.manager).token)
    }

    static func uniqueName(_ prefix: String) -> String { "E2E \(prefix) \(Int.random(in: 100_000...999_999))" }

    /// A new category; returns its id.
    func createCategory(station: String? = "bar") async throws -> Int {
        var body: [(String, JSON)] = [("name", .string(Self.uniqueName("Category")))]
        if let station { body.append(("station", .string(station))) }
        let response = try await gateway.send("POST", "/api/menu/categories", json: .object(body), token: token)
            .expecting(201, "create a category")
        return try Self.id(of: response)
    }

    /// A new item (€4.50, 10 % tax, one milk group) in `categoryID`; returns it.
    func createItem(in categoryID: Int, priceCents: Int = 450) async throws -> JSON {
        let response = try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": .int(categoryID), "name": .string(Self.uniqueName("Latte")), "description": "Test item",
            "price_cents": .int(priceCents), "tax_rate_bp": 1000,
            "modifier_groups": [["name": "Milk", "min_select": 0, "max_select": 1,
                                 "options": [["name": "Oat", "price_delta_cents": 50]]]],
        ], token: token).expecting(201, "create an item")
        return try requireJSON(response)
    }

    func item(_ id: Int) async throws -> TestResponse {
        try await gateway.send("GET", "/api/menu/items/\(id)")
    }

    func deleteItem(_ id: Int) async throws {
        try await gateway.send("DELETE", "/api/menu/items/\(id)", token: token).expecting(204, "delete item \(id)")
    }

    func deleteCategory(_ id: Int) async throws {
        try await gateway.send("DELETE", "/api/menu/categories/\(id)", token: token).expecting(204, "delete category \(id)")
    }

    static func id(of response: TestResponse) throws -> Int {
        guard let id = response.json?["id"]?.intValue else {
            throw UnexpectedResponse(step: "the answer carries an id", expected: response.status, response: response)
        }
        return id
    }
}

/// The public menu (`GET /api/menu`) as a user reads it.
struct PublicMenu {
    let json: JSON

    var categories: [JSON] { json["categories"]?.arrayValue ?? [] }
    var categoryIDs: Set<Int> { Set(categories.compactMap { $0["id"]?.intValue }) }
    var itemIDs: Set<Int> { Set(categories.flatMap { $0["items"]?.arrayValue ?? [] }.compactMap { $0["id"]?.intValue }) }

    func category(_ id: Int) -> JSON? { categories.first { $0["id"] == .int(id) } }

    static func fetch() async throws -> PublicMenu {
        let response = try await GatewayClient.shared.send("GET", "/api/menu").expecting(200, "GET /api/menu")
        return PublicMenu(json: try requireJSON(response))
    }
}

/// The body as JSON, or a thrown `UnexpectedResponse`.
func requireJSON(_ response: TestResponse) throws -> JSON {
    guard let json = response.json else {
        throw UnexpectedResponse(step: "the body is JSON", expected: response.status, response: response)
    }
    return json
}
