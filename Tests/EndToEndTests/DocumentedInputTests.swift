import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Requests the OpenAPI document calls valid are served as it says (what schemathesis found
/// refused or misdescribed): If-Match `*`, version 0, 2.0 for an integer, RFC 3339 times with
/// fractions and offsets, int64 ids, and the document's own examples.
@Suite("Inputs the OpenAPI document allows")
struct DocumentedInputTests {
    private let gateway = GatewayClient.shared
    private static let hugeID = "9223372036854775807"

    @Test("If-Match: * applies the change to whatever version is current (RFC 9110)")
    func ifMatchStarMatchesTheCurrentVersion() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID, priceCents: 450)
        let itemID = try #require(item["id"]?.intValue)
        let version = try #require(item["version"]?.intValue)

        let saved = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["price_cents": 470],
                                           headers: ["If-Match": "*"], token: fixtures.token)
        #expect(saved.status == 200, "\(saved)")
        #expect(saved.json?["price_cents"] == 470)
        #expect(saved.json?["version"] == .int(version + 1))

        let cashier = try await StaffFixtures.shared(.cashier)
        let menu = try await OrderFixtures.menu()
        let order = try await OrderFixtures.newOrder([], token: cashier.token)
        let orderID = try #require(order["id"]?.intValue)
        let added = try await gateway.send("POST", "/api/orders/\(orderID)/items", json: OrderFixtures.line(menu.croissantID),
                                           headers: ["If-Match": "*"], token: cashier.token)
        #expect(added.status == 201, "\(added)")

        try await fixtures.deleteItem(itemID)
        try await fixtures.deleteCategory(categoryID)
    }

    @Test("A body version of 0 is a stale version: 409, nothing changes")
    func versionZeroIsStale() async throws {
        let fixtures = try await MenuFixtures.asManager()
        let categoryID = try await fixtures.createCategory()
        let item = try await fixtures.createItem(in: categoryID, priceCents: 450)
        let itemID = try #require(item["id"]?.intValue)

        let stale = try await gateway.send("PATCH", "/api/menu/items/\(itemID)", json: ["version": 0, "price_cents": 999],
                                           token: fixtures.token)
        #expect(stale.status == 409, "\(stale)")
        #expect(stale.isProblem)
        #expect(try requireJSON(try await fixtures.item(itemID))["price_cents"] == 450)

        try await fixtures.deleteItem(itemID)
        try await fixtures.deleteCategory(categoryID)
    }

    @Test("2.0 is the whole number 2 (JSON Schema's integer); 2.5 is still 422")
    func wholeNumbersWithAZeroFraction() async throws {
        let menu = try await OrderFixtures.menu()
        let asIntegers = try await quote(#"{"type": "takeaway", "items": [{"item_id": \#(menu.croissantID), "quantity": 2}]}"#)
        let withFractions = try await quote(#"{"type": "takeaway", "items": [{"item_id": \#(menu.croissantID).0, "quantity": 2.0}]}"#)
        #expect(asIntegers.status == 200, "\(asIntegers)")
        #expect(withFractions.status == 200, "\(withFractions)")
        #expect(withFractions.json?["total_cents"] != nil)
        #expect(withFractions.json?["total_cents"] == asIntegers.json?["total_cents"])

        let half = try await quote(#"{"type": "takeaway", "items": [{"item_id": \#(menu.croissantID), "quantity": 2.5}]}"#)
        #expect(half.status == 422, "\(half)")
        #expect(half.json?["errors"]?.arrayValue?.first?["field"] == "items[0].quantity")
    }

    @Test("since= takes fractional seconds and offsets, and filters on the order's whole second")
    func sinceWithFractionsAndOffsets() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await OrderFixtures.newOrder([], token: cashier.token)
        let orderID = try #require(order["id"]?.intValue)
        let createdText = try #require(order["created_at"]?.stringValue)
        let created = try #require(ISO8601DateFormatter().date(from: createdText))
        let nextSecond = created.addingTimeInterval(1)

        #expect(try await orderIDs(since: rfc3339(created, fraction: ".999", offsetHours: 0)).contains(orderID),
                "created \(createdText): a fraction of the same second still includes it")
        #expect(try await orderIDs(since: rfc3339(created, fraction: ".25", offsetHours: 2)).contains(orderID),
                "the same instant at +02:00 includes it")
        #expect(try await !orderIDs(since: rfc3339(nextSecond, fraction: ".0", offsetHours: 0)).contains(orderID),
                "a second later excludes it")
        #expect(try await !orderIDs(since: rfc3339(nextSecond, fraction: "", offsetHours: -3)).contains(orderID),
                "a second later at -03:00 excludes it")
    }

    @Test("An id past anything stored is 404 in a path, 422 in a body, an empty list in a filter")
    func hugeIDs() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        for path in ["/api/orders/\(Self.hugeID)", "/api/menu/items/\(Self.hugeID)", "/api/payments/\(Self.hugeID)",
                     "/api/shifts/\(Self.hugeID)", "/api/orders/\(Self.hugeID)/receipt"] {
            let answer = try await gateway.send("GET", path, token: manager.token)
            #expect(answer.status == 404, "GET \(path): \(answer)")
            #expect(answer.isProblem)
        }
        let patch = try await gateway.send("PATCH", "/api/staff/\(Self.hugeID)", json: ["display_name": "Nobody"],
                                           token: manager.token)
        #expect(patch.status == 404, "\(patch)")

        let list = try await gateway.send("GET", "/api/payments?order_id=\(Self.hugeID)", token: manager.token)
        #expect(list.status == 200, "\(list)")
        #expect(list.json?["items"] == [])

        let body = try await quote(#"{"type": "takeaway", "items": [{"item_id": \#(Self.hugeID), "quantity": 1}]}"#)
        #expect(body.status == 422, "\(body)")
        #expect(body.json?["errors"]?.arrayValue?.first?["field"] == "items[0].item_id")
    }

    @Test("The document's own examples of an order line and an order are accepted (demo menu)")
    func documentExamplesAreAccepted() async throws {
        let document = try requireJSON(try await gateway.send("GET", "/api/openapi.json"))
        let schemas = try #require(document["components"]?["schemas"])
        let line = try #require(schemas["LineRequest"]?["examples"]?.arrayValue?.first)
        let order = try #require(schemas["OrderCreate"]?["examples"]?.arrayValue?.first)
        let cashier = try await StaffFixtures.shared(.cashier)

        let quoted = try await gateway.send("POST", "/api/orders/quote", json: ["type": "takeaway", "items": [line]])
        #expect(quoted.status == 200, "LineRequest example \(line): \(quoted)")
        let created = try await gateway.send("POST", "/api/orders", json: order, token: cashier.token)
        #expect(created.status == 201, "OrderCreate example \(order): \(created)")
    }

    @Test("The kitchen queue pages as documented: next_cursor is a string matching the cursor parameter's pattern")
    func kitchenQueueCursorIsDocumented() async throws {
        let document = try OpenAPIDocument.fromRepository().json
        let cursorType = document["components"]?["schemas"]?["KitchenQueue"]?["properties"]?["next_cursor"]?["type"]
        #expect(cursorType == ["string", "null"])
        let parameters = document["paths"]?["/api/kitchen/queue"]?["get"]?["parameters"]?.arrayValue ?? []
        let pattern = try #require(parameters.first { $0["name"] == "cursor" }?["schema"]?["pattern"]?.stringValue)

        _ = try await OrderFixtures.submittedBarOrders(2)
        let barista = try await StaffFixtures.shared(.barista)
        let page = try requireJSON(try await gateway.send("GET", "/api/kitchen/queue?limit=1", token: barista.token)
            .expecting(200, "the first page of the queue"))
        let cursor = try #require(page["next_cursor"]?.stringValue, "two tickets, one a page: there is a next page")
        #expect(cursor.range(of: pattern, options: .regularExpression) != nil, "\(cursor) matches \(pattern)")
        let next = try await gateway.send("GET", "/api/kitchen/queue?limit=1&cursor=\(cursor)", token: barista.token)
        #expect(next.status == 200, "\(next)")
    }

    // MARK: - Helpers

    private func quote(_ body: String) async throws -> TestResponse {
        try await gateway.send("POST", "/api/orders/quote", rawBody: Array(body.utf8))
    }

    /// `date` as RFC 3339 at `offsetHours` from UTC with `fraction` (e.g. ".25") after the seconds.
    private func rfc3339(_ date: Date, fraction: String, offsetHours: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: offsetHours * 3600)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let offset = offsetHours == 0 ? "Z" : String(format: "%+03d:00", offsetHours)
        return formatter.string(from: date) + fraction + offset
    }

    /// Every order id of `GET /api/orders?since=` (all pages; `+` percent-encoded).
    private func orderIDs(since: String) async throws -> Set<Int> {
        let cashier = try await StaffFixtures.shared(.cashier)
        let encoded = since.replacingOccurrences(of: "+", with: "%2B")
        var ids = Set<Int>()
        var cursor: String?
        for _ in 0..<50 {
            let path = "/api/orders?since=\(encoded)&limit=200" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try requireJSON(try await gateway.send("GET", path, token: cashier.token).expecting(200, "GET \(path)"))
            ids.formUnion(page["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? [])
            cursor = page["next_cursor"]?.stringValue
            if cursor == nil { break }
        }
        return ids
    }
}
