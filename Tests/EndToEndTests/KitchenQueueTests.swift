import PosCore
import PosCoreTesting
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

    @Test("A bad cursor or limit is a 422, not a 500")
    func badPagingIsRejected() async throws {
        let barista = try await StaffFixtures.shared(.barista)
        for query in ["cursor=yesterday", "cursor=2026-11-25T09:30:00Z_x", "limit=0", "limit=201"] {
            let response = try await gateway.send("GET", "/api/kitchen/queue?\(query)", token: barista.token)
            #expect(response.status == 422, "\(query): \(response)")
        }
    }
}
