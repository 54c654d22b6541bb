import PosCore

/// The audit events of the user service (failed sign-ins, staff changes).
/// Each string is stored in `audit_log.type` and filtered on by `GET /api/audit?type=`: never change one.
extension AuditEvent {
    static let loginFailed = AuditEvent(rawValue: "login_failed")
    static let staffCreated = AuditEvent(rawValue: "staff_created")
    static let roleChanged = AuditEvent(rawValue: "role_changed")
    static let staffDeactivated = AuditEvent(rawValue: "staff_deactivated")
    static let staffReactivated = AuditEvent(rawValue: "staff_reactivated")
    static let passwordChanged = AuditEvent(rawValue: "password_changed")
}
