import Logging
import PosHTTP
#if canImport(Glibc)
import Glibc
#endif

/// swift-log's handler for the services: one JSON object per line on standard error (the
/// scripts and the systemd units send it to the service's log file):
/// `{"time":"2026-11-25T09:30:00Z","level":"error","service":"menu","pid":42,"request_id":"…","message":"…","key":"value"}`.
/// Every value is JSON-escaped, so nothing a client sends (a username with a newline, a NUL)
/// can start a line of its own; `request_id` is the one nginx logs as `id=` in access.log.
/// Metadata follows the message, keys sorted. One write(2) per line, so lines from threads and
/// workers never interleave. Executables bootstrap it (`ServiceMain`); libraries only log.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logging.Logger.Metadata = [:]
    public var metadataProvider: Logging.Logger.MetadataProvider?
    public var logLevel: Logging.Logger.Level = .info
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logging.Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var members: [(String, JSON)] = [("time", .string(Clock.nowRFC3339())), ("level", .string(Self.name(event.level))),
                                         ("service", .string(label)), ("pid", .int(Int(getpid())))]
        if let requestID = merged.removeValue(forKey: "request_id") { members.append(("request_id", Self.json(requestID))) }
        members.append(("message", .string(event.message.description)))
        for key in merged.keys.sorted() { members.append((key, Self.json(merged[key]!))) }
        var line = JSON.object(members).serialized()
        line.append(UInt8(ascii: "\n"))
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The level names the logs have always had (`warning`, not swift-log's `warn`-style variants).
    private static func name(_ level: Logging.Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info, .notice: "info"
        case .warning: "warning"
        case .error, .critical: "error"
        }
    }

    private static func json(_ value: Logging.Logger.MetadataValue) -> JSON {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let number as Int): .int(number)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let members): .object(members.keys.sorted().map { ($0, json(members[$0]!)) })
        }
    }
}
