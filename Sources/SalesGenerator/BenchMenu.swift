/// The menu a generated year sells from, as exported from the bench database's own menu tables
/// (`scripts/generate-sales` writes both files with the mariadb client).
struct BenchMenu {
    struct Option {
        let id: Int
        let name: String
        let deltaCents: Int
    }

    struct Group {
        let id: Int
        let minSelect: Int
        let maxSelect: Int
        var options: [Option]
    }

    struct Item {
        let id: Int
        let categoryID: Int
        let name: String
        let priceCents: Int
        let taxRateBP: Int
        let station: String?
        var groups: [Group]
    }

    var items: [Item]

    /// `items.tsv`: id, category_id, name, price_cents, tax_rate_bp, station (NULL as `NULL`);
    /// `options.tsv`: item_id, group_id, min_select, max_select, option id, option name,
    /// price_delta_cents, in menu order. Throws on a malformed line or an empty menu.
    init(itemsTSV: String, optionsTSV: String) throws {
        func fields(_ line: Substring, _ count: Int) throws -> [String] {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == count else { throw GeneratorError("menu export line has \(parts.count) fields: \(line)") }
            return parts
        }
        func number(_ text: String) throws -> Int {
            guard let value = Int(text) else { throw GeneratorError("menu export: not a number: \(text)") }
            return value
        }
        var items: [Item] = []
        for line in itemsTSV.split(separator: "\n") {
            let f = try fields(line, 6)
            items.append(Item(id: try number(f[0]), categoryID: try number(f[1]), name: f[2], priceCents: try number(f[3]),
                              taxRateBP: try number(f[4]), station: f[5] == "NULL" ? nil : f[5], groups: []))
        }
        for line in optionsTSV.split(separator: "\n") {
            let f = try fields(line, 7)
            let itemID = try number(f[0]), groupID = try number(f[1])
            guard let index = items.firstIndex(where: { $0.id == itemID }) else { continue }
            let option = Option(id: try number(f[4]), name: f[5], deltaCents: try number(f[6]))
            if let g = items[index].groups.firstIndex(where: { $0.id == groupID }) {
                items[index].groups[g].options.append(option)
            } else {
                items[index].groups.append(Group(id: groupID, minSelect: try number(f[2]), maxSelect: try number(f[3]),
                                                 options: [option]))
            }
        }
        guard !items.isEmpty else { throw GeneratorError("the bench database has no menu items") }
        self.items = items
    }

    /// How often each item sells: coffee most, then pastries and sandwiches (by category id of
    /// the demo menu; other categories get a middle weight), earlier items of a category more.
    var popularity: [Int] {
        var seen: [Int: Int] = [:]
        return items.map { item in
            let rank = seen[item.categoryID, default: 0]
            seen[item.categoryID] = rank + 1
            let base = [1: 60, 2: 14, 3: 12, 4: 26, 5: 18][item.categoryID] ?? 15
            return max(2, base - rank * 4)
        }
    }
}
