import MariaDB
import PosCore

/// The single `menu_state` row: a number that grows with every menu change and is the public
/// menu's ETag. Every write bumps it in the same transaction as the change, so a reader that
/// sees a version also sees every change up to it.
struct MenuVersion {
    let db: Connection

    /// The current version; throws if the `menu_state` row (created by the migration) is missing.
    func current() throws -> Int {
        guard let row = try db.queryFirst("SELECT version FROM menu_state WHERE id = 1") else {
            throw DatabaseError(function: "menu_state", code: DatabaseError.decoding, message: "row id = 1 is missing")
        }
        return try row.int("version")
    }

    /// Increments the version. Call inside the transaction that changes the menu; it also
    /// serialises menu writes on that one row. Once the transaction commits, the published
    /// menu files are written again (`MenuPublisher`), before the answer leaves.
    func bump() throws {
        let result = try db.execute("UPDATE menu_state SET version = version + 1 WHERE id = 1")
        guard result.affectedRows == 1 else {
            throw DatabaseError(function: "menu_state", code: DatabaseError.decoding, message: "row id = 1 is missing")
        }
        if let files = PublishedMenu.configured {
            let db = db
            db.afterCommit { MenuPublisher(files: files, db: db).publishAfterChange() }
        }
    }
}
