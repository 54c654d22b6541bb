import PosCore

/// The audit events of the guest service (guest tables created and changed).
/// Each string is stored in `audit_log.type` and filtered on by `GET /api/audit?type=`: never change one.
extension AuditEvent {
    static let guestTableCreated = AuditEvent(rawValue: "guest_table_created")
    static let guestTableChanged = AuditEvent(rawValue: "guest_table_changed")
}
