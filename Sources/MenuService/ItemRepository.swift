import MariaDB
import PosHTTP

/// Reads and writes the item aggregate: `menu_items` with its modifier groups and options.
/// A deleted item (soft-deleted: `deleted_at` set) is invisible here; past orders keep it.
/// Loading items costs a fixed number of queries however many there are: groups and options
/// are fetched for the whole set at once (see `ItemRepository+ModifierGroups`).
struct ItemRepository {
    let db: Connection

    /// The item (available or not) unless it is missing or deleted. `lock` locks its row
    /// for the rest of the transaction.
    func find(id: Int, lock: RowLock = .none) throws -> MenuItem? {
        let rows = try db.query("""
            SELECT \(unsafeRaw: MenuItem.columns) FROM menu_items
            WHERE id = \(id) AND deleted_at IS NULL\(lock)
            """)
        return try withModifierGroups(rows).first
    }

    /// One page of every item that is not deleted, available or not, newest first.
    func list(_ page: Page) throws -> [MenuItem] {
        let rows = try db.query("""
            SELECT \(unsafeRaw: MenuItem.columns) FROM menu_items
            WHERE \(SQLQuery.all(["deleted_at IS NULL", page.beforeID.map { "id < \($0)" }]))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """)
        return try withModifierGroups(rows)
    }

    /// Every item that is not deleted (available or not), by id: what `GET /api/menu/items/{id}`
    /// answers 200 for.
    func allItems() throws -> [MenuItem] {
        try withModifierGroups(try db.query("""
            SELECT \(unsafeRaw: MenuItem.columns) FROM menu_items WHERE deleted_at IS NULL ORDER BY id
            """))
    }

    /// The items of the public menu: not deleted, available, in one of `categoryIDs`; by name,
    /// then id.
    func availableItems(inCategories categoryIDs: [Int]) throws -> [MenuItem] {
        guard !categoryIDs.isEmpty else { return [] }
        let rows = try db.query("""
            SELECT \(unsafeRaw: MenuItem.columns) FROM menu_items
            WHERE category_id IN (\(list: categoryIDs)) AND deleted_at IS NULL AND available = 1
            ORDER BY name, id
            """)
        return try withModifierGroups(rows)
    }

    /// Inserts the item and its groups; returns its id. The category must have been checked
    /// (and share-locked) by the caller.
    func create(_ item: NewItem) throws -> Int {
        let f = item.fields
        let result = try db.execute("""
            INSERT INTO menu_items (category_id, name, description, price_cents, tax_rate_bp, available, stock)
            VALUES (\(f.categoryID), \(f.name), \(f.description), \(f.priceCents), \(f.taxRateBP),
                    \(f.available), \(f.stock))
            """)
        let id = result.lastInsertID
        try insertGroups(itemID: id, item.modifierGroups)
        return id
    }

    /// Writes every editable column and increments the item's version.
    func update(id: Int, _ f: ItemFields) throws {
        try db.execute("""
            UPDATE menu_items SET category_id = \(f.categoryID), name = \(f.name), description = \(f.description),
                price_cents = \(f.priceCents), tax_rate_bp = \(f.taxRateBP), available = \(f.available),
                stock = \(f.stock), version = version + 1
            WHERE id = \(id)
            """)
    }

    /// Marks the item deleted (and bumps its version); false when it was missing or already deleted.
    func softDelete(id: Int) throws -> Bool {
        try db.execute("""
            UPDATE menu_items SET deleted_at = NOW(), version = version + 1 WHERE id = \(id) AND deleted_at IS NULL
            """).affectedRows == 1
    }

    /// Items from `rows` (in their order), each with its modifier groups.
    private func withModifierGroups(_ rows: [Row]) throws -> [MenuItem] {
        let ids = try rows.map { try $0.int("id") }
        let groups = try modifierGroups(forItems: ids)
        return try zip(rows, ids).map { row, id in try MenuItem(row: row, modifierGroups: groups[id] ?? []) }
    }
}
