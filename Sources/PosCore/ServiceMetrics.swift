import FastCGI
import MariaDB
import Metrics
import PosHTTP
import Prometheus

/// What a service counts, through the swift-metrics API (names as Prometheus shows them; every
/// one also has `service="<name>"`, added by the factory):
///
///     pos_http_requests_total{route,method,status}         requests answered
///     pos_http_request_duration_seconds{route,method}      latency histogram (5 ms … 10 s)
///     pos_db_errors_total{kind}                            requests that failed on the database:
///                                                          unavailable, deadlock, out_of_space,
///                                                          commit_unknown, other
///     pos_db_reconnects_total, pos_db_deadlock_retries_total   (counted in the MariaDB module)
///     pos_idempotent_replays_total{route}                  stored answers replayed for a repeated key
///
/// `route` is the router's pattern (`/api/orders/:id/submit`), `unmatched` for 404/405, so a
/// client cannot create series by inventing paths.
public enum ServiceMetrics {
    /// Worker processes only: one Prometheus registry for this process, behind swift-metrics;
    /// returns what publishes it as this worker's snapshot. Call once, before any thread starts.
    static func bootstrap(service: String, directory: String) -> WorkerMetrics {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in (name, [("service", service)] + labels) }
        MetricsSystem.bootstrap(factory)
        // Series a scrape shows from the start, at 0, rather than from their first event.
        for label in ["pos_db_reconnects_total", "pos_db_deadlock_retries_total"] { Counter(label: label).increment(by: 0) }
        for kind in ["unavailable", "deadlock", "out_of_space", "commit_unknown", "other"] {
            Counter(label: "pos_db_errors_total", dimensions: [("kind", kind)]).increment(by: 0)
        }
        return WorkerMetrics(snapshots: MetricsSnapshots(directory: directory), emit: { registry.emitToBuffer() })
    }

    /// The `route` label of a request the router has seen.
    static func route(of request: HTTPRequest) -> String {
        request.routePattern.isEmpty ? "unmatched" : request.routePattern
    }

    static func recordRequest(_ request: HTTPRequest, route: String, status: Int, nanoseconds: Int64, replayed: Bool) {
        let method = request.method
        Counter(label: "pos_http_requests_total",
                dimensions: [("route", route), ("method", method), ("status", String(status))]).increment()
        Timer(label: "pos_http_request_duration_seconds", dimensions: [("route", route), ("method", method)])
            .recordNanoseconds(nanoseconds)
        if replayed {
            Counter(label: "pos_idempotent_replays_total", dimensions: [("route", route)]).increment()
        }
    }

    static func recordDatabaseError(_ error: DatabaseError) {
        let kind = if error.code == DatabaseError.commitOutcomeUnknown { "commit_unknown" }
            else if error.isOutOfSpace { "out_of_space" }
            else if error.isDeadlock { "deadlock" }
            else if error.isServerUnavailable { "unavailable" }
            else { "other" }
        Counter(label: "pos_db_errors_total", dimensions: [("kind", kind)]).increment()
    }
}
