import Foundation
import Testing
@testable import MariaDB
import PosCoreTesting

@Suite("MariaDB connection against the real server")
struct ConnectionTests {
    @Test func valuesRoundTripThroughBindsUnchanged() throws {
        let db = try TestDatabase.connect()
        try db.execute("""
            CREATE TEMPORARY TABLE round_trip (id INT AUTO_INCREMENT PRIMARY KEY, n BIGINT NULL,
              s VARCHAR(200) NULL, b VARBINARY(64) NULL, at DATETIME NULL) DEFAULT CHARSET = utf8mb4
            """)
        let tricky = "O'Brien \"quoted\" \\ ; DROP TABLE staff; -- é😀"
        let bytes: [UInt8] = [0, 1, 2, 255, 39, 34]
        let insert = try db.execute("""
            INSERT INTO round_trip (n, s, b, at) VALUES (\(Int64.min + 1), \(tricky), \(bytes), '2026-11-25 09:30:00')
            """)
        #expect(insert.affectedRows == 1)
        #expect(insert.lastInsertID > 0)
        try db.execute("INSERT INTO round_trip (n, s, b) VALUES (\(nil as Int?), \(nil as String?), \(nil as [UInt8]?))")

        let rows = try db.query("SELECT n, s, b, at FROM round_trip ORDER BY id")
        #expect(rows.count == 2)
        #expect(try rows[0].int("n") == Int(Int64.min + 1))
        #expect(try rows[0].string("s") == tricky)
        #expect(try rows[0].bytes("b") == bytes)
        #expect(try rows[0].timestamp("at") == "2026-11-25T09:30:00Z")
        #expect(try rows[1].optionalInt("n") == nil)
        #expect(try rows[1].isNull("s"))
        #expect(throws: DatabaseError.self) { try rows[0].int("no_such_column") }
        #expect(throws: DatabaseError.self) { try rows[0].int("s") }
    }

    @Test func largeValuesAreNotTruncated() throws {
        let db = try TestDatabase.connect()
        let long = String(repeating: "x", count: 70_000)
        let row = try #require(try db.queryFirst("SELECT \(long) AS v, LENGTH(\(long)) AS n"))
        #expect(try row.string("v").count == 70_000)
        #expect(try row.int("n") == 70_000)
    }

    @Test func aThrowingTransactionLeavesNothingBehind() throws {
        let db = try TestDatabase.connect()
        try db.execute("CREATE TEMPORARY TABLE tx_check (id INT PRIMARY KEY) ENGINE=InnoDB")
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try db.transaction { tx in
                try tx.execute("INSERT INTO tx_check (id) VALUES (\(1))")
                throw Abort()
            }
        }
        #expect(try db.query("SELECT id FROM tx_check").isEmpty)
        try db.transaction { tx in try tx.execute("INSERT INTO tx_check (id) VALUES (\(2))") }
        #expect(try db.query("SELECT id FROM tx_check").count == 1)
    }

    @Test func duplicateKeysAreReportedByCode() throws {
        let db = try TestDatabase.connect()
        try db.execute("CREATE TEMPORARY TABLE dup_check (id INT PRIMARY KEY)")
        try db.execute("INSERT INTO dup_check (id) VALUES (\(1))")
        let error = #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO dup_check (id) VALUES (\(1))") }
        #expect(error?.isDuplicateEntry == true)
        #expect(error?.sqlState == "23000")
    }

    @Test func aKilledConnectionReconnectsForReads() throws {
        let db = try TestDatabase.connect()
        let id = try #require(try db.queryFirst("SELECT CONNECTION_ID() AS id")).int("id")
        let killer = try TestDatabase.connect()
        try killer.execute("KILL CONNECTION \(id)")
        let again = try #require(try db.queryFirst("SELECT CONNECTION_ID() AS id"))
        #expect(try again.int("id") != id)
    }

    @Test func aConnectionMadeWhileTheServerIsDownReportsItAndRecovers() throws {
        var unreachable = TestDatabase.configuration
        unreachable.socket = "/nonexistent/mysqld.sock"
        let down = Connection(connectingLazily: unreachable)
        let error = #expect(throws: DatabaseError.self) { _ = try down.query("SELECT 1 AS ok") }
        #expect(error?.isServerUnavailable == true, "\(String(describing: error))")

        let lazy = Connection(connectingLazily: TestDatabase.configuration)
        #expect(try lazy.queryFirst("SELECT 1 AS ok")?.int("ok") == 1)
    }
}
