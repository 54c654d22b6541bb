import MariaDB

/// Reads and writes `menu_categories`. A deleted category (soft-deleted: `deleted_at` set) is
/// invisible to every method here; past orders may still point at it.
struct CategoryRepository {
    let db: Connection

    /// The category unless it is missing or deleted. `.update` takes a write lock (for a
    /// change or delete); `.share` a read lock that keeps it from being deleted meanwhile
    /// (for an item being put into it). Both only inside a transaction.
    func find(id: Int, lock: RowLock = .none) throws -> Category? {
        return try db.queryFirst("""
            SELECT \(unsafeRaw: Category.columns) FROM menu_categories
            WHERE id = \(id) AND deleted_at IS NULL\(lock)
            """).map(Category.init(row:))
    }

    /// Every category that is not deleted, by position, then id.
    func listActive() throws -> [Category] {
        try db.query("""
            SELECT \(unsafeRaw: Category.columns) FROM menu_categories
            WHERE deleted_at IS NULL ORDER BY position, id
            """).map(Category.init(row:))
    }

    func create(name: String, position: Int, station: String?) throws -> Category {
        let result = try db.execute("""
            INSERT INTO menu_categories (name, position, station) VALUES (\(name), \(position), \(station))
            """)
        guard let category = try find(id: result.lastInsertID) else {
            throw DatabaseError(function: "create category", code: DatabaseError.decoding, message: "inserted row not found")
        }
        return category
    }

    /// Writes every editable column of `category`.
    func update(_ category: Category) throws {
        try db.execute("""
            UPDATE menu_categories SET name = \(category.name), position = \(category.position),
                station = \(category.station)
            WHERE id = \(category.id)
            """)
    }

    /// Whether any item that is not deleted still belongs to the category. A locking read, so
    /// an item being moved or created concurrently is waited for rather than missed.
    func hasActiveItems(id: Int) throws -> Bool {
        try db.queryFirst("""
            SELECT id FROM menu_items WHERE category_id = \(id) AND deleted_at IS NULL
            LIMIT 1 LOCK IN SHARE MODE
            """) != nil
    }

    /// Marks the category deleted; false when it was missing or already deleted.
    func softDelete(id: Int) throws -> Bool {
        try db.execute("UPDATE menu_categories SET deleted_at = NOW() WHERE id = \(id) AND deleted_at IS NULL")
            .affectedRows == 1
    }
}
