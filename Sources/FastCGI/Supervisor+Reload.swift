#if canImport(Glibc)
import Glibc
#endif

/// A reload started by SIGHUP and not finished yet.
struct PendingReload {
    let generation: Int
    let started: Double
    let deadline: Double
}

/// Zero-downtime reload (SIGHUP), the nginx way: a new generation of workers starts from the
/// executable's path (a deployed binary), shares the listening socket with the old one, and
/// only once every new worker accepts are the old ones retired (SIGUSR2: stop accepting, finish,
/// exit). Nothing waiting in the backlog is lost, since the socket stays open throughout. If a
/// new worker dies first, or they are not all ready within `reloadTimeoutSeconds`, the reload is
/// called off: the new workers retire and the old ones keep serving.
extension Supervisor {
    static let reloadTimeoutSeconds = 30.0

    mutating func beginReload() {
        if let reload {
            configuration.log(.warning, "reload requested while generation \(reload.generation) is starting; ignored")
            return
        }
        let now = monotonicSeconds()
        newestGeneration += 1
        let next = newestGeneration
        reload = PendingReload(generation: next, started: now, deadline: now + Self.reloadTimeoutSeconds)
        configuration.log(.info, "reload: starting \(slotCount) workers of generation \(next) from \(launcher.executablePath)")
        for slot in 1...slotCount { spawnWorker(slot: slot, generation: next) }
    }

    mutating func advanceReload() {
        guard let pending = reload else { return }
        let fresh = workers.filter { $0.value.generation == pending.generation }
        let elapsed = Int((monotonicSeconds() - pending.started) * 1000)
        if fresh.count < slotCount || monotonicSeconds() > pending.deadline {
            for pid in fresh.keys { retire(pid) }
            reload = nil
            metrics?.reloadFailed()
            configuration.log(.error, "reload to generation \(pending.generation) failed after \(elapsed) ms "
                + "(\(fresh.values.filter(\.ready).count) of \(slotCount) new workers ready); generation \(generation) keeps serving")
            return
        }
        guard fresh.values.allSatisfy(\.ready) else { return }
        let old = workers.filter { $0.value.generation != pending.generation && !$0.value.retiring }
        for pid in old.keys { retire(pid) }
        generation = pending.generation
        reload = nil
        metrics?.reloaded()
        configuration.log(.info, "reload: generation \(generation) serving after \(elapsed) ms; retiring \(old.count) old workers")
    }

    private mutating func retire(_ pid: pid_t) {
        workers[pid]?.retiring = true
        kill(pid, SIGUSR2)
    }
}
