import PosCoreTesting
import PosHTTP
import Testing

extension MenuTests {
    @Test("Saving over someone else's change is refused: stale If-Match 412, stale body version 409")
    func staleVersionsAreRefused() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID, priceCents: 450)
        let itemID = try #require(item["id"]?.intValue)
        let seenVersion = try #require(item["version"]?.intValue)

        let firstSave = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["price_cents": 510],
                                               headers: ["If-Match": "\(seenVersion)"], token: fixtures.token)
        let staleHeader = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["price_cents": 520],
                                                 headers: ["If-Match": "\(seenVersion)"], token: fixtures.token)
        let staleBody = try await gateway.send("PATCH", "/api/menu/items/\(itemID)",
                                               json: ["version": .int(seenVersion), "price_cents": 530], token: fixtures.token)

        #expect(firstSave.status == 200, "\(firstSave)")
        #expect(firstSave.json?["version"] == .int(seenVersion + 1))
        #expect(staleHeader.status == 412, "\(staleHeader)")
        #expect(staleHeader.isProblem)
        #expect(staleBody.status == 409, "\(staleBody)")
        #expect(staleBody.isProblem)
        let stored = try requireJSON(try await fixtures.item(itemID))
        #expect(stored["price_cents"] == 510, "the first save stands")
        #expect(stored["version"] == .int(seenVersion + 1))

        let currentBody = try await gateway.send("PATCH", "/api/menu/items/\(itemID)",
                                                 json: ["version": .int(seenVersion + 1), "price_cents": 540], token: fixtures.token)
        #expect(currentBody.status == 200, "the current version in the body is accepted: \(currentBody)")
        #expect(currentBody.json?["price_cents"] == 540)

        try await fixtures.deleteItem(itemID)
        try await fixtures.deleteCategory(categoryID)
    }

    @Test("Two managers saving the same version at once: one wins, the other gets 412")
    func concurrentSavesOfOneVersion() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID, priceCents: 450)
        let itemID = try #require(item["id"]?.intValue)
        let seenVersion = try #require(item["version"]?.intValue)

        async let first = gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["price_cents": 601],
                                       headers: ["If-Match": "\(seenVersion)"], token: fixtures.token)
        async let second = gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["price_cents": 602],
                                        headers: ["If-Match": "\(seenVersion)"], token: fixtures.token)
        let answers = try await [first, second]

        #expect(answers.map(\.status).sorted() == [200, 412], "\(answers)")
        let winner = try #require(answers.first { $0.status == 200 })
        let stored = try requireJSON(try await fixtures.item(itemID))
        #expect(stored["price_cents"] == winner.json?["price_cents"])
        #expect(stored["version"] == .int(seenVersion + 1))

        try await fixtures.deleteItem(itemID)
        try await fixtures.deleteCategory(categoryID)
    }
}
