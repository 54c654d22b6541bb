import MariaDB
import PosCoreTesting
import Testing

/// Each service's account holds exactly what `sql/grants.sql` gives it, and MariaDB refuses it
/// everything else: every account of the file × every table and column of the schema ×
/// SELECT, INSERT, UPDATE, DELETE.
@Suite("Least-privilege accounts, as sql/grants.sql declares them")
struct GrantTests {
    static let declared = Result { try DeclaredGrants.fromRepository() }
    /// The file's accounts; a placeholder that fails every test when the file cannot be read.
    static var accounts: [String] { (try? declared.get().accounts) ?? ["(sql/grants.sql unreadable)"] }

    @Test("sql/grants.sql names every account the server has, and no other")
    func accountsAreTheServersAccounts() throws {
        let declared = try Self.declared.get()
        let server = try TestDatabase.connect().query("""
            SELECT User AS u FROM mysql.user WHERE User NOT IN ('root', 'mariadb.sys') ORDER BY User
            """).map { try $0.string("u") }
        #expect(declared.accounts.count >= 6, "user, menu, order, payment, guest, report")
        #expect(Set(declared.accounts) == Set(server))
    }

    @Test("The server holds exactly the grants of sql/grants.sql", arguments: accounts)
    func serverGrantsAreTheDeclaredOnes(account: String) throws {
        let declared = try Self.declared.get()
        let root = try TestDatabase.connect()
        let grantee = "'\(account)'@'%'"
        var held: Set<DeclaredGrants.Grant> = []
        for row in try root.query("""
            SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, PRIVILEGE_TYPE AS p FROM information_schema.TABLE_PRIVILEGES
            WHERE GRANTEE = \(grantee)
            """) {
            #expect(try row.string("s") == TestEnvironment.databaseName, "\(account) holds a grant in another database")
            held.insert(.init(account: account, table: try row.string("t"), privilege: try row.string("p"), column: nil))
        }
        for row in try root.query("""
            SELECT TABLE_NAME AS t, COLUMN_NAME AS c, PRIVILEGE_TYPE AS p FROM information_schema.COLUMN_PRIVILEGES
            WHERE GRANTEE = \(grantee)
            """) {
            held.insert(.init(account: account, table: try row.string("t"), privilege: try row.string("p"),
                              column: try row.string("c")))
        }
        let wanted = declared.grants.filter { $0.account == account }
        #expect(held.subtracting(wanted).isEmpty, "granted on the server but not in sql/grants.sql")
        #expect(wanted.subtracting(held).isEmpty, "in sql/grants.sql but not granted on the server")

        // Nothing server-wide or database-wide: no FILE, SUPER, CREATE, DROP, GRANT OPTION, ….
        let wide = try root.query("""
            SELECT PRIVILEGE_TYPE AS p FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = \(grantee)
            UNION ALL SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = \(grantee)
            """).map { try $0.string("p") }
        #expect(wide.allSatisfy { $0 == "USAGE" }, "\(account) holds \(wide)")
    }

    @Test("Whatever sql/grants.sql does not give an account is refused; what it gives is not", arguments: accounts)
    func onlyDeclaredAccessWorks(account: String) throws {
        let declared = try Self.declared.get()
        let schema = try Schema.read()
        let probe = try AccessProbe(account)
        var wrong: [String] = []
        func check(_ privilege: String, _ table: String, column: String? = nil, refused: Bool) {
            let allowed = declared.allows(account, privilege, on: table, column: column)
            let what = "\(privilege) on \(table)\(column.map { ".\($0)" } ?? "")"
            if allowed && refused { wrong.append("refused \(what), which sql/grants.sql gives") }
            if !allowed && !refused { wrong.append("allowed \(what), which sql/grants.sql does not give") }
        }
        #expect(!schema.tables.isEmpty)
        for table in schema.tables {
            check("SELECT", table, refused: probe.select(table))
            check("INSERT", table, refused: probe.insert(table))
            check("DELETE", table, refused: probe.delete(table))
            for column in schema.columns[table] ?? [] {
                check("UPDATE", table, column: column, refused: probe.update(table, column: column))
            }
        }
        #expect(wrong.isEmpty, "\(account): \(wrong.joined(separator: "; "))")
    }

    @Test("No account may create, drop or alter tables, grant, or read the server's accounts", arguments: accounts)
    func noAccountChangesTheSchema(account: String) throws {
        let probe = try AccessProbe(account)
        let scratch = "grant_probe_\(account)"
        defer { _ = try? TestDatabase.connect().execute("DROP TABLE IF EXISTS \(unsafeRaw: scratch)") }
        #expect(probe.isRefused("CREATE TABLE \(unsafeRaw: scratch) (id INT)"), "\(account) created a table")
        // A table that does not exist: refused for lack of DROP, else "unknown table".
        #expect(probe.isRefused("DROP TABLE no_such_table_\(unsafeRaw: account)"), "\(account) may drop tables")
        #expect(probe.isRefused("ALTER TABLE login_throttle COMMENT = ''"), "\(account) may alter tables")
        #expect(probe.isRefused("GRANT SELECT ON cafe_pos.staff TO \(unsafeRaw: "'\(account)'@'%'")"), "\(account) may grant")
        #expect(probe.isRefused("SELECT User, Password FROM mysql.user", reading: true), "\(account) reads mysql.user")
    }
}
