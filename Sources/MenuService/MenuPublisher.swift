import MariaDB
import PosCore
import PosHTTP
#if canImport(Glibc)
import Glibc
#endif

/// Writes the public menu and every item as files nginx serves by itself (`PublishedMenu`):
/// the same bytes the service answers (`GET /api/menu`, `GET /api/menu/items/{id}`), with
/// gzip copies. Published after every menu change the service commits (`MenuVersion.bump`)
/// and, by a watcher thread in each worker, within `pollInterval` of any other change of
/// `menu_state.version` (stock taken by orders, whose service removes the stale files at once).
struct MenuPublisher {
    let files: PublishedMenu
    let db: Connection

    /// How often the watcher compares `menu_state.version` with what was published.
    static let pollMicroseconds: UInt32 = 200_000

    /// Publishes the menu as it is now, unless the files already show its version (`force`:
    /// even then, e.g. once at start, as the database may have been restored meanwhile). Reads
    /// one snapshot under the publication lock, so concurrent publishers (other workers) never
    /// leave an older menu behind a newer one.
    func publish(force: Bool = false) throws {
        try files.withLock {
            let snapshot = try db.transaction { db in
                (version: try MenuVersion(db: db).current(),
                 menu: try PublicMenu.load(db).json.serialized(),
                 items: try ItemRepository(db: db).allItems().map { ($0.id, $0.json.serialized()) })
            }
            if !force, let published = files.published(), published.version == snapshot.version, files.hasMenu { return }
            let stamp = files.nextStamp(now: time(nil))
            for (id, body) in snapshot.items {
                try files.write(files.itemPath(id), body: body, gzip: Gzip.compress(body), stamp: stamp)
            }
            files.removeItems(except: Set(snapshot.items.map(\.0)))
            try files.write(files.menuPath, body: snapshot.menu, gzip: Gzip.compress(snapshot.menu), stamp: stamp)
            try files.recordPublished(version: snapshot.version, stamp: stamp)
        }
    }

    /// Publishes when `menu_state.version` differs from what the files show or the menu file
    /// is missing: one small query otherwise.
    func publishIfChanged() throws {
        let version = try MenuVersion(db: db).current()
        if let published = files.published(), published.version == version, files.hasMenu { return }
        try publish()
    }

    /// After a change the service committed. A failure must not fail the change: the stale
    /// files are removed instead, so nginx asks the service until the watcher publishes again.
    func publishAfterChange() {
        do {
            try publish()
        } catch {
            try? files.invalidate()
        }
    }

    /// Starts the watcher thread of this worker process (with its own connection).
    static func startWatcher(_ files: PublishedMenu, database: DatabaseConfiguration, logger: Logger) {
        let context = Unmanaged.passRetained(WatcherContext(files: files, database: database, logger: logger)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, menuWatcherMain, context)
        guard result == 0 else {
            Unmanaged<WatcherContext>.fromOpaque(context).release()
            logger.error("menu publisher: pthread_create failed (\(result)); nginx asks the service for the menu")
            return
        }
        pthread_detach(thread)
    }
}

private final class WatcherContext: Sendable {
    let files: PublishedMenu
    let database: DatabaseConfiguration
    let logger: Logger

    init(files: PublishedMenu, database: DatabaseConfiguration, logger: Logger) {
        self.files = files
        self.database = database
        self.logger = logger
    }
}

/// Thread entry: a global function (see stack-notes on closures and `pthread_create`).
private func menuWatcherMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let context = Unmanaged<WatcherContext>.fromOpaque(context!).takeRetainedValue()
    let publisher = MenuPublisher(files: context.files, db: Connection(connectingLazily: context.database))
    var lastError = ""
    var started = false
    while true {
        do {
            if started {
                try publisher.publishIfChanged()
            } else {
                try publisher.publish(force: true)
                started = true
            }
            if !lastError.isEmpty { context.logger.info("menu publisher: publishing again") }
            lastError = ""
        } catch {
            let text = "\(error)"
            if text != lastError { context.logger.warning("menu publisher: \(text); nginx asks the service meanwhile") }
            lastError = text
        }
        usleep(MenuPublisher.pollMicroseconds)
    }
}
