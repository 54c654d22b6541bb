import MariaDB
import PosHTTP

/// A menu category as the API shows it: `{id, name, position, station}`; in the public menu
/// it also carries `items`.
struct Category: JSONRepresentable, Sendable {
    let id: Int
    var name: String
    /// Sort position; lower comes first, ties by id.
    var position: Int
    /// Kitchen station that receives this category's order lines; nil for none.
    var station: String?

    static let columns = "id, name, position, station"
    static let nameLength = 1...100
    static let positionRange = 0...10_000
    /// `menu_categories.station` is VARCHAR(32).
    static let stationLength = 1...32

    init(row: Row) throws {
        id = try row.int("id")
        name = try row.string("name")
        position = try row.int("position")
        station = try row.optionalString("station")
    }

    /// The members that can change, in API order (used for the JSON and the audit diff).
    var editableMembers: [(String, JSON)] {
        [("name", .string(name)), ("position", .int(position)), ("station", .optional(station))]
    }

    var json: JSON { .object([("id", .int(id))] + editableMembers) }

    /// The category with its items, as it appears in `GET /api/menu`.
    func json(items: [MenuItem]) -> JSON {
        .object([("id", .int(id))] + editableMembers + [("items", .array(items.map(\.json)))])
    }
}
