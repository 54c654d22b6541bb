import Prometheus

/// The manager's own metrics: what only it knows about the pool.
///
///     pos_pool_workers{service}                  worker processes alive (retiring ones too)
///     pos_pool_worker_restarts_total{service}    workers that died and were replaced
///     pos_pool_reloads_total{service}            reloads that swapped every worker
///     pos_pool_reload_failures_total{service}    reloads called off (the old workers stayed)
///
/// Written to the pool's `manager.prom` whenever a value changes.
struct PoolMetrics {
    private let registry = PrometheusCollectorRegistry()
    private let snapshots: MetricsSnapshots
    private let workers: Gauge
    private let restarts: Counter
    private let reloads: Counter
    private let reloadFailures: Counter
    private var published: (alive: Int, restarts: Int, reloads: Int, failures: Int)?
    private(set) var counts = (restarts: 0, reloads: 0, failures: 0)

    init(snapshots: MetricsSnapshots, labels: [(String, String)]) {
        self.snapshots = snapshots
        workers = registry.makeGauge(name: "pos_pool_workers", labels: labels, help: "Worker processes alive")
        restarts = registry.makeCounter(name: "pos_pool_worker_restarts_total", labels: labels,
                                        help: "Workers that died and were replaced")
        reloads = registry.makeCounter(name: "pos_pool_reloads_total", labels: labels,
                                       help: "Reloads that replaced every worker")
        reloadFailures = registry.makeCounter(name: "pos_pool_reload_failures_total", labels: labels,
                                              help: "Reloads called off because new workers did not start")
    }

    mutating func workerRestarted() {
        counts.restarts += 1
        restarts.increment()
    }

    mutating func reloaded() {
        counts.reloads += 1
        reloads.increment()
    }

    mutating func reloadFailed() {
        counts.failures += 1
        reloadFailures.increment()
    }

    /// Writes `manager.prom` if anything changed since the last time.
    mutating func publish(alive: Int) {
        let now = (alive, counts.restarts, counts.reloads, counts.failures)
        if let published, published == now { return }
        workers.set(Double(alive))
        snapshots.write(registry.emitToBuffer(), as: MetricsSnapshots.managerFile)
        published = now
    }
}
