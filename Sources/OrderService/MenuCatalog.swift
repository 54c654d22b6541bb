import MariaDB
import PosHTTP
import PosMoney

/// A line priced from the menu as it is now, ready to be stored or quoted.
struct PricedLine: Sendable {
    let request: LineRequest
    let name: String
    let basePriceCents: Int
    let taxRateBP: Int
    let station: String?
    let modifiers: [LineModifier]
    /// Whether the item's stock is counted (not NULL), as read for pricing.
    let stockCounted: Bool

    var pricing: PricingLine {
        PricingLine(basePriceCents: basePriceCents, modifierDeltasCents: modifiers.map(\.priceDeltaCents),
                    quantity: request.quantity, taxRateBP: taxRateBP)
    }
}

/// Reads the menu (owned by the menu service; this account may only SELECT it) to price lines.
/// One query for any number of lines: the items joined with their groups and options.
struct MenuCatalog {
    let db: Connection

    private struct Item {
        let name: String
        let priceCents: Int
        let taxRateBP: Int
        let available: Bool
        let stock: Int?
        let deleted: Bool
        let station: String?
    }

    private struct Group {
        let id: Int
        let name: String
        let minSelect: Int
        let maxSelect: Int
    }

    /// Prices `requests` in order. Unknown items or options are 422 (naming the field under
    /// `fieldPrefix`); deleted, unavailable or sold-out items are 409.
    func price(_ requests: [LineRequest], fieldPrefix: String = "items") throws -> [PricedLine] {
        guard !requests.isEmpty else { return [] }
        let itemIDs = Array(Set(requests.map(\.itemID)))
        var items: [Int: Item] = [:]
        var groupsByItem: [Int: [Int: Group]] = [:]
        var options: [Int: (groupID: Int, modifier: LineModifier)] = [:]
        // One row per option (per group without options, per item without groups), in no
        // particular order: an ORDER BY would cost MariaDB a temporary table and a filesort on
        // every order; groups are put in id order below.
        for row in try db.query("""
            SELECT i.id, i.name, i.price_cents, i.tax_rate_bp, i.available, i.stock, i.deleted_at IS NOT NULL AS deleted,
                   c.station, g.id AS group_id, g.name AS group_name, g.min_select, g.max_select,
                   o.id AS option_id, o.name AS option_name, o.price_delta_cents
            FROM menu_items i JOIN menu_categories c ON c.id = i.category_id
            LEFT JOIN menu_modifier_groups g ON g.item_id = i.id
            LEFT JOIN menu_modifier_options o ON o.group_id = g.id
            WHERE i.id IN (\(list: itemIDs))
            """) {
            let itemID = try row.int("id")
            if items[itemID] == nil {
                items[itemID] = Item(name: try row.string("name"), priceCents: try row.int("price_cents"),
                                     taxRateBP: try row.int("tax_rate_bp"), available: try row.bool("available"),
                                     stock: try row.optionalInt("stock"), deleted: try row.bool("deleted"),
                                     station: try row.optionalString("station"))
            }
            if let groupID = try row.optionalInt("group_id"), groupsByItem[itemID]?[groupID] == nil {
                groupsByItem[itemID, default: [:]][groupID] =
                    Group(id: groupID, name: try row.string("group_name"), minSelect: try row.int("min_select"),
                          maxSelect: try row.int("max_select"))
            }
            if let optionID = try row.optionalInt("option_id"), let groupID = try row.optionalInt("group_id") {
                options[optionID] = (groupID, LineModifier(optionID: optionID, name: try row.string("option_name"),
                                                          priceDeltaCents: try row.int("price_delta_cents")))
            }
        }

        var errors: [HTTPError.FieldError] = []
        var priced: [PricedLine] = []
        for (index, request) in requests.enumerated() {
            let field = "\(fieldPrefix)[\(index)]"
            guard let item = items[request.itemID] else {
                errors.append(.init(field: "\(field).item_id", message: "no menu item has the id \(request.itemID)"))
                continue
            }
            if item.deleted { throw HTTPError.conflict("\(item.name) is no longer on the menu.", slug: "item-unavailable") }
            if !item.available { throw HTTPError.conflict("\(item.name) is not available right now.", slug: "item-unavailable") }
            if item.stock == 0 { throw HTTPError.conflict("\(item.name) is sold out.", slug: "sold-out") }
            let groups = (groupsByItem[request.itemID] ?? [:]).values.sorted { $0.id < $1.id }
            var chosen: [LineModifier] = []
            var countByGroup: [Int: Int] = [:]
            for optionID in request.optionIDs {
                guard let option = options[optionID], groups.contains(where: { $0.id == option.groupID }) else {
                    errors.append(.init(field: "\(field).modifiers", message: "option \(optionID) is not offered for \(item.name)"))
                    continue
                }
                chosen.append(option.modifier)
                countByGroup[option.groupID, default: 0] += 1
            }
            for group in groups {
                let count = countByGroup[group.id] ?? 0
                if count < group.minSelect || count > group.maxSelect {
                    let rule = group.minSelect == group.maxSelect ? "exactly \(group.minSelect)" : "\(group.minSelect) to \(group.maxSelect)"
                    errors.append(.init(field: "\(field).modifiers", message: "choose \(rule) of \(group.name) for \(item.name)"))
                }
            }
            priced.append(PricedLine(request: request, name: item.name, basePriceCents: item.priceCents,
                                     taxRateBP: item.taxRateBP, station: item.station, modifiers: chosen,
                                     stockCounted: item.stock != nil))
        }
        if !errors.isEmpty { throw HTTPError.unprocessable(errors) }
        return priced
    }
}
