import MariaDB
import PosHTTP

/// Reads and writes the `staff` table.
struct StaffRepository {
    let db: Connection

    static let columns = "id, username, display_name, role, active, created_at"

    func find(id: Int, lock: RowLock = .none) throws -> Staff? {
        return try db.queryFirst("SELECT \(unsafeRaw: Self.columns) FROM staff WHERE id = \(id)\(lock)")
            .map(Staff.init(row:))
    }

    /// The account and its password hash, for login.
    func credentials(username: String) throws -> (staff: Staff, passwordHash: String)? {
        guard let row = try db.queryFirst("""
            SELECT \(unsafeRaw: Self.columns), password_hash FROM staff WHERE username = \(username)
            """) else { return nil }
        return (try Staff(row: row), try row.string("password_hash"))
    }

    func exists(username: String) throws -> Bool {
        try db.queryFirst("SELECT id FROM staff WHERE username = \(username)") != nil
    }

    func list(_ page: Page) throws -> [Staff] {
        try db.query("""
            SELECT \(unsafeRaw: Self.columns) FROM staff
            WHERE id < \(page.beforeID ?? Int.max) ORDER BY id DESC LIMIT \(page.limit + 1)
            """).map(Staff.init(row:))
    }

    /// Inserts a new account; 409 when the username is taken.
    func create(username: String, displayName: String, role: Role, passwordHash: String) throws -> Staff {
        do {
            let result = try db.execute("""
                INSERT INTO staff (username, display_name, role, password_hash)
                VALUES (\(username), \(displayName), \(role.rawValue), \(passwordHash))
                """)
            guard let staff = try find(id: result.lastInsertID) else {
                throw DatabaseError(function: "create staff", code: DatabaseError.decoding, message: "inserted row not found")
            }
            return staff
        } catch let error as DatabaseError where error.isDuplicateEntry {
            throw HTTPError.conflict("The username \(username) is taken.", slug: "username-taken")
        }
    }

    func update(id: Int, displayName: String?, role: Role?, active: Bool?, passwordHash: String?) throws {
        try db.execute("""
            UPDATE staff SET
                display_name = COALESCE(\(displayName), display_name),
                role = COALESCE(\(role?.rawValue), role),
                active = COALESCE(\(active), active),
                password_hash = COALESCE(\(passwordHash), password_hash)
            WHERE id = \(id)
            """)
    }
}
