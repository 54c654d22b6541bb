import PosCoreTesting
import PosHTTP
import Testing

/// The kitchen queue filters by station in the database and pages, so a long queue of other
/// stations' tickets never hides a waiting drink.
@Suite("Kitchen queue paging")
struct KitchenQueueTests {
    let gateway = GatewayClient.shared

    @Test("Walking the bar queue one ticket at a time finds every waiting order, in order")
    func pagingFindsEveryTicket() async throws {
        let barista = try await StaffFixtures.shared(.barista)
        let ids = try await OrderFixtures.submittedBarOrders(3)

        var seen: [Int] = []
        var cursor: String?
        var pages = 0
        repeat {
            let path = "/api/kitchen/queue?station=bar&limit=1" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try await gateway.send("GET", path, token: barista.token).expecting(200, "queue page \(pages)")
            let tickets = page.json?["items"]?.arrayValue ?? []
            #expect(tickets.count <= 1)
            seen += tickets.compactMap { $0["id"]?.intValue }
            cursor = page.json?["next_cursor"]?.stringValue
            pages += 1
        } while cursor != nil && pages < 500

        #expect(seen.filter(ids.contains) == ids, "every bar ticket, oldest first, across pages")
        #expect(Set(seen).count == seen.count, "no ticket on two pages")
        try await OrderFixtures.handOver(ids)
    }

    @Test("A page carries an ETag: If-None-Match is 304 while it is unchanged, 200 with a new tag once a ticket leaves")
    func conditionalPolling() async throws {
        // A station of its own, so no other test's ticket changes the page meanwhile.
        let menu = try await MenuFixtures.asManager()
        let station = "etag-\(Int.random(in: 100_000...999_999))"
        let categoryID = try await menu.createCategory(station: station)
        let itemID = try await OrderFixtures.newItem("Queue tag", in: categoryID, priceCents: 300, taxRateBP: 1000)
        let cashier = try await StaffFixtures.shared(.cashier)
        let barista = try await StaffFixtures.shared(.barista)
        let order = try await OrderFixtures.newOrder([OrderFixtures.line(itemID)], token: cashier.token)
        let orderID = try #require(order["id"]?.intValue)
        try await OrderFixtures.post(orderID, "submit", token: cashier.token).expecting(200, "submit")
        let path = "/api/kitchen/queue?station=\(station)"

        let first = try await gateway.send("GET", path, token: barista.token).expecting(200, "the queue")
        #expect(first.json?["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [orderID])
        let etag = try #require(first.header("etag"), "\(first)")

        let same = try await gateway.send("GET", path, headers: ["If-None-Match": etag], token: barista.token)
        #expect(same.status == 304, "\(same)")
        #expect(same.body.isEmpty)
        #expect(same.header("etag") == etag)

        try await OrderFixtures.handOver([orderID])
        let changed = try await gateway.send("GET", path, headers: ["If-None-Match": etag], token: barista.token)
        #expect(changed.status == 200, "\(changed)")
        #expect(changed.json?["items"]?.arrayValue?.isEmpty == true)
        #expect(changed.header("etag") != nil && changed.header("etag") != etag)
    }

    @Test("A bad cursor or limit is a 422, not a 500")
    func badPagingIsRejected() async throws {
        let barista = try await StaffFixtures.shared(.barista)
        for query in ["cursor=yesterday", "cursor=2026-11-25T09:30:00Z_x", "limit=0", "limit=201"] {
            let response = try await gateway.send("GET", "/api/kitchen/queue?\(query)", token: barista.token)
            #expect(response.status == 422, "\(query): \(response)")
        }
    }
}
