import PosCoreTesting
import PosHTTP
import Testing

/// Other suites (orders, payments) may change the menu while these run, so each check allows
/// the menu to have moved on in between and retries until it saw a quiet moment; what must
/// never happen is a stale answer: one ETag for two different menus, or a 304 for an old ETag.
extension MenuTests {
    @Test("The public menu's ETag holds while the menu does not change: same ETag, same menu")
    func menuETagIdentifiesTheMenu() async throws {
        var sawSameETagTwice = false
        for _ in 0..<10 where !sawSameETagTwice {
            let first = try await gateway.send("GET", "/api/menu")
            let second = try await gateway.send("GET", "/api/menu")

            #expect(first.status == 200 && second.status == 200)
            #expect(first.contentType?.hasPrefix("application/json") == true)
            #expect(first.json?["categories"]?.arrayValue != nil)
            let etag = try #require(first.header("etag"), "GET /api/menu has an ETag: \(first.headers)")
            let sameETag = second.header("etag") == etag
            let sameMenu = second.body == first.body
            #expect(!sameETag || sameMenu, "one ETag \(etag) for two different menus")
            sawSameETagTwice = sameETag
        }
        #expect(sawSameETagTwice, "two GETs in a row never gave the same ETag")
    }

    @Test("If-None-Match with the current ETag gives 304 with no body")
    func menuRevalidation() async throws {
        var sawNotModified = false
        for _ in 0..<10 where !sawNotModified {
            let menu = try await gateway.send("GET", "/api/menu")
            let etag = try #require(menu.header("etag"))

            let revalidated = try await gateway.send("GET", "/api/menu", headers: ["If-None-Match": etag])

            if revalidated.status == 304 {
                sawNotModified = true
                #expect(revalidated.body.count == 0)
                #expect(revalidated.header("etag") == etag)
            } else {
                #expect(revalidated.status == 200, "\(revalidated)")
                #expect(revalidated.header("etag") != etag, "a 200 for a matching ETag: the menu must have changed")
            }
        }
        #expect(sawNotModified, "If-None-Match never gave 304")
    }

    @Test("After a menu change the ETag is new, and the old one gets the new menu")
    func menuChangeGivesNewETag() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let before = try await gateway.send("GET", "/api/menu")
        let oldETag = try #require(before.header("etag"))

        let categoryID = try await fixtures.createCategory()
        let after = try await gateway.send("GET", "/api/menu")
        let withOldETag = try await gateway.send("GET", "/api/menu", headers: ["If-None-Match": oldETag])

        #expect(after.status == 200)
        #expect(after.header("etag") != nil)
        #expect(after.header("etag") != oldETag, "a menu change gives a new ETag")
        #expect(withOldETag.status == 200, "an old ETag gets the new menu: \(withOldETag.status)")
        #expect(PublicMenu(json: try requireJSON(withOldETag)).categoryIDs.contains(categoryID))
        try await fixtures.deleteCategory(categoryID)
    }
}
