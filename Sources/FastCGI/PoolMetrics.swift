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
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "pos", subsystem: "pool", metricName: metric, unitName: unit, helpText: help)
        }
        workers = registry.makeGauge(descriptor: name("workers", "", "Worker processes alive"), labels: labels)
        restarts = registry.makeCounter(descriptor: name("worker_restarts", "total", "Workers that died and were replaced"),
                                        labels: labels)
        reloads = registry.makeCounter(descriptor: name("reloads", "total", "Reloads that replaced every worker"), labels: labels)
        reloadFailures = registry.makeCounter(
            descriptor: name("reload_failures", "total", "Reloads called off because new workers did not start"), labels: labels)
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
