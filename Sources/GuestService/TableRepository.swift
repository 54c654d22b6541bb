import MariaDB
import PosCore
import PosHTTP

/// Tables and their tokens. A token is 256 random bits (base64url); it is found by its
/// SHA-256 digest, compared again in constant time, never by the token itself.
struct TableRepository {
    let db: Connection

    /// Creates an active table with a fresh token; 409 when the label is taken.
    func create(label: String) throws -> GuestTable {
        let token = Secrets.newToken()
        let id: Int
        do {
            id = try db.execute("""
                INSERT INTO guest_tables (label, token, token_digest) VALUES (\(label), \(token), \(Secrets.sha256(token)))
                """).lastInsertID
        } catch let error as DatabaseError where error.isDuplicateEntry {
            throw Self.labelTaken(label)
        }
        return try require(id)
    }

    func find(_ id: Int, lock: RowLock = .none) throws -> GuestTable? {
        try db.queryFirst("SELECT \(unsafeRaw: GuestTable.columns) FROM guest_tables WHERE id = \(id)\(lock)")
            .map(GuestTable.init(row:))
    }

    func require(_ id: Int, lock: RowLock = .none) throws -> GuestTable {
        guard let table = try find(id, lock: lock) else { throw HTTPError.notFound("No table has the id \(id).") }
        return table
    }

    /// Newest first, one page (plus one row to tell whether another page exists).
    func list(_ page: Page) throws -> [GuestTable] {
        try db.query("""
            SELECT \(unsafeRaw: GuestTable.columns) FROM guest_tables
            WHERE \(SQLQuery.all([page.beforeID.map { "id < \($0)" }]))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """).map(GuestTable.init(row:))
    }

    /// Every active table by label, for the printed sheet (at most `limit`).
    func active(limit: Int) throws -> [GuestTable] {
        try db.query("""
            SELECT \(unsafeRaw: GuestTable.columns) FROM guest_tables WHERE active = 1 ORDER BY label, id LIMIT \(limit)
            """).map(GuestTable.init(row:))
    }

    /// The active table whose token this is; nil for an unknown or disabled table.
    func activeTable(token: String) throws -> GuestTable? {
        guard Secrets.isTokenShaped(token) else { return nil }
        let digest = Secrets.sha256(token)
        guard let row = try db.queryFirst("""
            SELECT \(unsafeRaw: GuestTable.columns), token_digest FROM guest_tables
            WHERE token_digest = \(digest) AND active = 1
            """), Secrets.constantTimeEquals(try row.bytes("token_digest"), digest) else { return nil }
        return try GuestTable(row: row)
    }

    /// Applies the changes and moves the version on; 409 when the new label is taken.
    func update(_ id: Int, label: String?, active: Bool?) throws {
        do {
            try db.execute("""
                UPDATE guest_tables SET label = COALESCE(\(label), label), active = COALESCE(\(active), active),
                    version = version + 1
                WHERE id = \(id)
                """)
        } catch let error as DatabaseError where error.isDuplicateEntry {
            throw Self.labelTaken(label ?? "")
        }
    }

    private static func labelTaken(_ label: String) -> HTTPError {
        HTTPError.conflict("Another table is already called \"\(label)\".", slug: "label-taken")
    }
}
