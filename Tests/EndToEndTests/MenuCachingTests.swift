import PosCore
import PosCoreTesting
import Testing

extension MenuTests {
    @Test("The public menu carries an ETag that holds until the menu changes; If-None-Match gives 304")
    func menuETag() async throws {
        let fixtures = try await MenuFixtures.asManager()

        let first = try await gateway.send("GET", "/api/menu")
        let second = try await gateway.send("GET", "/api/menu")

        #expect(first.status == 200)
        #expect(first.contentType?.hasPrefix("application/json") == true)
        let etag = try #require(first.header("etag"), "GET /api/menu has an ETag: \(first.headers)")
        #expect(second.header("etag") == etag)
        #expect(first.json?["categories"]?.arrayValue != nil)

        let revalidated = try await gateway.send("GET", "/api/menu", headers: ["If-None-Match": etag])

        #expect(revalidated.status == 304, "\(revalidated)")
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.header("etag") == etag)

        let categoryID = try await fixtures.createCategory()
        let changed = try await gateway.send("GET", "/api/menu")
        let staleRevalidation = try await gateway.send("GET", "/api/menu", headers: ["If-None-Match": etag])

        #expect(changed.status == 200)
        #expect(changed.header("etag") != nil)
        #expect(changed.header("etag") != etag, "a menu change gives a new ETag")
        #expect(staleRevalidation.status == 200, "an old ETag gets the new menu: \(staleRevalidation)")
        #expect(PublicMenu(json: try requireJSON(staleRevalidation)).categoryIDs.contains(categoryID))
        try await fixtures.deleteCategory(categoryID)
    }
}
