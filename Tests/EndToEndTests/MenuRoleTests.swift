import PosCoreTesting
import PosHTTP
import Testing

extension MenuTests {
    @Test("A barista may mark an item sold out and back, and change nothing else")
    func baristaChangesOnlyAvailability() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let barista = try await StaffFixtures.shared(.barista)
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID, priceCents: 450)
        let itemID = try #require(item["id"]?.intValue)

        let soldOut = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["available": false], token: barista.token)
        let price = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["price_cents": 1], token: barista.token)
        let mixed = try await gateway.send("PATCH", "/api/menu/items/\(itemID)",
                                           json: ["available": true, "name": "Free coffee"], token: barista.token)

        #expect(soldOut.status == 200, "\(soldOut)")
        #expect(soldOut.json?["available"] == false)
        #expect(price.status == 403, "\(price)")
        #expect(price.isProblem)
        #expect(mixed.status == 403, "\(mixed)")
        let stored = try requireJSON(try await fixtures.item(itemID))
        #expect(stored["available"] == false)
        #expect(stored["price_cents"] == 450)
        #expect(stored["name"] == item["name"])

        let backOn = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["available": true], token: barista.token)
        #expect(backOn.status == 200, "\(backOn)")
        #expect(backOn.json?["available"] == true)

        try await fixtures.deleteItem(itemID)
        try await fixtures.deleteCategory(categoryID)
    }

    @Test("A cashier may not change the menu (403), and without a token it is 401")
    func cashierCannotWriteMenu() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let cashier = try await StaffFixtures.shared(.cashier)
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID)
        let itemID = try #require(item["id"]?.intValue)

        let writes: [(String, String, JSON?)] = [
            ("POST", "/api/menu/categories", ["name": "Cashier's corner"]),
            ("PATCH", "/api/menu/categories/\(categoryID)", ["name": "Renamed by cashier"]),
            ("DELETE", "/api/menu/categories/\(categoryID)", nil),
            ("POST", "/api/menu/items", ["category_id": .int(categoryID), "name": "Cashier special",
                                         "price_cents": 1, "tax_rate_bp": 0]),
            ("PATCH", "/api/menu/items/\(itemID)", ["price_cents": 1]),
            ("PATCH", "/api/menu/items/\(itemID)", ["available": false]),
            ("DELETE", "/api/menu/items/\(itemID)", nil),
        ]
        for (method, path, body) in writes {
            let asCashier = try await gateway.send(method, path, json: body, token: cashier.token)
            let anonymous = try await gateway.send(method, path, json: body)
            #expect(asCashier.status == 403, "cashier \(method) \(path): \(asCashier)")
            #expect(asCashier.isProblem)
            #expect(anonymous.status == 401, "no token \(method) \(path): \(anonymous)")
            #expect(anonymous.isProblem)
        }
        #expect(try await fixtures.item(itemID).json == item, "the item is unchanged")

        try await fixtures.deleteItem(itemID)
        try await fixtures.deleteCategory(categoryID)
    }
}
