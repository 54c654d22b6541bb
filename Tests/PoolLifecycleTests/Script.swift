#if canImport(Glibc)
import Glibc
#endif

/// Runs a script to its end, as a child with only stdin, stdout and stderr open.
///
/// Not Foundation's `Process`: the pool a script starts in the background would inherit the
/// other descriptors of this process, among them the socket `Process` watches to learn that
/// its child ended (so it would wait for the pool to exit) and the pipes `swift test` reads
/// (so `swift test` would not end while the pool runs).
enum Script {
    static func run(_ path: String, _ arguments: [String]) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard let closeFrom = closeFromAction else { throw PoolError("this libc has no posix_spawn_file_actions_addclosefrom_np") }
        guard closeFrom(&actions, 3) == 0 else { throw PoolError("posix_spawn_file_actions_addclosefrom_np failed") }

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw PoolError("cannot run \(path): \(String(cString: strerror(spawned)))") }

        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 { throw PoolError("waitpid for \(path) failed: \(String(cString: strerror(errno)))") }
            try await Task.sleep(for: .milliseconds(100))
        }
        // WIFEXITED / WEXITSTATUS, which Swift cannot import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which its headers declare
    /// only for _GNU_SOURCE, so Swift does not import it: looked up at run time instead.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFromAction: CloseFrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()
}
