import MariaDB
import PosHTTP

/// One choice in a modifier group: `{id, name, price_delta_cents}` (the delta may be negative).
struct ModifierOption: JSONRepresentable, Sendable {
    let id: Int
    let name: String
    let priceDeltaCents: Int

    init(row: Row) throws {
        id = try row.int("id")
        name = try row.string("name")
        priceDeltaCents = try row.int("price_delta_cents")
    }

    var json: JSON { ["id": .int(id), "name": .string(name), "price_delta_cents": .int(priceDeltaCents)] }
}

/// A group of options on an item (e.g. "Milk"): an order line chooses between `minSelect`
/// and `maxSelect` of its options. `{id, name, min_select, max_select, options}`.
struct ModifierGroup: JSONRepresentable, Sendable {
    let id: Int
    let itemID: Int
    let name: String
    let minSelect: Int
    let maxSelect: Int
    var options: [ModifierOption]

    init(row: Row, options: [ModifierOption]) throws {
        id = try row.int("id")
        itemID = try row.int("item_id")
        name = try row.string("name")
        minSelect = try row.int("min_select")
        maxSelect = try row.int("max_select")
        self.options = options
    }

    var json: JSON {
        ["id": .int(id), "name": .string(name), "min_select": .int(minSelect), "max_select": .int(maxSelect),
         "options": .array(options.map(\.json))]
    }
}
