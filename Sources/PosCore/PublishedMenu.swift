#if canImport(Glibc)
import Glibc
#endif

/// The public menu as files that nginx serves without asking the menu service
/// (`nginx/api.d/menu.conf`): `api/menu.json` and `api/menu/items/<id>.json` under
/// `directory`, each with a gzip copy (`.gz`, for `gzip_static`), and `version` (the
/// `menu_state.version` they show and the time stamp they carry).
///
/// The menu service writes them after every change it commits and whenever `menu_state.version`
/// moved on otherwise (`MenuPublisher`); the order service removes the menu and the items whose
/// stock it changed once that change is committed, so nginx asks the menu service (which reads
/// the database) until they are written again. Writers and removers hold one lock (`flock` on
/// `.lock`): a removal never interleaves with the writing of an older snapshot.
///
/// nginx's ETag for a file is its modification time and size: every publication stamps its
/// files with a time later than the one before (`nextStamp`), so two different menus never
/// share an ETag.
public struct PublishedMenu: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// From `POS_MENU_PUBLISH_DIR`; nil when unset (nothing is published, nginx asks the service).
    public static let configured: PublishedMenu? = ProcessEnvironment()["POS_MENU_PUBLISH_DIR"]
        .flatMap { $0.isEmpty ? nil : PublishedMenu(directory: $0) }

    public var menuPath: String { directory + "/api/menu.json" }
    public func itemPath(_ id: Int) -> String { directory + "/api/menu/items/\(id).json" }
    var itemsDirectory: String { directory + "/api/menu/items" }
    var versionPath: String { directory + "/version" }

    /// Runs `body` holding the publication lock (blocking until it is free).
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        try makeDirectories()
        let fd = open(directory + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o664)
        guard fd >= 0 else { throw PublishError("open \(directory)/.lock", errno) }
        fchmod(fd, 0o664) // both pools open it for writing; fails harmlessly when not ours
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw PublishError("flock", errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The version and stamp of the last publication, if any.
    public func published() -> (version: Int, stamp: Int)? {
        guard let text = try? readSmallFile(versionPath) else { return nil }
        let parts = text.split(separator: " ").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// Whether the menu file is there (it is removed when the files are out of date).
    public var hasMenu: Bool { access(menuPath, F_OK) == 0 }

    /// A stamp for the next publication: now, or one second past the last one if that is later.
    public func nextStamp(now: Int) -> Int {
        max(now, (published()?.stamp ?? 0) + 1)
    }

    /// Writes `body` to `path` (and `gzip` to `path.gz`, or removes a stale one) with modification
    /// time `stamp`, each through a temporary file and a rename: a reader sees the old file or
    /// the new one, never a part.
    public func write(_ path: String, body: [UInt8], gzip: [UInt8]?, stamp: Int) throws {
        try writeFile(path, body, stamp: stamp)
        if let gzip { try writeFile(path + ".gz", gzip, stamp: stamp) } else { unlink(path + ".gz") }
    }

    /// Records what was published (call last, after the files).
    public func recordPublished(version: Int, stamp: Int) throws {
        try writeFile(versionPath, Array("\(version) \(stamp)\n".utf8), stamp: stamp)
    }

    /// Removes the files of items not in `keep` (deleted items: nginx asks the service, which says 404).
    public func removeItems(except keep: Set<Int>) {
        guard let dir = opendir(itemsDirectory) else { return }
        defer { closedir(dir) }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let id = Int(name.split(separator: ".").first ?? ""), !keep.contains(id) else { continue }
            stale.append(itemsDirectory + "/" + name)
        }
        for path in stale { unlink(path) }
    }

    /// Removes the menu and the files of `itemIDs` (of every item when nil) under the lock, so
    /// nginx asks the menu service until they are published again. For a change of the menu's
    /// data made outside the menu service (stock), once that change is committed, and for a
    /// publication that failed.
    public func invalidate(itemIDs: [Int]? = nil) throws {
        try withLock {
            for path in [menuPath] + (itemIDs ?? []).map(itemPath) {
                unlink(path)
                unlink(path + ".gz")
            }
            if itemIDs == nil { removeItems(except: []) }
        }
    }

    private func makeDirectories() throws {
        var path = directory
        for component in ["", "/api", "/menu", "/items"] {
            path += component
            if mkdir(path, 0o755) == 0 {
                // Group-writable (the folder's group, inherited through its set-group-id bit):
                // the order pool, another user in that group, removes what goes stale.
                chmod(path, 0o2775)
            } else if errno != EEXIST {
                throw PublishError("mkdir \(path)", errno)
            }
        }
    }

    private func writeFile(_ path: String, _ bytes: [UInt8], stamp: Int) throws {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("open \(temporary)", errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = PublishError("write \(temporary)", errno)
                close(fd)
                unlink(temporary)
                throw error
            }
            written += count
        }
        fchmod(fd, 0o644)
        var times = [timespec(tv_sec: stamp, tv_nsec: 0), timespec(tv_sec: stamp, tv_nsec: 0)]
        let stamped = futimens(fd, &times)
        close(fd)
        guard stamped == 0, rename(temporary, path) == 0 else {
            let error = PublishError("stamp or rename \(temporary)", errno)
            unlink(temporary)
            throw error
        }
    }

    private func readSmallFile(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PublishError("open \(path)", errno) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw PublishError("read \(path)", errno) }
        return String(decoding: buffer.prefix(count), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}

/// A file operation of `PublishedMenu` failed: the function and errno.
public struct PublishError: Error, CustomStringConvertible {
    public let description: String

    init(_ operation: String, _ code: Int32) {
        description = "\(operation): \(String(cString: strerror(code)))"
    }
}
