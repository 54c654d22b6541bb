import Foundation
import MariaDB
import PosCoreTesting
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test func migrationsFromEmptyAreAllRecorded() throws {
        let root = try TestDatabase.connect()
        let applied = try root.query("SELECT version, name FROM schema_migrations ORDER BY version")
        #expect(applied.count >= 3)
        // Exactly the files of sql/migrations/, each once (numbers may have gaps while branches
        // that took a number have not landed yet).
        let files = try FileManager.default.contentsOfDirectory(
            atPath: TestEnvironment.repositoryRoot.appendingPathComponent("sql/migrations").path)
            .filter { $0.hasPrefix("V") && $0.hasSuffix(".sql") }
            .compactMap { Int($0.dropFirst().prefix(3)) }.sorted()
        #expect(try applied.map { try $0.int("version") } == files)
        for table in ["staff", "auth_tokens", "login_throttle", "audit_log", "menu_items", "menu_state"] {
            #expect(try root.queryFirst("SELECT 1 AS ok FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(table)") != nil,
                    "table \(table) missing")
        }
    }
}
