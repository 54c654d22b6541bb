import PosHTTP

/// A line as a client asks for it: `{item_id, quantity, modifiers?: [option_id], note?}`.
/// Any price the client sends is ignored: prices come from the menu.
struct LineRequest: Sendable {
    let itemID: Int
    let quantity: Int
    let optionIDs: [Int]
    let note: String?

    static let maxLinesPerRequest = 100
    static let quantityRange = 1...999

    /// Reads `key` (an array of at most `maxCount` lines) from `body`, recording field errors in it.
    static func list(_ key: String, from body: inout JSONBody, required: Bool = true,
                     maxCount: Int = maxLinesPerRequest) -> [LineRequest] {
        guard let readers = body.objects(key, required: required, maxCount: maxCount) else { return [] }
        var lines: [LineRequest] = []
        for var reader in readers {
            if let line = read(&reader) { lines.append(line) }
            body.merge(reader)
        }
        return lines
    }

    static func read(_ body: inout JSONBody) -> LineRequest? {
        let itemID = body.int("item_id", range: 1...Int(Int32.max))
        let quantity = body.int("quantity", range: quantityRange)
        let options = body.ints("modifiers", required: false, maxCount: 20, range: 1...Int(Int32.max)) ?? []
        if Set(options).count != options.count { body.fail("modifiers", "lists an option twice") }
        let note = body.string("note", required: false, length: 0...200)
        guard let itemID, let quantity else { return nil }
        return LineRequest(itemID: itemID, quantity: quantity, optionIDs: options, note: note?.isEmpty == true ? nil : note)
    }
}
