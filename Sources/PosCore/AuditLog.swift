import MariaDB
import PosHTTP

/// The type of an audit log entry, as `audit_log.type` stores it (at most 40 characters). Open:
/// each service declares its own events in its own module
/// (`extension AuditEvent { static let orderCancelled = AuditEvent(rawValue: "order_cancelled") }`).
/// A stored name never changes once written: the database and the API (`GET /api/audit?type=`) hold it.
public struct AuditEvent: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// The one writer of the append-only audit log. Call it inside the same transaction as the
/// change it records, so a change and its audit entry are committed together or not at all.
public enum AuditLog {
    public static func record(_ db: Connection, actor: Identity?, type: AuditEvent, entity: String,
                              entityID: Int?, detail: JSON = [:], reason: String? = nil,
                              actorUsername: String? = nil) throws {
        let detailText = String(decoding: detail.serialized(), as: UTF8.self)
        try db.execute("""
            INSERT INTO audit_log (actor_id, actor_username, type, entity, entity_id, detail, reason)
            VALUES (\(actor?.staffID), \(actor?.username ?? actorUsername), \(type.rawValue), \(entity),
                    \(entityID), \(detailText), \(reason))
            """)
    }
}
