import Foundation
import MariaDB
import PosCoreTesting
import Testing
@testable import PosCore
import PosHTTP

/// `IdempotentRequest` against the test stack's MariaDB (root over its socket).
@Suite("Idempotency keys")
struct IdempotencyTests {
    private let scope = "TEST \(UUID().uuidString.prefix(8))"

    private func request(key: String, body: String) -> HTTPRequest {
        HTTPRequest(method: "POST", path: "/x", headers: ["idempotency-key": key, "content-type": "application/json"],
                    body: Array(body.utf8))
    }

    private func context(_ db: Connection) throws -> RequestContext {
        RequestContext(db: db, environment: try ServiceEnvironment.fromProcess(service: "test"), logger: Logger(label: "test"))
    }

    private func keyRows(_ db: Connection, key: String) throws -> Int {
        try db.queryFirst("SELECT COUNT(*) AS n FROM idempotency_keys WHERE scope = \(scope) AND idem_key = \(key)")?.int("n") ?? -1
    }

    @Test("A duplicate-key error inside the work is the work's failure, not a replay of the key")
    func duplicateInsideWorkIsNotAReplay() throws {
        let db = try TestDatabase.connect()
        try db.execute("CREATE TEMPORARY TABLE idempotency_work (id INT PRIMARY KEY)")
        try db.execute("INSERT INTO idempotency_work VALUES (1)")
        let key = UUID().uuidString
        var runs = 0

        #expect {
            _ = try IdempotentRequest(request(key: key, body: "{}"), scope: scope).run(in: try context(db), required: true) { db in
                runs += 1
                try db.execute("INSERT INTO idempotency_work VALUES (1)")
                return .json(["ok": true])
            }
        } throws: { error in
            (error as? DatabaseError)?.isDuplicateEntry == true
        }
        #expect(runs == 1, "the work ran once and was not replayed")
        #expect(try keyRows(db, key: key) == 0, "the failed work left no key behind")

        // The same key then does the work afresh: nothing was stored for it.
        let response = try IdempotentRequest(request(key: key, body: "{}"), scope: scope).run(in: try context(db), required: true) { db in
            runs += 1
            try db.execute("INSERT INTO idempotency_work VALUES (2)")
            return .json(["ok": true])
        }
        #expect(response.status == 200)
        #expect(response.header("Idempotent-Replayed") == nil)
        #expect(runs == 2)
    }

    @Test("A key used before replays the stored answer without running the work; another body is 422")
    func reusedKeyReplays() throws {
        let db = try TestDatabase.connect()
        let key = UUID().uuidString
        var runs = 0
        let work: (Connection) throws -> HTTPResponse = { _ in
            runs += 1
            return HTTPResponse(status: 201, headers: [("Content-Type", "application/json")], body: Array("{\"n\":\(runs)}".utf8))
        }

        let first = try IdempotentRequest(request(key: key, body: "{\"a\":1,\"b\":2}"), scope: scope).run(in: try context(db), required: true, work)
        let again = try IdempotentRequest(request(key: key, body: "{\"b\":2, \"a\":1}"), scope: scope).run(in: try context(db), required: true, work)

        #expect(runs == 1)
        #expect(again.status == 201 && again.body == first.body)
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect {
            _ = try IdempotentRequest(request(key: key, body: "{\"a\":2}"), scope: scope).run(in: try context(db), required: true, work)
        } throws: { error in
            (error as? HTTPError)?.status == 422
        }
    }
}
