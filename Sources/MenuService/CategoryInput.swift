import PosHTTP

/// The fields of a category create or update request, validated. Problems are recorded in
/// the `JSONBody`; the caller's `finish()` reports them all at once.
struct CategoryInput {
    var name: String?
    var position: Int?
    /// `.null` clears the station; `.absent` leaves it as it is.
    var station: Presence<String> = .absent

    /// `{name, position?, station?}`.
    static func forCreate(_ body: inout JSONBody) -> CategoryInput {
        var input = CategoryInput()
        input.name = body.string("name", length: Category.nameLength)
        input.position = body.int("position", required: false, range: Category.positionRange)
        input.station = body.nullableString("station", length: Category.stationLength)
        return input
    }

    /// `{name?, position?, station?}`; only the fields sent change.
    static func forUpdate(_ body: inout JSONBody) -> CategoryInput {
        var input = CategoryInput()
        input.name = body.string("name", required: false, length: Category.nameLength)
        input.position = body.int("position", required: false, range: Category.positionRange)
        input.station = body.nullableString("station", length: Category.stationLength)
        return input
    }

    /// `category` with the sent fields applied.
    func applied(to category: Category) -> Category {
        var result = category
        if let name { result.name = name }
        if let position { result.position = position }
        switch station {
        case .value(let text): result.station = text
        case .null: result.station = nil
        case .absent, .invalid: break
        }
        return result
    }

    /// The station for a new category: nil unless a valid one was sent.
    var newStation: String? {
        if case .value(let text) = station { return text }
        return nil
    }
}
