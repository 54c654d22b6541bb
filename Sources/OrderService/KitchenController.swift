import MariaDB
import PosCore
import PosHTTP

/// `GET /api/kitchen/queue?station=&limit=&cursor=`: what the bar or kitchen has to make,
/// oldest first, with only that station's lines when a station is given; ETag / 304.
enum KitchenController {
    static func register(_ router: inout Router) {
        router.get("/api/kitchen/queue", queue)
    }

    static func queue(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.kitchenStaff)
        let station = request.query["station"].flatMap { $0.isEmpty ? nil : $0 }
        if let station, station.count > 32 { throw HTTPError.unprocessable(field: "station", "is at most 32 characters") }
        var limit = 100
        if let text = request.query["limit"] {
            guard let value = Int(text), (1...200).contains(value) else {
                throw HTTPError.unprocessable(field: "limit", "must be a whole number from 1 to 200")
            }
            limit = value
        }
        let after = try request.query["cursor"].map(KitchenCursor.init(text:))
        let orders = try OrderRepository(db: context.db).queue(station: station, after: after, limit: limit + 1)
        let page = orders.prefix(limit)
        let tickets: [JSON] = page.map { order in
            let lines = station.map { station in order.lines.filter { $0.station == station } } ?? order.lines
            return ["id": .int(order.id), "number": .int(order.number), "type": .string(order.type.rawValue),
                    "table": .optional(order.table), "note": .optional(order.note),
                    "submitted_at": .optional(order.submittedAt), "version": .int(order.version),
                    "items": .array(lines.map(\.json))]
        }
        let next: JSON = orders.count > limit ? page.last.flatMap { KitchenCursor(order: $0)?.text }.map(JSON.string) ?? .null : .null
        // A kitchen display polls every second or two: an unchanged page is a 304 without a body.
        return HTTPResponse.json(["station": .optional(station), "items": .array(tickets), "next_cursor": next])
            .conditional(on: request, prefix: "kitchen")
    }
}

/// Where the previous queue page ended: the last ticket's submission time and id, as
/// `<YYYY-MM-DDTHH:MM:SSZ>_<id>`.
struct KitchenCursor {
    let submittedAt: String
    let orderID: Int

    init(text: String) throws {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let time = Clock.databaseDateTime(fromRFC3339: String(parts[0])),
              let id = Int(parts[1]), id > 0 else {
            throw HTTPError.unprocessable(field: "cursor", "is not a cursor this API gave out")
        }
        submittedAt = time
        orderID = id
    }

    init?(order: Order) {
        guard let submitted = order.submittedAt else { return nil }
        submittedAt = submitted
        orderID = order.id
    }

    var text: String { "\(submittedAt)_\(orderID)" }
}
