import PosHTTP

/// A validated `POST /api/menu/items` body.
struct NewItem {
    var fields: ItemFields
    var modifierGroups: [ModifierGroupInput]

    /// Reads `{category_id, name, description?, price_cents, tax_rate_bp, available?, stock?,
    /// modifier_groups?}`; throws one 422 listing every invalid field. Whether the category
    /// exists is checked later, in the transaction that inserts the item.
    static func parse(_ body: inout JSONBody) throws -> NewItem {
        let categoryID = body.int("category_id", range: 1...Int.max)
        let name = body.string("name", length: ItemFields.nameLength)
        let description = body.string("description", required: false, length: ItemFields.descriptionLength, rule: .multiline)
        let price = body.int("price_cents", range: ItemFields.priceRange)
        let tax = body.int("tax_rate_bp", range: ItemFields.taxRange)
        let available = body.bool("available", required: false)
        let stock = body.nullableInt("stock", range: ItemFields.stockRange)
        let groups = ModifierGroupInput.list(&body)
        try body.finish()
        guard let categoryID, let name, let price, let tax else {
            throw HTTPError.badRequest("The item is missing required fields.")
        }
        let fields = ItemFields(categoryID: categoryID, name: name, description: description ?? "",
                                priceCents: price, taxRateBP: tax, available: available ?? true,
                                stock: stock.value)
        return NewItem(fields: fields, modifierGroups: groups ?? [])
    }
}

/// A validated `PATCH /api/menu/items/:id` body: only the fields sent change.
struct ItemPatch {
    var categoryID: Int?
    var name: String?
    var description: String?
    var priceCents: Int?
    var taxRateBP: Int?
    var available: Bool?
    /// `.null` stops counting stock; `.absent` leaves it.
    var stock: Presence<Int> = .absent
    /// When sent, replaces every modifier group of the item.
    var modifierGroups: [ModifierGroupInput]?

    /// The only members a barista may send.
    static let baristaMembers: Set<String> = ["available", "version"]

    /// Reads the body; throws one 422 listing every invalid field.
    static func parse(_ body: inout JSONBody) throws -> ItemPatch {
        var patch = ItemPatch()
        patch.categoryID = body.int("category_id", required: false, range: 1...Int.max)
        patch.name = body.string("name", required: false, length: ItemFields.nameLength)
        patch.description = body.string("description", required: false, length: ItemFields.descriptionLength, rule: .multiline)
        patch.priceCents = body.int("price_cents", required: false, range: ItemFields.priceRange)
        patch.taxRateBP = body.int("tax_rate_bp", required: false, range: ItemFields.taxRange)
        patch.available = body.bool("available", required: false)
        patch.stock = body.nullableInt("stock", range: ItemFields.stockRange)
        patch.modifierGroups = ModifierGroupInput.list(&body)
        try body.finish()
        return patch
    }

    /// 403 unless every member of the body is one a barista may send (`available`, `version`).
    static func checkBaristaMayChange(_ body: JSONBody) throws {
        guard case .object(let members) = body.object else { return }
        let others = members.map(\.0).filter { !baristaMembers.contains($0) }
        if !others.isEmpty {
            throw HTTPError.forbidden("A barista may change only available; not \(others.joined(separator: ", ")).")
        }
    }

    /// `fields` with the sent fields applied.
    func applied(to fields: ItemFields) -> ItemFields {
        var result = fields
        if let categoryID { result.categoryID = categoryID }
        if let name { result.name = name }
        if let description { result.description = description }
        if let priceCents { result.priceCents = priceCents }
        if let taxRateBP { result.taxRateBP = taxRateBP }
        if let available { result.available = available }
        switch stock {
        case .value(let count): result.stock = count
        case .null: result.stock = nil
        case .absent, .invalid: break
        }
        return result
    }
}

extension Presence {
    /// The value when one was sent; nil for absent, null or invalid.
    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}
