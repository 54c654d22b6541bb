import PosHTTP

/// A modifier option as a client sends it: `{name, price_delta_cents}`.
struct ModifierOptionInput: Equatable, Sendable {
    var name: String
    var priceDeltaCents: Int

    static let deltaRange = -10_000_000...10_000_000
}

/// A modifier group as a client sends it: `{name, min_select, max_select, options}`.
/// Equal to a stored group when names, limits and options (in order) are the same.
struct ModifierGroupInput: Equatable, Sendable {
    var name: String
    var minSelect: Int
    var maxSelect: Int
    var options: [ModifierOptionInput]

    static let maxGroups = 10
    static let maxOptions = 20
    static let maxSelectLimit = 20

    init(name: String, minSelect: Int, maxSelect: Int, options: [ModifierOptionInput]) {
        self.name = name
        self.minSelect = minSelect
        self.maxSelect = maxSelect
        self.options = options
    }

    /// The stored group's content, without ids.
    init(_ group: ModifierGroup) {
        self.init(name: group.name, minSelect: group.minSelect, maxSelect: group.maxSelect,
                  options: group.options.map { ModifierOptionInput(name: $0.name, priceDeltaCents: $0.priceDeltaCents) })
    }

    /// For the audit log.
    var json: JSON {
        ["name": .string(name), "min_select": .int(minSelect), "max_select": .int(maxSelect),
         "options": .array(options.map { ["name": .string($0.name), "price_delta_cents": .int($0.priceDeltaCents)] })]
    }

    /// Reads `modifier_groups` from `body`: nil when absent (or null); otherwise the groups,
    /// complete only when no problem was recorded in `body` (errors name the element, e.g.
    /// `modifier_groups[1].options[0].name`).
    static func list(_ body: inout JSONBody) -> [ModifierGroupInput]? {
        guard let readers = body.objects("modifier_groups", required: false, maxCount: maxGroups) else { return nil }
        var groups: [ModifierGroupInput] = []
        for var reader in readers {
            if let group = parse(&reader) { groups.append(group) }
            body.merge(reader)
        }
        return groups
    }

    /// One group; nil (with the problems recorded in `reader`) when invalid.
    /// Rules: 0 ≤ min_select ≤ max_select ≤ 20, max_select ≥ 1, min_select ≤ number of options,
    /// at most 20 options.
    static func parse(_ reader: inout JSONBody) -> ModifierGroupInput? {
        let name = reader.string("name", length: 1...100)
        let minSelect = reader.int("min_select", range: 0...maxSelectLimit)
        let maxSelect = reader.int("max_select", range: 1...maxSelectLimit)
        let optionCount = reader.object["options"]?.arrayValue?.count
        var options: [ModifierOptionInput] = []
        var optionsValid = true
        if let optionReaders = reader.objects("options", maxCount: maxOptions) {
            optionsValid = optionReaders.count == optionCount
            for var optionReader in optionReaders {
                let optionName = optionReader.string("name", length: 1...100)
                let delta = optionReader.int("price_delta_cents", range: ModifierOptionInput.deltaRange)
                if let optionName, let delta {
                    options.append(ModifierOptionInput(name: optionName, priceDeltaCents: delta))
                } else {
                    optionsValid = false
                }
                reader.merge(optionReader)
            }
        } else {
            optionsValid = false
        }
        var limitsValid = true
        if let minSelect, let maxSelect, minSelect > maxSelect {
            reader.fail("min_select", "must not be greater than max_select")
            limitsValid = false
        }
        if let minSelect, let optionCount, optionCount <= maxOptions, minSelect > optionCount {
            reader.fail("min_select", "must not be greater than the number of options (\(optionCount))")
            limitsValid = false
        }
        guard let name, let minSelect, let maxSelect, optionsValid, limitsValid else { return nil }
        return ModifierGroupInput(name: name, minSelect: minSelect, maxSelect: maxSelect, options: options)
    }
}
