import PosCore

/// The audit events of the payment service (refunds, cash movements, closed shifts).
/// Each string is stored in `audit_log.type` and filtered on by `GET /api/audit?type=`: never change one.
extension AuditEvent {
    static let refundIssued = AuditEvent(rawValue: "refund_issued")
    static let cashMovement = AuditEvent(rawValue: "cash_movement")
    static let shiftClosed = AuditEvent(rawValue: "shift_closed")
}
