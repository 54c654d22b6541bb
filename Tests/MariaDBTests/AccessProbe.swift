import MariaDB
import PosCoreTesting

/// Tries one statement as a service account and tells whether MariaDB refused it for lack of
/// privileges. Every try runs in a transaction that is rolled back, so a statement that was
/// (wrongly) allowed leaves nothing behind; probes are written to touch no row anyway
/// (`WHERE FALSE`, missing tables).
struct AccessProbe {
    /// Access-denied codes: table (1142), column (1143), database (1044), global (1227).
    static let refusalCodes: Set<Int> = [1142, 1143, 1044, 1227]

    let account: String
    let db: Connection

    init(_ account: String) throws {
        self.account = account
        db = try TestDatabase.connect(as: account)
    }

    /// True when MariaDB refused `statement` for lack of privileges; false when it got past the
    /// privilege check (it may still have failed for another reason, e.g. a NOT NULL column).
    func isRefused(_ statement: SQLQuery, reading: Bool = false) -> Bool {
        do {
            try db.transaction(attempts: 1) { tx in
                if reading { _ = try tx.query(statement) } else { try tx.execute(statement) }
                throw RolledBack()
            }
            return false
        } catch let error as DatabaseError {
            return Self.refusalCodes.contains(error.code)
        } catch {
            return false
        }
    }

    func select(_ table: String) -> Bool { isRefused("SELECT * FROM \(unsafeRaw: table) WHERE FALSE", reading: true) }
    func insert(_ table: String) -> Bool { isRefused("INSERT INTO \(unsafeRaw: table) () VALUES ()") }
    func update(_ table: String, column: String) -> Bool {
        isRefused("UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = NULL WHERE FALSE")
    }
    func delete(_ table: String) -> Bool { isRefused("DELETE FROM \(unsafeRaw: table) WHERE FALSE") }

    private struct RolledBack: Error {}
}

/// The tables of the test database and their columns, as root sees them.
struct Schema {
    let columns: [String: [String]]
    var tables: [String] { columns.keys.sorted() }

    static func read() throws -> Schema {
        let rows = try TestDatabase.connect().query("""
            SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION
            """)
        var columns: [String: [String]] = [:]
        for row in rows { columns[try row.string("t"), default: []].append(try row.string("c")) }
        return Schema(columns: columns)
    }
}
