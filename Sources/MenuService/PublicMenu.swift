import MariaDB
import PosHTTP

/// The public menu document: `{categories: [{id, name, position, station, items}]}` — every
/// category that is not deleted, by position then id, each with its available items that
/// are not deleted (by name, then id), items with their modifier groups.
struct PublicMenu: JSONRepresentable {
    let categories: [(category: Category, items: [MenuItem])]

    /// Reads the menu in a fixed number of queries. Call inside a transaction to get one
    /// consistent snapshot.
    static func load(_ db: Connection) throws -> PublicMenu {
        let categories = try CategoryRepository(db: db).listActive()
        let items = try ItemRepository(db: db).availableItems(inCategories: categories.map(\.id))
        var byCategory: [Int: [MenuItem]] = [:]
        for item in items { byCategory[item.fields.categoryID, default: []].append(item) }
        return PublicMenu(categories: categories.map { ($0, byCategory[$0.id] ?? []) })
    }

    var json: JSON {
        ["categories": .array(categories.map { $0.category.json(items: $0.items) })]
    }
}
