import MariaDB
import PosCoreTesting
import Testing

/// Each service's account can do its job and nothing else (sql/grants.sql).
@Suite("Least-privilege accounts")
struct GrantTests {
    private func refused(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch let error as DatabaseError {
            return error.code == 1142 || error.code == 1143 || error.code == DatabaseError.accessDenied
        } catch {
            return false
        }
    }

    @Test func theMenuAccountCannotReadStaffOrTokens() throws {
        let menu = try TestDatabase.connect(as: "pos_menu")
        #expect(refused { _ = try menu.query("SELECT password_hash FROM staff") })
        #expect(refused { _ = try menu.query("SELECT token_hash FROM auth_tokens") })
        // …while its own tables answer: any refusal or error here throws and fails the test.
        _ = try menu.query("SELECT id FROM menu_items LIMIT 1")
        try menu.execute("UPDATE menu_state SET version = version WHERE id = 1")
    }

    @Test func nobodyMayRewriteTheAuditLog() throws {
        for account in ["pos_user", "pos_menu"] {
            let db = try TestDatabase.connect(as: account)
            #expect(refused { try db.execute("UPDATE audit_log SET reason = 'x' WHERE id = 1") }, "\(account) updated the audit log")
            #expect(refused { try db.execute("DELETE FROM audit_log WHERE id = 1") }, "\(account) deleted from the audit log")
        }
    }

    @Test func theUserAccountCannotTouchTheMenuOrDropTables() throws {
        let user = try TestDatabase.connect(as: "pos_user")
        #expect(refused { try user.execute("UPDATE menu_items SET price_cents = 0") })
        #expect(refused { try user.execute("DROP TABLE login_throttle") })
        #expect(refused { try user.execute("DELETE FROM staff") })
    }

    @Test func theReportAccountIsReadOnly() throws {
        let report = try TestDatabase.connect(as: "pos_report")
        #expect(refused { try report.execute("INSERT INTO audit_log (type, entity, detail) VALUES ('x', 'y', '{}')") })
    }

    @Test func migrationsFromEmptyAreAllRecorded() throws {
        let root = try TestDatabase.connect()
        let applied = try root.query("SELECT version, name FROM schema_migrations ORDER BY version")
        #expect(applied.count >= 3)
        #expect(try applied.map { try $0.int("version") } == Array(1...applied.count))
        for table in ["staff", "auth_tokens", "login_throttle", "audit_log", "menu_items", "menu_state"] {
            #expect(try root.queryFirst("SELECT 1 AS ok FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(table)") != nil,
                    "table \(table) missing")
        }
    }
}
