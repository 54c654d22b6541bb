import MariaDB
import PosHTTP

/// The columns of an item a manager edits (all but id, version and modifier groups).
struct ItemFields: Equatable, Sendable {
    var categoryID: Int
    var name: String
    var description: String
    var priceCents: Int
    var taxRateBP: Int
    var available: Bool
    /// nil: not counted. Otherwise what is left, never negative.
    var stock: Int?

    static let nameLength = 1...100
    static let descriptionLength = 0...500
    static let priceRange = 0...10_000_000
    static let taxRange = 0...10_000
    static let stockRange = 0...1_000_000

    init(categoryID: Int, name: String, description: String, priceCents: Int, taxRateBP: Int,
         available: Bool, stock: Int?) {
        self.categoryID = categoryID
        self.name = name
        self.description = description
        self.priceCents = priceCents
        self.taxRateBP = taxRateBP
        self.available = available
        self.stock = stock
    }

    init(row: Row) throws {
        categoryID = try row.int("category_id")
        name = try row.string("name")
        description = try row.string("description")
        priceCents = try row.int("price_cents")
        taxRateBP = try row.int("tax_rate_bp")
        available = try row.bool("available")
        stock = try row.optionalInt("stock")
    }

    /// API members in API order (used for the item's JSON and the audit diff).
    var jsonMembers: [(String, JSON)] {
        [("category_id", .int(categoryID)), ("name", .string(name)), ("description", .string(description)),
         ("price_cents", .int(priceCents)), ("tax_rate_bp", .int(taxRateBP)), ("available", .bool(available)),
         ("stock", .optional(stock))]
    }
}

/// A menu item as the API shows it: `{id, category_id, name, description, price_cents,
/// tax_rate_bp, available, stock, version, modifier_groups}`.
struct MenuItem: JSONRepresentable, Sendable {
    let id: Int
    var fields: ItemFields
    /// Optimistic-concurrency version; grows by one with every change.
    let version: Int
    var modifierGroups: [ModifierGroup]

    static let columns = "id, category_id, name, description, price_cents, tax_rate_bp, available, stock, version"

    init(row: Row, modifierGroups: [ModifierGroup]) throws {
        id = try row.int("id")
        fields = try ItemFields(row: row)
        version = try row.int("version")
        self.modifierGroups = modifierGroups
    }

    var json: JSON {
        .object([("id", .int(id))] + fields.jsonMembers
            + [("version", .int(version)), ("modifier_groups", .array(modifierGroups.map(\.json)))])
    }
}
