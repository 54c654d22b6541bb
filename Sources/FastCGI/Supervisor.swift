#if canImport(Glibc)
import Glibc
#endif

/// Keeps the pool's worker processes alive and swaps them on reload; used only by
/// `WorkerPool` on the manager's thread.
struct Supervisor {
    let configuration: PoolConfiguration
    let listenFD: Int32
    let launcher: WorkerLauncher
    /// Live workers by pid.
    var workers: [pid_t: WorkerRecord] = [:]
    /// The generation new and respawned workers belong to; a reload serves with the next one.
    var generation = 1
    /// The highest generation ever started (a failed reload's number is not used again).
    var newestGeneration = 1
    /// The reload in progress, if any.
    var reload: PendingReload?
    /// Respawns waiting because their predecessor died young (crash loop guard).
    private var delayedRespawns: [(due: Double, slot: Int, generation: Int)] = []
    /// Where the pool's processes leave their metrics; nil when the pool keeps none.
    let snapshots: MetricsSnapshots?
    /// What the pool has done since it started (restarts, reloads), for `manager.prom`.
    var metrics: PoolMetrics?

    init(configuration: PoolConfiguration, listenFD: Int32, snapshots: MetricsSnapshots?) {
        self.configuration = configuration
        self.listenFD = listenFD
        self.launcher = WorkerLauncher(configuration: configuration, listenFD: listenFD)
        self.snapshots = snapshots
        self.metrics = snapshots.map { PoolMetrics(snapshots: $0, labels: configuration.metricsLabels) }
    }

    var slotCount: Int { max(1, configuration.workers) }

    mutating func superviseUntilStopped() {
        for slot in 1...slotCount { spawnWorker(slot: slot, generation: generation) }
        let watched = signalSet([SIGTERM, SIGINT, SIGCHLD, SIGHUP, SIGUSR1])
        while true {
            let signal = waitForSignal(watched, timeoutMillis: 50)
            if signal == SIGTERM || signal == SIGINT {
                configuration.log(.info, "manager received signal \(signal!); draining \(workers.count) workers")
                drain()
                return
            }
            if signal == SIGHUP { beginReload() }
            if signal == SIGUSR1 { reopenLogFile() }
            reapAndRespawn()
            spawnDelayed()
            readReadiness()
            advanceReload()
            metrics?.publish(alive: workers.count)
        }
    }

    private mutating func reapAndRespawn() {
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { return }
            guard let worker = workers.removeValue(forKey: pid) else { continue }
            close(worker.readyPipe)
            snapshots?.retire(pid: pid)
            let lived = monotonicSeconds() - worker.started
            if worker.retiring {
                configuration.log(.info, "worker \(pid) (generation \(worker.generation)) retired (\(describe(status))) after \(Int(lived * 1000)) ms")
                continue
            }
            if worker.generation != generation {
                // A worker of a reload in progress: no respawn, advanceReload calls the reload off.
                configuration.log(.error, "new worker \(pid) exited (\(describe(status))) before it was ready")
                continue
            }
            metrics?.workerRestarted()
            configuration.log(.warning, "worker \(pid) exited (\(describe(status))) after \(Int(lived * 1000)) ms; respawning")
            // A worker that dies at once (bad config, database down) is restarted after 0.5 s
            // so a crash loop cannot eat the CPU; any other death is replaced immediately.
            if lived < 1.0 {
                delayedRespawns.append((monotonicSeconds() + 0.5, worker.slot, worker.generation))
            } else {
                spawnWorker(slot: worker.slot, generation: worker.generation)
            }
        }
    }

    private mutating func spawnDelayed() {
        let now = monotonicSeconds()
        let due = delayedRespawns.filter { $0.due <= now }
        delayedRespawns.removeAll { $0.due <= now }
        // A respawn meant for a generation a reload has replaced since is dropped.
        for respawn in due where respawn.generation == generation {
            spawnWorker(slot: respawn.slot, generation: respawn.generation)
        }
    }

    mutating func spawnWorker(slot: Int, generation: Int) {
        do {
            let launched = try launcher.launch(slot: slot)
            workers[launched.pid] = WorkerRecord(slot: slot, generation: generation, started: monotonicSeconds(),
                                                 readyPipe: launched.readyPipe)
            configuration.log(.info, "worker \(slot) started as pid \(launched.pid) (generation \(generation))")
        } catch {
            configuration.log(.error, "\(error); retrying shortly")
            delayedRespawns.append((monotonicSeconds() + 0.5, slot, generation))
        }
    }

    /// SIGUSR1 (logrotate's postrotate, `scripts/reopen-logs`): the manager reopens its log file,
    /// then tells every worker to do the same. Workers started from now on inherit the new file.
    private func reopenLogFile() {
        guard let path = configuration.logFile else {
            configuration.log(.info, "SIGUSR1: no log file to reopen (the pool writes to the output it was given)")
            return
        }
        var failure: (any Error)?
        do { try LogFile(path: path).redirectStandardStreams() } catch { failure = error }
        // The workers are told either way: each opens the path itself, and logs how that went.
        for pid in workers.keys { kill(pid, SIGUSR1) }
        if let failure {
            configuration.log(.error, "log file not reopened, still writing to the old one: \(failure)")
        } else {
            configuration.log(.info, "log file reopened; \(workers.count) workers told to reopen it")
        }
    }

    /// Marks the workers that wrote their readiness byte (or closed the pipe by dying).
    private mutating func readReadiness() {
        for (pid, worker) in workers where !worker.ready {
            var byte: UInt8 = 0
            if read(worker.readyPipe, &byte, 1) == 1 { workers[pid]?.ready = true }
        }
    }

    /// Removes the socket path (nginx's new connects fail fast instead of queueing), asks
    /// every worker to finish what it has, and kills those still busy after the deadline.
    private mutating func drain() {
        unlink(configuration.socketPath)
        for (pid, worker) in workers where !worker.retiring { kill(pid, SIGTERM) }
        let deadline = monotonicSeconds() + configuration.drainSeconds + 1
        while !workers.isEmpty && monotonicSeconds() < deadline {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid > 0 {
                workers.removeValue(forKey: pid)
                snapshots?.retire(pid: pid)
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

/// One live worker process as its manager sees it.
struct WorkerRecord {
    /// 1…workers; a respawned or reloaded worker takes its predecessor's slot.
    let slot: Int
    let generation: Int
    /// Monotonic seconds.
    let started: Double
    let readyPipe: Int32
    /// It wrote its readiness byte: every thread accepts.
    var ready = false
    /// It was sent SIGUSR2: it accepts no more and exits once its requests are done.
    var retiring = false
}
