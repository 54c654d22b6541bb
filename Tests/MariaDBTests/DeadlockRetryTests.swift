import Foundation
import MariaDB
import PosCoreTesting
import Testing

/// `Connection.transaction` retries a transaction that InnoDB chose as a deadlock victim.
/// The test makes a real deadlock: two connections each lock one row, wait for each other,
/// then reach for the other's row.
@Suite("Deadlock retry against the real server")
struct DeadlockRetryTests {
    @Test func theDeadlockVictimRunsAgainAndBothCommit() throws {
        let root = try TestDatabase.connect()
        let table = "pos_test_scratch.deadlock_\(UInt32.random(in: 0...UInt32.max))"
        try root.execute("CREATE DATABASE IF NOT EXISTS pos_test_scratch")
        try root.execute("CREATE TABLE \(unsafeRaw: table) (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB")
        defer { _ = try? root.execute("DROP TABLE \(unsafeRaw: table)") }
        try root.execute("INSERT INTO \(unsafeRaw: table) VALUES (1, 0), (2, 0)")
        let deadlocksBefore = try Self.deadlockCount(root)

        let bothHoldTheirFirstRow = Rendezvous(parties: 2)
        let reports = Reports()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let (first, second) = worker == 0 ? (1, 2) : (2, 1)
            var attempts = 0
            var errorCodes: [Int] = []
            do {
                let db = try TestDatabase.connect()
                // A missed deadlock would wait 50 s by default; fail in 10 instead.
                try db.execute("SET SESSION innodb_lock_wait_timeout = 10")
                try db.transaction { tx in
                    attempts += 1
                    do {
                        try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(first)")
                        // Only the first attempt waits: a retry must simply go through.
                        if attempts == 1, !bothHoldTheirFirstRow.arrive(within: 10) {
                            throw RendezvousTimeout()
                        }
                        try tx.execute("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = \(second)")
                    } catch let error as DatabaseError {
                        errorCodes.append(error.code)
                        throw error
                    }
                }
                reports.add(.init(attempts: attempts, errorCodes: errorCodes, failure: nil))
            } catch {
                reports.add(.init(attempts: attempts, errorCodes: errorCodes, failure: "\(error)"))
            }
        }

        let all = reports.all
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.failure == nil }, "both transactions commit in the end: \(all)")
        // Exactly one victim: its body ran twice after its first attempt failed with 1213
        // (ER_LOCK_DEADLOCK, not a lock wait timeout); the other ran once without an error.
        #expect(all.map(\.attempts).sorted() == [1, 2], "\(all)")
        #expect(all.map(\.errorCodes).sorted { $0.count < $1.count } == [[], [DatabaseError.deadlock]], "\(all)")
        #expect(try Self.deadlockCount(root) > deadlocksBefore, "InnoDB counted the deadlock")
        let rows = try root.query("SELECT n FROM \(unsafeRaw: table) ORDER BY id")
        #expect(try rows.map { try $0.int("n") } == [2, 2], "each row was incremented once per transaction")
    }

    /// `Innodb_deadlocks`: deadlocks InnoDB detected since the server started.
    static func deadlockCount(_ db: Connection) throws -> Int {
        let row = try db.queryFirst("SELECT VARIABLE_VALUE AS v FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_DEADLOCKS'")
        let value = try row.map { try $0.string("v") }
        guard let value, let count = Int(value) else {
            throw DatabaseError(function: "Innodb_deadlocks", code: 0, message: "the server does not report its deadlocks")
        }
        return count
    }
}

/// What one of the two transactions went through.
private struct Report: Sendable, CustomStringConvertible {
    let attempts: Int
    let errorCodes: [Int]
    let failure: String?
    var description: String { "attempts \(attempts), errors \(errorCodes)\(failure.map { ", failed: \($0)" } ?? "")" }
}

private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Report] = []
    func add(_ report: Report) { lock.withLock { reports.append(report) } }
    var all: [Report] { lock.withLock { reports } }
}

/// Threads wait here until `parties` of them have arrived (or the time is up).
private final class Rendezvous: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var arrived = 0

    init(parties: Int) { self.parties = parties }

    /// True once everyone arrived; false after `seconds` without them.
    func arrive(within seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: seconds)
        while arrived < parties {
            if !condition.wait(until: deadline) { return arrived >= parties }
        }
        return true
    }
}

private struct RendezvousTimeout: Error, CustomStringConvertible {
    var description: String { "the other transaction never locked its first row" }
}
