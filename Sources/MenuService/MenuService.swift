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

    /// The watcher that keeps the published menu files up to date (`MenuPublisher`), when
    /// publishing is configured (`POS_MENU_PUBLISH_DIR`).
    public static func startWorkerTasks(environment: ServiceEnvironment, logger: Logger) {
        guard let files = PublishedMenu.configured else { return }
        MenuPublisher.startWatcher(files, database: environment.database, logger: logger)
    }
}
