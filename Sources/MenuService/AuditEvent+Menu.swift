import PosCore

/// The audit events of the menu service (categories and items created, changed, deleted; prices).
/// Each string is stored in `audit_log.type` and filtered on by `GET /api/audit?type=`: never change one.
extension AuditEvent {
    static let menuCategoryCreated = AuditEvent(rawValue: "menu_category_created")
    static let menuCategoryChanged = AuditEvent(rawValue: "menu_category_changed")
    static let menuCategoryDeleted = AuditEvent(rawValue: "menu_category_deleted")
    static let menuItemCreated = AuditEvent(rawValue: "menu_item_created")
    static let menuItemChanged = AuditEvent(rawValue: "menu_item_changed")
    static let priceChanged = AuditEvent(rawValue: "price_changed")
    static let menuItemDeleted = AuditEvent(rawValue: "menu_item_deleted")
}
