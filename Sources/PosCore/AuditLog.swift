import MariaDB

/// The one writer of the append-only audit log. Call it inside the same transaction as the
/// change it records, so a change and its audit entry are committed together or not at all.
public enum AuditLog {
    /// Event types written so far; later services add theirs.
    public enum EventType: String, Sendable {
        case loginFailed = "login_failed"
        case staffCreated = "staff_created"
        case roleChanged = "role_changed"
        case staffDeactivated = "staff_deactivated"
        case staffReactivated = "staff_reactivated"
        case passwordChanged = "password_changed"
        case menuCategoryCreated = "menu_category_created"
        case menuCategoryChanged = "menu_category_changed"
        case menuCategoryDeleted = "menu_category_deleted"
        case menuItemCreated = "menu_item_created"
        case menuItemChanged = "menu_item_changed"
        case priceChanged = "price_changed"
        case menuItemDeleted = "menu_item_deleted"
        case orderDiscounted = "order_discounted"
        case orderLineRemoved = "order_line_removed"
        case orderCancelled = "order_cancelled"
        case orderRejected = "order_rejected"
        case refundIssued = "refund_issued"
        case cashMovement = "cash_movement"
        case shiftClosed = "shift_closed"
        case guestTableCreated = "guest_table_created"
        case guestTableChanged = "guest_table_changed"
    }

    public static func record(_ db: Connection, actor: Identity?, type: EventType, entity: String,
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
