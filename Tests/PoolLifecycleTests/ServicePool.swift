import Foundation
import PosCoreTesting
#if canImport(Glibc)
import Glibc
#endif

/// A service's worker pool as the operating system sees it: the manager from
/// `$POS_VAR_DIR/run/<name>/<name>.pid`, its worker processes from /proc.
struct ServicePool {
    let name: String

    var pidFile: String { "\(TestEnvironment.varDirectory)/run/\(name)/\(name).pid" }
    var socketPath: String { "\(TestEnvironment.varDirectory)/run/\(name)/\(name).sock" }
    /// The pool's log file (`serve --log-file`, scripts/lib/common.sh's `service_log_file`).
    var logFile: String { "\(TestEnvironment.varDirectory)/log/\(name)/\(name).log" }

    func managerPID() throws -> pid_t {
        guard let text = Proc.read(pidFile), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw PoolError("no pid in \(pidFile)")
        }
        guard Proc.isRunning(pid) else { throw PoolError("the \(name) manager (pid \(pid)) is not running") }
        return pid
    }

    /// The manager's live (not zombie) child processes.
    func workers(of manager: pid_t) -> Set<pid_t> {
        Proc.children(of: manager).filter(Proc.isRunning)
    }

    /// Starts the pool again the way scripts/up does (`scripts/lib/start-service NAME`),
    /// with this process's environment (POS_VAR_DIR and the rest from scripts/test).
    /// Returns the script's exit status.
    func start() async throws -> Int32 {
        try await Script.run(TestEnvironment.repositoryRoot.appendingPathComponent("scripts/lib/start-service").path, [name])
    }

    func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

struct PoolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reading /proc (sizes there are 0, so files are read to the end with read(2)).
enum Proc {
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The command line as `ps` shows it: arguments joined by spaces.
    static func commandLine(_ pid: pid_t) -> String {
        (read("/proc/\(pid)/cmdline") ?? "").split(separator: "\0").joined(separator: " ")
    }

    /// The process state letter from /proc/PID/stat (R, S, Z, …); nil when there is no such process.
    static func state(_ pid: pid_t) -> Character? {
        guard let stat = read("/proc/\(pid)/stat"), let end = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: end)...].first { $0 != " " }
    }

    /// True when every thread of `pid` is stopped (state T), as after SIGSTOP has taken effect.
    static func allThreadsStopped(_ pid: pid_t) -> Bool {
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return !threads.isEmpty && threads.allSatisfy { state(pid_t($0) ?? 0) == "T" }
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = state(pid) else { return false }
        return state != "Z"
    }

    /// Children of every thread of `pid` (a child belongs to the thread that spawned it).
    static func children(of pid: pid_t) -> Set<pid_t> {
        let taskDirectory = "/proc/\(pid)/task"
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: taskDirectory)) ?? []
        var result = Set<pid_t>()
        for thread in threads {
            let list = read("\(taskDirectory)/\(thread)/children") ?? ""
            result.formUnion(list.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        }
        return result
    }
}

extension ServicePool {
    /// The services of scripts/lib/services, in its order.
    static var allServices: [String] {
        let file = TestEnvironment.repositoryRoot.appendingPathComponent("scripts/lib/services").path
        return (Proc.read(file) ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Sends SIGHUP to the manager and waits until as many workers as before run, none of them
    /// an old one; returns how long that took in seconds. Throws if it does not happen in time.
    func reload(within seconds: Double) async throws -> Double {
        let manager = try managerPID()
        let old = workers(of: manager)
        let clock = ContinuousClock()
        let started = clock.now
        guard kill(manager, SIGHUP) == 0 else { throw PoolError("cannot signal the \(name) manager (pid \(manager))") }
        let swapped = await eventually(within: seconds, every: 0.02) {
            let now = workers(of: manager)
            return now.count == old.count && now.isDisjoint(with: old)
        }
        guard swapped else { throw PoolError("\(name): old workers \(old.sorted()), now \(workers(of: manager).sorted())") }
        let elapsed = clock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The file the manager runs from (`/proc/PID/exe`).
    func executablePath(of pid: pid_t) throws -> String {
        var buffer = [CChar](repeating: 0, count: 4097)
        let length = readlink("/proc/\(pid)/exe", &buffer, 4096)
        guard length > 0 else { throw PoolError("cannot read /proc/\(pid)/exe") }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The stack's nginx, from `$POS_VAR_DIR/nginx/nginx.pid`.
enum Gateway {
    static var directory: String { TestEnvironment.varDirectory + "/nginx" }

    /// `nginx -s reload` for the stack's config; waits until the master runs only new workers.
    /// Returns the seconds that took.
    static func reload(within seconds: Double) async throws -> Double {
        guard let text = Proc.read(directory + "/nginx.pid"), let master = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              Proc.isRunning(master) else { throw PoolError("no running nginx in \(directory)/nginx.pid") }
        let old = Proc.children(of: master).filter(Proc.isRunning)
        let clock = ContinuousClock()
        let started = clock.now
        let status = try await Script.run("/usr/sbin/nginx", ["-p", directory + "/", "-c", directory + "/nginx.conf", "-q", "-s", "reload"])
        guard status == 0 else { throw PoolError("nginx -s reload exited with \(status)") }
        let swapped = await eventually(within: seconds, every: 0.02) {
            let now = Proc.children(of: master).filter(Proc.isRunning)
            return !now.isEmpty && now.isDisjoint(with: old)
        }
        guard swapped else { throw PoolError("nginx: old workers \(old.sorted()) still running") }
        let elapsed = clock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
