import Testing
@testable import MariaDB

@Suite("SQL built by interpolation")
struct SQLQueryTests {
    @Test func interpolatedValuesBecomePlaceholdersAndBinds() {
        let name = "Robert'); DROP TABLE staff;--"
        let id = 7
        let query: SQLQuery = "SELECT id FROM staff WHERE username = \(name) AND id > \(id)"
        #expect(query.sql == "SELECT id FROM staff WHERE username = ? AND id > ?")
        #expect(query.binds == [.text(name), .int(7)])
        #expect(!query.sql.contains("DROP"))
    }

    @Test func optionalsBindNull() {
        let missing: Int? = nil
        let query: SQLQuery = "UPDATE t SET a = \(missing), b = \(Optional("x"))"
        #expect(query.binds == [.null, .text("x")])
    }

    @Test func listsExpandToOnePlaceholderEach() {
        let query: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: [1, 2, 3, 4]))"
        #expect(query.sql == "SELECT * FROM t WHERE id IN (?, ?, ?, ?)")
        // Padded to a power of two with the last value: a few prepared shapes, same meaning.
        let padded: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: [1, 2, 3]))"
        #expect(padded.sql == "SELECT * FROM t WHERE id IN (?, ?, ?, ?)")
        #expect(padded.binds == [.int(1), .int(2), .int(3), .int(3)])
        let empty: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: [Int]()))"
        #expect(empty.sql == "SELECT * FROM t WHERE id IN (NULL)")
    }

    @Test func rawFragmentsNeedTheLoudLabelAndKeepBindOrder() {
        let inner: SQLQuery = "a = \(1)"
        let query: SQLQuery = "SELECT \(unsafeRaw: "x, y") FROM t WHERE \(inner) AND b = \(2)"
        #expect(query.sql == "SELECT x, y FROM t WHERE a = ? AND b = ?")
        #expect(query.binds == [.int(1), .int(2)])
    }

    @Test func onlySelectsCountAsReadOnly() {
        #expect(("SELECT 1" as SQLQuery).isReadOnly)
        #expect(("\n  select * from t" as SQLQuery).isReadOnly)
        #expect(!("UPDATE t SET a = 1" as SQLQuery).isReadOnly)
    }

    @Test func optionalFiltersBecomePlainConditions() {
        let orderID: Int? = 7
        let shiftID: Int? = nil
        let query: SQLQuery = "SELECT id FROM payments WHERE \(SQLQuery.all([orderID.map { "order_id = \($0)" }, shiftID.map { "shift_id = \($0)" }, "id < \(100)"]))"
        #expect(query.sql == "SELECT id FROM payments WHERE order_id = ? AND id < ?")
        #expect(query.binds == [.int(7), .int(100)])
        #expect(SQLQuery.all([nil, nil]).sql == "TRUE")
    }
}
