#if canImport(Glibc)
import Glibc
#endif

/// How a pre-fork pool's metrics add up: one folder per pool, one file per process.
///
/// - Each worker writes its whole registry as exposition text to `worker-<pid>.prom` every
///   250 ms and once more as it exits (write to a temporary file, then rename: a reader sees
///   the old or the new snapshot, never half of one).
/// - The manager writes `manager.prom` (workers alive, restarts, reloads) when it changes.
/// - When the manager reaps a worker it folds that worker's last snapshot into `retired.prom`
///   (counters and histograms only) and removes it, so the pool's counters never go backwards
///   when a worker exits, is killed or is replaced by a reload.
/// - A scrape adds up every file. Folding takes an exclusive `flock` on `lock`, a scrape a
///   shared one, so no scrape sees a worker both in its own file and in `retired.prom`.
///
/// A worker's counts are at most 250 ms old in a scrape (the scraping worker's are current);
/// a worker killed by SIGKILL loses what it counted since its last snapshot.
public struct MetricsSnapshots: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The worker's file name for `pid`.
    public static func workerFile(_ pid: pid_t) -> String { "worker-\(pid).prom" }
    static let managerFile = "manager.prom"
    static let retiredFile = "retired.prom"

    /// Manager, at start: the folder exists (0700: only the pool's own user reads its metrics),
    /// without the files of an earlier run (a new manager starts its counters at zero).
    func prepare() throws {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw SystemError(function: "mkdir(\(directory))", code: errno)
        }
        for name in fileNames() where name.hasSuffix(".prom") || name.hasSuffix(".tmp") {
            unlink(directory + "/" + name)
        }
    }

    /// Replaces `name` with `text` atomically.
    public func write(_ text: [UInt8], as name: String) {
        let path = directory + "/" + name
        let temporary = path + ".\(getpid()).\(UInt64(monotonicSeconds() * 1e9)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var written = 0
        text.withUnsafeBytes { bytes in
            while written < bytes.count {
                let result = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if result <= 0 { break }
                written += result
            }
        }
        close(fd)
        if written == text.count { rename(temporary, path) } else { unlink(temporary) }
    }

    /// Manager, after reaping `pid`: its last snapshot joins `retired.prom`.
    func retire(pid: pid_t) {
        let path = directory + "/" + Self.workerFile(pid)
        guard let snapshot = try? readFile(path) else { return }
        withLock(LOCK_EX) {
            var sum = PrometheusText()
            if let retired = try? readFile(directory + "/" + Self.retiredFile) { sum.add(retired) }
            sum.add(snapshot, countersOnly: true)
            write(Array(sum.rendered().utf8), as: Self.retiredFile)
            unlink(path)
        }
    }

    /// Every process's snapshot added up, as exposition text.
    public func aggregate() -> String {
        withLock(LOCK_SH) {
            var sum = PrometheusText()
            for name in fileNames().sorted() where name.hasSuffix(".prom") {
                if let text = try? readFile(directory + "/" + name) { sum.add(text) }
            }
            return sum.rendered()
        }
    }

    private func withLock<T>(_ operation: Int32, _ body: () -> T) -> T {
        let fd = open(directory + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            while flock(fd, operation) != 0 && errno == EINTR {}
        }
        defer { if fd >= 0 { close(fd) } }
        return body()
    }

    private func fileNames() -> [String] {
        guard let folder = opendir(directory) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// A whole file as UTF-8 text, however long (unlike `readSmallFile`).
func readFile(_ path: String) throws -> String {
    let fd = try systemCall("open(\(path))") { open(path, O_RDONLY | O_CLOEXEC) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(fd, &buffer, buffer.count)
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { throw SystemError(function: "read(\(path))", code: errno) }
        if count == 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}
