import FastCGI
import PosHTTP

/// `GET /metrics/<service>`: the whole pool's metrics in Prometheus text format, every worker's
/// snapshot and the manager's added up (`MetricsSnapshots`). nginx passes it only from the
/// loopback address (nginx/gateway.conf, README "Metrics"), so it takes no token.
enum MetricsRoute {
    static func register(_ router: inout Router, service: String, metrics: WorkerMetrics) {
        router.get("/metrics/\(service)") { _, _ in
            metrics.publish()
            return .text(metrics.snapshots.aggregate(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}
