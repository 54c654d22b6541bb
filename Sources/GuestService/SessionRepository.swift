import MariaDB
import PosCore
import PosHTTP

/// Guest sessions. Only SHA-256 digests of session tokens are stored: a leaked table grants
/// nothing. A session lives `POS_GUEST_SESSION_TTL_SECONDS` and only while its table is active.
struct SessionRepository {
    let db: Connection

    /// How long an expired session is kept before it is purged (its orders keep the number).
    static let purgeAfterHours = 24

    /// Opens a session at `tableID`; returns its id, the token (shown once) and its expiry.
    func open(tableID: Int, lifetimeSeconds: Int) throws -> (id: Int, token: String, expiresAt: String) {
        let token = Secrets.newToken()
        let expiresEpoch = Clock.nowEpochSeconds() + lifetimeSeconds
        let id = try db.execute("""
            INSERT INTO guest_sessions (table_id, token_hash, expires_at)
            VALUES (\(tableID), \(Secrets.sha256(token)), FROM_UNIXTIME(\(expiresEpoch)))
            """).lastInsertID
        return (id, token, Clock.rfc3339(epochSeconds: expiresEpoch))
    }

    /// The live session a token belongs to: not expired, its table active. One unique-key
    /// lookup; the digest is compared again in constant time.
    func guest(token: String) throws -> GuestIdentity? {
        guard Secrets.isTokenShaped(token) else { return nil }
        let digest = Secrets.sha256(token)
        guard let row = try db.queryFirst("""
            SELECT s.id, s.table_id, s.token_hash FROM guest_sessions s JOIN guest_tables t ON t.id = s.table_id
            WHERE s.token_hash = \(digest) AND s.expires_at > NOW() AND t.active = 1
            """), Secrets.constantTimeEquals(try row.bytes("token_hash"), digest) else { return nil }
        return GuestIdentity(sessionID: try row.int("id"), tableID: try row.int("table_id"))
    }

    /// Deletes sessions that expired more than a day ago, a few hundred at a time.
    func purgeExpired() throws {
        try db.execute("""
            DELETE FROM guest_sessions WHERE expires_at < NOW() - INTERVAL \(Self.purgeAfterHours) HOUR LIMIT 500
            """)
    }
}
