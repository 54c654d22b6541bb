import PosCore

/// The menu: categories, items with their modifier groups, and the public menu document.
/// Every write bumps `menu_state.version` (the public menu's ETag) and writes an audit entry
/// in the same transaction as the change.
public enum MenuService: PosService {
    public static let name = "menu"

    public static func registerRoutes(_ router: inout Router) {
        PublicMenuController.register(&router)
        CategoryController.register(&router)
        ItemController.register(&router)
    }
}
