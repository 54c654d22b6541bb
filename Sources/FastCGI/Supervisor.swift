#if canImport(Glibc)
import Glibc
#endif

/// Keeps the pool's worker processes alive; used only by `WorkerPool` on the manager's thread.
struct Supervisor {
    let configuration: PoolConfiguration
    let listenFD: Int32
    /// Live workers: pid → its slot (1…N, kept by its replacement) and when it started
    /// (monotonic seconds).
    private var workers: [pid_t: (slot: Int, started: Double)] = [:]
    /// Respawns waiting because their predecessor died young (crash loop guard).
    private var delayedRespawns: [(due: Double, slot: Int)] = []

    init(configuration: PoolConfiguration, listenFD: Int32) {
        self.configuration = configuration
        self.listenFD = listenFD
    }

    mutating func superviseUntilStopped() {
        for slot in 1...max(1, configuration.workers) { spawnWorker(slot: slot) }
        let watched = signalSet([SIGTERM, SIGINT, SIGCHLD])
        while true {
            let signal = waitForSignal(watched, timeoutMillis: 100)
            if signal == SIGTERM || signal == SIGINT {
                configuration.log(.info, "manager received signal \(signal!); draining \(workers.count) workers")
                drain()
                return
            }
            reapAndRespawn()
            spawnDelayed()
        }
    }

    private mutating func reapAndRespawn() {
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { return }
            guard let (slot, started) = workers.removeValue(forKey: pid) else { continue }
            let lived = monotonicSeconds() - started
            configuration.log(.warning, "worker \(pid) exited (\(describe(status))) after \(Int(lived * 1000)) ms; respawning")
            // A worker that dies at once (bad config, database down) is restarted after 0.5 s
            // so a crash loop cannot eat the CPU; any other death is replaced immediately.
            if lived < 1.0 {
                delayedRespawns.append((monotonicSeconds() + 0.5, slot))
            } else {
                spawnWorker(slot: slot)
            }
        }
    }

    private mutating func spawnDelayed() {
        let now = monotonicSeconds()
        let due = delayedRespawns.filter { $0.due <= now }
        delayedRespawns.removeAll { $0.due <= now }
        for respawn in due { spawnWorker(slot: respawn.slot) }
    }

    private mutating func spawnWorker(slot: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, listenFD, inheritedListenFD)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = signalSet([])
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = signalSet([SIGTERM, SIGINT, SIGCHLD, SIGHUP, SIGPIPE])
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // argv[0] and the slot make `ps` show "pos-order: worker 2"; the worker reads only argv[1...].
        let arguments = ["\(configuration.processTitle):"] + configuration.workerArguments + [String(slot)]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = currentEnvironment().filter { !$0.hasPrefix("\(listenFDEnvironmentKey)=") }
        environment.append("\(listenFDEnvironmentKey)=\(inheritedListenFD)")
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, &argv, &envp)
        if result != 0 {
            configuration.log(.error, "posix_spawn failed: \(String(cString: strerror(result))); retrying shortly")
            delayedRespawns.append((monotonicSeconds() + 0.5, slot))
            return
        }
        workers[pid] = (slot, monotonicSeconds())
        configuration.log(.info, "worker \(slot) started as pid \(pid)")
    }

    /// Removes the socket path (nginx's new connects fail fast instead of queueing), asks
    /// every worker to finish what it has, and kills those still busy after the deadline.
    private mutating func drain() {
        unlink(configuration.socketPath)
        for pid in workers.keys { kill(pid, SIGTERM) }
        let deadline = monotonicSeconds() + configuration.drainSeconds + 1
        while !workers.isEmpty && monotonicSeconds() < deadline {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid > 0 {
                workers.removeValue(forKey: pid)
                configuration.log(.info, "worker \(pid) finished (\(describe(status)))")
            } else {
                usleep(20_000)
            }
        }
        for pid in workers.keys {
            configuration.log(.warning, "worker \(pid) still busy after the drain deadline; killing it")
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(listenFD)
    }

    private func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exit code \((status >> 8) & 0xff)" }
        return "signal \(signal)"
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
