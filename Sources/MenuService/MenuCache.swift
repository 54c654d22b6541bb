import MariaDB
import PosHTTP
import Synchronization

/// The serialised public menu, kept per process and shared by its threads, keyed by
/// `menu_state.version`: while the version is unchanged a request costs one small query.
enum MenuCache {
    struct Entry: Sendable {
        let version: Int
        let body: [UInt8]

        /// `"menu-<version>"`, quotes included.
        var etag: String { PublicMenuController.etag(version) }
    }

    private static let stored = Mutex<Entry?>(nil)

    /// The menu as of `currentVersion` or later. On a miss the menu and its version are read in
    /// one transaction (one snapshot), so the body always matches the version it is keyed by.
    static func menu(db: Connection, currentVersion: Int) throws -> Entry {
        if let entry = stored.withLock({ $0 }), entry.version >= currentVersion { return entry }
        let fresh = try db.transaction { db in
            let version = try MenuVersion(db: db).current()
            return Entry(version: version, body: try PublicMenu.load(db).json.serialized())
        }
        stored.withLock { entry in
            if entry.map({ $0.version < fresh.version }) ?? true { entry = fresh }
        }
        return fresh
    }
}
