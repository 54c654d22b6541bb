import MariaDB
import PosHTTP

/// `Idempotency-Key` handling, done inside the same database transaction as the work:
///
/// 1. The key row (scope, key, request fingerprint) is inserted first. A concurrent request
///    with the same key blocks on that uncommitted row until the first transaction ends.
/// 2. The work runs; its response is stored in the key row; everything commits together, so
///    a crash can never leave a payment without its key or a key without its payment.
/// 3. A repeat finds the committed row: same fingerprint → the stored response (same status,
///    same body, plus `Idempotent-Replayed: true`); another fingerprint → 422.
/// If the work fails (any error), the whole transaction rolls back and the key stays unused,
/// so a retry runs the work afresh. Keys are purged after `retentionHours` (≥ 24 h): about one
/// keyed request in a hundred deletes a batch of expired keys after its own transaction.
public struct IdempotentRequest {
    public static let retentionHours = 48
    public static let keyLength = 1...255

    let request: HTTPRequest
    let scope: String

    /// `scope` names the operation, e.g. `"POST /api/payments"`.
    public init(_ request: HTTPRequest, scope: String) {
        self.request = request
        self.scope = scope
    }

    /// The validated key, or nil when the header is absent.
    public func key() throws -> String? {
        guard let key = request.header("idempotency-key") else { return nil }
        guard Self.keyLength.contains(key.count), key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw HTTPError.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters.")
        }
        return key
    }

    /// Runs `work` once per key: in a transaction with the key row, or replays the stored result.
    public func run(in context: RequestContext, required: Bool, _ work: (Connection) throws -> HTTPResponse) throws -> HTTPResponse {
        let response = try run(context.db, required: required, work)
        if request.header("idempotency-key") != nil, Int.random(in: 0..<100) == 0 {
            do {
                try Self.purgeExpired(context.db)
            } catch {
                context.logger.warning("purging expired idempotency keys failed: \(error)", requestID: request.requestID)
            }
        }
        return response
    }

    private func run(_ db: Connection, required: Bool, _ work: (Connection) throws -> HTTPResponse) throws -> HTTPResponse {
        guard let key = try key() else {
            if required { throw HTTPError.badRequest("This request needs an Idempotency-Key header (any unique value, reused on retries).") }
            return try db.transaction(work)
        }
        let fingerprint = Secrets.sha256(scope + "\n" + String(decoding: canonicalBody(), as: UTF8.self))
        do {
            return try db.transaction { db in
                // Only this INSERT's duplicate means "key already used": the same error from
                // the work (a unique number taken, say) is the work's own failure, not a replay.
                do {
                    try db.execute("""
                        INSERT INTO idempotency_keys (scope, idem_key, fingerprint) VALUES (\(scope), \(key), \(fingerprint))
                        """)
                } catch let error as DatabaseError where error.isDuplicateEntry {
                    throw KeyAlreadyUsed()
                }
                let response = try work(db)
                try db.execute("""
                    UPDATE idempotency_keys SET status_code = \(response.status), content_type = \(response.header("content-type")),
                        response_body = \(response.body)
                    WHERE scope = \(scope) AND idem_key = \(key)
                    """)
                return response
            }
        } catch is KeyAlreadyUsed {
            return try replay(db, key: key, fingerprint: fingerprint)
        }
    }

    /// The key row exists (committed by an earlier request, or by a concurrent one we waited for).
    private struct KeyAlreadyUsed: Error {}

    private func replay(_ db: Connection, key: String, fingerprint: [UInt8]) throws -> HTTPResponse {
        guard let row = try db.queryFirst("""
            SELECT fingerprint, status_code, content_type, response_body FROM idempotency_keys
            WHERE scope = \(scope) AND idem_key = \(key)
            """) else {
            throw HTTPError.conflict("A request with this Idempotency-Key is still in progress; retry shortly.", slug: "idempotency-in-flight")
        }
        guard Secrets.constantTimeEquals(try row.bytes("fingerprint"), fingerprint) else {
            throw HTTPError.unprocessable(field: "Idempotency-Key", "was already used with a different request body")
        }
        guard let status = try row.optionalInt("status_code") else {
            throw HTTPError.conflict("A request with this Idempotency-Key is still in progress; retry shortly.", slug: "idempotency-in-flight")
        }
        var headers: [(name: String, value: String)] = [("Idempotent-Replayed", "true")]
        if let type = try row.optionalString("content_type") { headers.insert(("Content-Type", type), at: 0) }
        return HTTPResponse(status: status, headers: headers, body: try row.optionalBytes("response_body") ?? [])
    }

    /// The body with object keys sorted, so formatting and member order do not make two
    /// identical requests look different; a body that is not JSON counts byte for byte.
    private func canonicalBody() -> [UInt8] {
        guard let value = try? JSONParser.parse(request.body) else { return request.body }
        return value.canonical().serialized()
    }

    /// Deletes keys past the retention period, a few hundred at a time.
    static func purgeExpired(_ db: Connection) throws {
        try db.execute("DELETE FROM idempotency_keys WHERE created_at < NOW() - INTERVAL \(retentionHours) HOUR LIMIT 500")
    }
}

extension JSON {
    /// The same value with every object's members sorted by name.
    public func canonical() -> JSON {
        switch self {
        case .object(let members): .object(members.map { ($0.0, $0.1.canonical()) }.sorted { $0.0 < $1.0 })
        case .array(let values): .array(values.map { $0.canonical() })
        default: self
        }
    }
}
