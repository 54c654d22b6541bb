#if canImport(Glibc)
import Glibc
#endif

/// A pool's log file as its processes' standard output and standard error, reopened on SIGUSR1
/// the way nginx reopens its logs: logrotate renames the file, the manager and then each worker
/// open the path again, and the descriptor of the new file replaces 1 and 2 (`dup2`). A line
/// being written meanwhile finishes in the renamed file; every later one goes to the new file.
/// The manager opens it once at start; its workers inherit descriptors 1 and 2.
public struct LogFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Opens `path` for appending (creating it with mode 0640 when it is missing) and puts it on
    /// descriptors 1 and 2. Throws a `SystemError` naming the call that failed; descriptors 1 and
    /// 2 are then left as they were, so the process keeps writing where it wrote before.
    public func redirectStandardStreams() throws {
        let fd = try openForAppending()
        defer { close(fd) }
        try systemCall("dup2(\(path), 1)") { dup2(fd, STDOUT_FILENO) }
        try systemCall("dup2(\(path), 2)") { dup2(fd, STDERR_FILENO) }
    }

    private func openForAppending() throws -> Int32 {
        while true {
            let created = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
            if created >= 0 {
                // The unit's UMask (0077) would leave it 0600; its group may read it.
                fchmod(created, 0o640)
                return created
            }
            if errno == EINTR { continue }
            guard errno == EEXIST else { throw SystemError(function: "open(\(path))", code: errno) }
            let existing = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if existing >= 0 { return existing }
            // Renamed away between the two calls: create it after all.
            if errno == ENOENT || errno == EINTR { continue }
            throw SystemError(function: "open(\(path))", code: errno)
        }
    }
}
