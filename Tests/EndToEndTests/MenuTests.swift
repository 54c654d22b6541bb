import PosCoreTesting
import PosHTTP
import Testing

/// Every test that writes the menu is in this suite (the other Menu*Tests files extend it),
/// and they run one at a time: the public menu's ETag changes with any menu write, so the
/// ETag checks must not race the other menu tests.
@Suite("Menu", .serialized)
struct MenuTests {
    let gateway = GatewayClient.shared

    @Test("A manager builds a category and an item with modifiers, changes it, and deletes both")
    func menuLifecycle() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let categoryName = MenuFixtures.uniqueName("Coffee")
        let itemName = MenuFixtures.uniqueName("Flat White")

        let categoryResponse = try await gateway.send("POST", "/api/menu/categories", json: [
            "name": .string(categoryName), "position": 7, "station": "bar",
        ], token: manager.token)

        #expect(categoryResponse.status == 201, "\(categoryResponse)")
        let category = try requireJSON(categoryResponse)
        let categoryID = try #require(category["id"]?.intValue)
        #expect(category["name"] == .string(categoryName))
        #expect(category["position"] == 7)
        #expect(category["station"] == "bar")

        let itemResponse = try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": .int(categoryID), "name": .string(itemName), "description": "Double ristretto, steamed milk",
            "price_cents": 450, "tax_rate_bp": 1000, "available": true,
            "modifier_groups": [
                ["name": "Milk", "min_select": 0, "max_select": 1,
                 "options": [["name": "Oat", "price_delta_cents": 50], ["name": "Soy", "price_delta_cents": 40]]],
                ["name": "Size", "min_select": 1, "max_select": 1,
                 "options": [["name": "Regular", "price_delta_cents": 0], ["name": "Large", "price_delta_cents": 80]]],
            ],
        ], token: manager.token)

        #expect(itemResponse.status == 201, "\(itemResponse)")
        let item = try requireJSON(itemResponse)
        let itemID = try #require(item["id"]?.intValue)
        let version = try #require(item["version"]?.intValue)
        #expect(item["category_id"] == .int(categoryID))
        #expect(item["name"] == .string(itemName))
        #expect(item["description"] == "Double ristretto, steamed milk")
        #expect(item["price_cents"] == 450)
        #expect(item["tax_rate_bp"] == 1000)
        #expect(item["available"] == true)
        #expect(item["stock"] == .null)
        let groups = try #require(item["modifier_groups"]?.arrayValue)
        #expect(groups.map { $0["name"] } == ["Milk", "Size"])
        #expect(groups.map { $0["min_select"] } == [0, 1])
        #expect(groups.map { $0["max_select"] } == [1, 1])
        #expect(groups.allSatisfy { $0["id"]?.intValue != nil })
        let milk = groups.first?["options"]?.arrayValue ?? []
        #expect(milk.map { $0["name"] } == ["Oat", "Soy"])
        #expect(milk.map { $0["price_delta_cents"] } == [50, 40])
        #expect(milk.allSatisfy { $0["id"]?.intValue != nil })

        let read = try await gateway.send("GET", "/api/menu/items/\(itemID)")
        #expect(read.status == 200, "anyone reads an item: \(read)")
        #expect(read.json == item)

        let menu = try await PublicMenu.fetch()
        #expect(menu.category(categoryID)?["station"] == "bar")
        #expect(menu.category(categoryID)?["items"]?.arrayValue?.map { $0["id"] } == [.int(itemID)])

        let patch = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: [
            "name": .string(itemName + " XL"), "price_cents": 520,
            "modifier_groups": [["name": "Size", "min_select": 1, "max_select": 1,
                                 "options": [["name": "Large", "price_delta_cents": 80]]]],
        ], headers: ["If-Match": "\(version)"], token: manager.token)

        #expect(patch.status == 200, "\(patch)")
        #expect(patch.json?["version"] == .int(version + 1))
        #expect(patch.json?["name"] == .string(itemName + " XL"))
        #expect(patch.json?["price_cents"] == 520)
        #expect(patch.json?["description"] == "Double ristretto, steamed milk", "fields not sent stay")
        #expect(patch.json?["modifier_groups"]?.arrayValue?.map { $0["name"] } == ["Size"])
        #expect(try await gateway.send("GET", "/api/menu/items/\(itemID)").json == patch.json)

        let deleteItem = try await gateway.send("DELETE", "/api/menu/items/\(itemID)", token: manager.token)

        #expect(deleteItem.status == 204, "\(deleteItem)")
        #expect(deleteItem.body.count == 0)
        let deletedItem = try await gateway.send("GET", "/api/menu/items/\(itemID)")
        #expect(deletedItem.status == 404, "\(deletedItem)")
        #expect(deletedItem.isProblem)
        #expect(try await !PublicMenu.fetch().itemIDs.contains(itemID))

        let deleteCategory = try await gateway.send("DELETE", "/api/menu/categories/\(categoryID)", token: manager.token)

        #expect(deleteCategory.status == 204, "\(deleteCategory)")
        #expect(try await !PublicMenu.fetch().categoryIDs.contains(categoryID))
    }

    @Test("A manager renames, moves and re-routes a category")
    func categoryUpdate() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory(station: "bar")
        let newName = MenuFixtures.uniqueName("Pastries")

        let patch = try await gateway.send("PATCH", "/api/menu/categories/\(categoryID)", json: [
            "name": .string(newName), "position": 3, "station": "kitchen",
        ], token: fixtures.token)

        #expect(patch.status == 200, "\(patch)")
        #expect(patch.json?["name"] == .string(newName))
        #expect(patch.json?["position"] == 3)
        #expect(patch.json?["station"] == "kitchen")
        #expect(try await PublicMenu.fetch().category(categoryID)?["name"] == .string(newName))
        try await fixtures.deleteCategory(categoryID)
    }

    @Test("A category that still has items cannot be deleted (409)")
    func nonEmptyCategoryCannotBeDeleted() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID)
        let itemID = try #require(item["id"]?.intValue)

        let refused = try await gateway.send("DELETE", "/api/menu/categories/\(categoryID)", token: fixtures.token)

        #expect(refused.status == 409, "\(refused)")
        #expect(refused.isProblem)
        let menu = try await PublicMenu.fetch()
        #expect(menu.categoryIDs.contains(categoryID))
        #expect(menu.itemIDs.contains(itemID))

        try await fixtures.deleteItem(itemID)
        let emptied = try await gateway.send("DELETE", "/api/menu/categories/\(categoryID)", token: fixtures.token)
        #expect(emptied.status == 204, "once empty it can go: \(emptied)")
    }

    @Test("Staff list every item, an unavailable one too, newest first, page by page; deleted ones are gone")
    func staffItemList() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory()
        let first = try #require(try await fixtures.createItem(in: categoryID)["id"]?.intValue)
        let hidden = try #require(try await fixtures.createItem(in: categoryID)["id"]?.intValue)
        try await gateway.send("PATCH", "/api/menu/items/\(hidden)", json: ["available": false], token: fixtures.token)
            .expecting(200, "mark unavailable")
        #expect(!(try await PublicMenu.fetch().itemIDs.contains(hidden)), "the public menu leaves it out")

        // A barista (any staff) reads the list, newest first; other tests add items meanwhile,
        // so both of ours are looked for in the first page, the hidden one before the other.
        let barista = try await StaffFixtures.shared(.barista).token
        let page = try await gateway.send("GET", "/api/menu/items?limit=200", token: barista)
        #expect(page.status == 200, "\(page)")
        let items = page.json?["items"]?.arrayValue ?? []
        let ids = items.compactMap { $0["id"]?.intValue }
        #expect(ids == ids.sorted(by: >), "newest first")
        let hiddenAt = try #require(ids.firstIndex(of: hidden), "the unavailable item is listed")
        let firstAt = try #require(ids.firstIndex(of: first))
        #expect(hiddenAt < firstAt)
        #expect(items[hiddenAt]["available"] == false)
        #expect(items[hiddenAt]["modifier_groups"]?.arrayValue?.count == 1)

        // Page by page: the cursor of a one-item page leads to older items only.
        let one = try await gateway.send("GET", "/api/menu/items?limit=1", token: barista)
        let top = try #require(one.json?["items"]?.arrayValue?.first?["id"]?.intValue)
        let cursor = try #require(one.json?["next_cursor"]?.stringValue, "more items follow")
        let next = try await gateway.send("GET", "/api/menu/items?limit=1&cursor=\(cursor)", token: barista)
        #expect(next.json?["items"]?.arrayValue?.first?["id"]?.intValue ?? .max < top)

        #expect(try await gateway.send("GET", "/api/menu/items").status == 401, "not public")

        try await fixtures.deleteItem(hidden)
        let after = try await gateway.send("GET", "/api/menu/items?limit=200", token: barista)
        let afterIDs = after.json?["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
        #expect(!afterIDs.contains(hidden) && afterIDs.contains(first), "a deleted item is not listed")
        try await fixtures.deleteItem(first)
        try await fixtures.deleteCategory(categoryID)
    }
}
