import PosCore

/// The audit events of the order service (discounts, removed lines, cancelled and rejected orders).
/// Each string is stored in `audit_log.type` and filtered on by `GET /api/audit?type=`: never change one.
extension AuditEvent {
    static let orderDiscounted = AuditEvent(rawValue: "order_discounted")
    static let orderLineRemoved = AuditEvent(rawValue: "order_line_removed")
    static let orderCancelled = AuditEvent(rawValue: "order_cancelled")
    static let orderRejected = AuditEvent(rawValue: "order_rejected")
}
