import MariaDB
import PosHTTP

/// Per-username login throttling, on top of nginx's per-IP limit: after `maxFailures` wrong
/// passwords within `windowSeconds` the username is locked for `lockSeconds`. Keyed by the name
/// as typed, so unknown usernames are throttled exactly like real ones.
struct LoginThrottle {
    let db: Connection

    static let maxFailures = 5
    static let windowSeconds = 15 * 60
    static let lockSeconds = 60

    /// Seconds until the username may try again, or nil when it may try now.
    func lockedFor(username: String) throws -> Int? {
        guard let row = try db.queryFirst("""
            SELECT TIMESTAMPDIFF(SECOND, NOW(), locked_until) AS remaining FROM login_throttle
            WHERE username = \(username) AND locked_until > NOW()
            """) else { return nil }
        return max(1, try row.int("remaining"))
    }

    /// Counts a failure (in the caller's transaction); returns true when it locked the name.
    func recordFailure(username: String) throws -> Bool {
        let row = try db.queryFirst("""
            SELECT failures, TIMESTAMPDIFF(SECOND, updated_at, NOW()) AS age FROM login_throttle
            WHERE username = \(username) FOR UPDATE
            """)
        var failures = 1
        if let row, try row.int("age") < Self.windowSeconds {
            failures = try row.int("failures") + 1
        }
        let lock = failures >= Self.maxFailures
        let lockedUntil: Int? = lock ? Clock.nowEpochSeconds() + Self.lockSeconds : nil
        try db.execute("""
            INSERT INTO login_throttle (username, failures, locked_until)
            VALUES (\(username), \(failures), FROM_UNIXTIME(\(lockedUntil)))
            ON DUPLICATE KEY UPDATE failures = VALUES(failures), locked_until = VALUES(locked_until),
                updated_at = NOW()
            """)
        return lock
    }

    func reset(username: String) throws {
        try db.execute("DELETE FROM login_throttle WHERE username = \(username)")
    }
}
