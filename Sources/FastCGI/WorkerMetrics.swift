#if canImport(Glibc)
import Glibc
#endif

/// A worker's side of the pool's metrics: its registry rendered by `emit`, written as this
/// process's snapshot every `publishMillis` by the worker's main thread, once more before it
/// exits, and on demand before a scrape (`MetricsSnapshots` adds them up).
public struct WorkerMetrics: Sendable {
    static let publishMillis = 250

    public let snapshots: MetricsSnapshots
    public let emit: @Sendable () -> [UInt8]

    public init(snapshots: MetricsSnapshots, emit: @escaping @Sendable () -> [UInt8]) {
        self.snapshots = snapshots
        self.emit = emit
    }

    /// Writes this process's snapshot now.
    public func publish() {
        snapshots.write(emit(), as: MetricsSnapshots.workerFile(getpid()))
    }

    /// Writes it only if it differs from `last` (the worker's main thread, every 250 ms: an idle
    /// worker writes nothing).
    func publish(ifChangedFrom last: inout [UInt8]) {
        let text = emit()
        guard text != last else { return }
        snapshots.write(text, as: MetricsSnapshots.workerFile(getpid()))
        last = text
    }
}
