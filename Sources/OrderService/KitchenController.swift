import MariaDB
import PosCore

/// `GET /api/kitchen/queue?station=`: what the bar or kitchen has to make, oldest first.
enum KitchenController {
    static func register(_ router: inout Router) {
        router.get("/api/kitchen/queue", queue)
    }

    static func queue(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.kitchenStaff)
        let station = request.query["station"].flatMap { $0.isEmpty ? nil : $0 }
        if let station, station.count > 32 { throw HTTPError.unprocessable(field: "station", "is at most 32 characters") }
        var tickets: [JSON] = []
        for var order in try OrderRepository(db: context.db).queue() {
            if let station {
                order.lines = order.lines.filter { $0.station == station }
                if order.lines.isEmpty { continue }
            }
            tickets.append(["id": .int(order.id), "number": .int(order.number), "type": .string(order.type.rawValue),
                            "table": .optional(order.table), "note": .optional(order.note),
                            "submitted_at": .optional(order.submittedAt), "version": .int(order.version),
                            "items": .array(order.lines.map(\.json))])
        }
        return .json(["station": .optional(station), "items": .array(tickets), "next_cursor": .null])
    }
}
