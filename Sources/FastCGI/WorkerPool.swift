import CFastCGI
#if canImport(Glibc)
import Glibc
#endif

/// How a pool manager runs: php-fpm style, one process owning the socket and N workers.
public struct PoolConfiguration: Sendable {
    /// Unix socket path nginx connects to.
    public var socketPath: String
    /// Group that may connect (nginx's worker user); the socket is made 0660.
    public var socketGroup: String?
    public var workers: Int
    /// Where the manager writes its pid; removed on a clean exit.
    public var pidFile: String?
    /// How long workers get to finish in-flight requests after SIGTERM before SIGKILL.
    public var drainSeconds: Double
    /// Arguments a worker is started with (the manager's own executable is re-run).
    public var workerArguments: [String]
    /// What `ps` shows for a worker: `"\(processTitle): worker 2"` (argv[0] and the slot).
    public var processTitle: String
    /// The folder of the pool's metrics (`MetricsSnapshots`); nil: the pool keeps none.
    public var metricsDirectory: String?
    /// Labels on the manager's own metrics (`service`).
    public var metricsLabels: [(String, String)]
    /// The log file the manager put on its standard output and error (`LogFile`), which it and
    /// its workers reopen on SIGUSR1; nil: they write where they were started writing.
    public var logFile: String?
    public var log: PoolLogSink

    public init(socketPath: String, socketGroup: String?, workers: Int, pidFile: String?,
                drainSeconds: Double, workerArguments: [String], processTitle: String,
                metricsDirectory: String? = nil, metricsLabels: [(String, String)] = [],
                logFile: String? = nil, log: @escaping PoolLogSink = standardErrorPoolLog) {
        self.processTitle = processTitle
        self.logFile = logFile
        self.metricsDirectory = metricsDirectory
        self.metricsLabels = metricsLabels
        self.log = log
        self.socketPath = socketPath
        self.socketGroup = socketGroup
        self.workers = workers
        self.pidFile = pidFile
        self.drainSeconds = drainSeconds
        self.workerArguments = workerArguments
    }
}

/// The environment variable that tells a worker which inherited descriptor is the socket.
public let listenFDEnvironmentKey = "POS_LISTEN_FD"
let inheritedListenFD: Int32 = 3

/// The manager side of a pool. It opens the socket, keeps `workers` processes alive
/// (respawning one that dies, at once unless it died young), on SIGHUP replaces them without
/// losing a request (`Supervisor+Reload`), on SIGUSR1 reopens its log file and has every worker
/// do the same (`LogFile`), and on SIGTERM or SIGINT removes the socket path so
/// no new connection arrives, lets the workers drain, and exits.
public enum WorkerPool {
    public static func run(_ configuration: PoolConfiguration) -> Never {
        do {
            try refuseIfAlreadyRunning(pidFile: configuration.pidFile)
            let listenFD = try openSocket(configuration)
            var blocked = signalSet([SIGTERM, SIGINT, SIGCHLD, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE])
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            if let pidFile = configuration.pidFile { try writePidFile(pidFile) }
            let snapshots = configuration.metricsDirectory.map(MetricsSnapshots.init(directory:))
            try snapshots?.prepare()
            var supervisor = Supervisor(configuration: configuration, listenFD: listenFD, snapshots: snapshots)
            supervisor.superviseUntilStopped()
            if let pidFile = configuration.pidFile { unlink(pidFile) }
            configuration.log(.info, "pool for \(configuration.socketPath) stopped")
            exit(0)
        } catch {
            configuration.log(.error, "pool could not start: \(error)")
            exit(1)
        }
    }

    /// libfcgi unlinks an existing socket path before binding: a second manager would silently
    /// steal the first one's socket, so a live pid in the pid file stops us.
    private static func refuseIfAlreadyRunning(pidFile: String?) throws {
        guard let pidFile, let text = try? readSmallFile(pidFile),
              let pid = Int32(text.filter { !$0.isWhitespace }), pid > 0 else { return }
        if kill(pid, 0) == 0 {
            throw SystemError(function: "pool already running as pid \(pid) (\(pidFile))", code: EEXIST)
        }
    }

    private static func openSocket(_ configuration: PoolConfiguration) throws -> Int32 {
        let fd = FCGX_OpenSocket(configuration.socketPath, 1024)
        guard fd >= 0 else { throw SystemError(function: "FCGX_OpenSocket(\(configuration.socketPath))", code: errno) }
        var groupID: gid_t = getegid()
        if let name = configuration.socketGroup, !name.isEmpty {
            guard let group = getgrnam(name) else {
                throw SystemError(function: "getgrnam(\(name))", code: ENOENT)
            }
            groupID = group.pointee.gr_gid
        }
        try systemCall("chown(\(configuration.socketPath))") { chown(configuration.socketPath, geteuid(), groupID) }
        try systemCall("chmod(\(configuration.socketPath))") { chmod(configuration.socketPath, 0o660) }
        return fd
    }

    private static func writePidFile(_ path: String) throws {
        let text = "\(getpid())\n"
        let fd = try systemCall("open(\(path))") { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        defer { close(fd) }
        _ = text.withCString { write(fd, $0, strlen($0)) }
    }
}

func readSmallFile(_ path: String) throws -> String {
    let fd = try systemCall("open(\(path))") { open(path, O_RDONLY | O_CLOEXEC) }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(fd, &buffer, buffer.count)
    guard count >= 0 else { throw SystemError(function: "read(\(path))", code: errno) }
    return String(decoding: buffer[0..<count], as: UTF8.self)
}
