#if canImport(Glibc)
import Glibc
#endif

/// The environment variable that tells a worker which inherited descriptor to write its
/// readiness byte to (see `WorkerConfiguration.readyFD`).
public let readyFDEnvironmentKey = "POS_READY_FD"
let inheritedReadyFD: Int32 = 4

/// A worker process just started: its pid, and the read end of the pipe it writes one byte to
/// once it accepts (non-blocking; EOF means it died first).
struct LaunchedWorker {
    let pid: pid_t
    let readyPipe: Int32
}

/// Starts worker processes: the pool's executable re-run with the socket as descriptor 3 and a
/// readiness pipe as descriptor 4, signals at their defaults and unblocked but SIGUSR1: a log
/// reopen the manager forwards before the worker waits for signals stays pending until it does,
/// instead of killing it (SIGUSR1's default action).
struct WorkerLauncher {
    /// The executable's path as it was at start. A deploy replaces the file at this path
    /// (`install`/`mv`), so a worker started after a reload runs the new binary, where
    /// /proc/self/exe would still name the manager's own, now deleted, file.
    let executablePath: String
    let processTitle: String
    let workerArguments: [String]
    let listenFD: Int32

    init(configuration: PoolConfiguration, listenFD: Int32) {
        self.executablePath = Self.ownExecutablePath()
        self.processTitle = configuration.processTitle
        self.workerArguments = configuration.workerArguments
        self.listenFD = listenFD
    }

    /// Starts the worker for `slot`; throws when the pipe or posix_spawn fails.
    func launch(slot: Int) throws -> LaunchedWorker {
        var ends: [Int32] = [-1, -1]
        // pipe2 is _GNU_SOURCE only; the manager is one thread, so nothing can fork in between.
        try systemCall("pipe") { pipe(&ends) }
        defer { close(ends[1]) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, listenFD, inheritedListenFD)
        posix_spawn_file_actions_adddup2(&actions, ends[1], inheritedReadyFD)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var childMask = signalSet([SIGUSR1])
        posix_spawnattr_setsigmask(&attributes, &childMask)
        var defaults = signalSet([SIGTERM, SIGINT, SIGCHLD, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE])
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // argv[0] and the slot make `ps` show "pos-order: worker 2"; the worker reads only argv[1...].
        let arguments = ["\(processTitle):"] + workerArguments + [String(slot)]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let ours = [listenFDEnvironmentKey, readyFDEnvironmentKey].map { "\($0)=" }
        var environment = currentEnvironment().filter { entry in !ours.contains { entry.hasPrefix($0) } }
        environment.append("\(listenFDEnvironmentKey)=\(inheritedListenFD)")
        environment.append("\(readyFDEnvironmentKey)=\(inheritedReadyFD)")
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, executablePath, &actions, &attributes, &argv, &envp)
        if result != 0 {
            close(ends[0])
            throw SystemError(function: "posix_spawn(\(executablePath))", code: result)
        }
        return LaunchedWorker(pid: pid, readyPipe: ends[0])
    }

    private static func ownExecutablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return "/proc/self/exe" }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.hasSuffix(" (deleted)") ? "/proc/self/exe" : path
    }
}

private func currentEnvironment() -> [String] {
    var result: [String] = []
    var entry = environ
    while let pointer = entry.pointee {
        result.append(String(cString: pointer))
        entry += 1
    }
    return result
}
