import MariaDB
import PosCore
import PosHTTP

/// Bearer tokens. Only SHA-256 digests are stored: a leaked table grants nothing.
struct TokenRepository {
    let db: Connection

    /// Issues a token for `staffID`; returns the token (shown once) and its expiry.
    func issue(staffID: Int, lifetimeSeconds: Int) throws -> (token: String, expiresAt: String) {
        let token = Secrets.newToken()
        let expiresEpoch = Clock.nowEpochSeconds() + lifetimeSeconds
        let expiresAt = Clock.rfc3339(epochSeconds: expiresEpoch)
        try db.execute("""
            INSERT INTO auth_tokens (token_hash, staff_id, expires_at)
            VALUES (\(Secrets.sha256(token)), \(staffID), FROM_UNIXTIME(\(expiresEpoch)))
            """)
        return (token, expiresAt)
    }

    /// The identity a live token belongs to: not revoked, not expired, account active.
    /// One primary-key lookup; the digest is compared again in constant time.
    func identity(token: String) throws -> Identity? {
        let digest = Secrets.sha256(token)
        guard let row = try db.queryFirst("""
            SELECT t.token_hash, s.id, s.username, s.role
            FROM auth_tokens t JOIN staff s ON s.id = t.staff_id
            WHERE t.token_hash = \(digest) AND t.revoked_at IS NULL AND t.expires_at > NOW() AND s.active = 1
            """) else { return nil }
        guard Secrets.constantTimeEquals(try row.bytes("token_hash"), digest),
              let role = Role(rawValue: try row.string("role")) else { return nil }
        return Identity(staffID: try row.int("id"), username: try row.string("username"), role: role)
    }

    func revoke(token: String) throws {
        try db.execute("UPDATE auth_tokens SET revoked_at = NOW() WHERE token_hash = \(Secrets.sha256(token)) AND revoked_at IS NULL")
    }

    /// Ends every session of an account (deactivation, role or password change).
    func revokeAll(staffID: Int) throws {
        try db.execute("UPDATE auth_tokens SET revoked_at = NOW() WHERE staff_id = \(staffID) AND revoked_at IS NULL")
    }
}

extension HTTPRequest {
    /// The token from `Authorization: Bearer <token>`, if it has a token's shape.
    var bearerToken: String? {
        guard let header = header("authorization") else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = String(parts[1])
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard token.count == 43, token.allSatisfy({ allowed.contains($0) }) else { return nil }
        return token
    }
}
