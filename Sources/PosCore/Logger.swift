import FastCGI
import Logging
import PosHTTP

/// The services' logger: swift-log's `Logger` underneath (its handler, bootstrapped by
/// `ServiceMain`, is `JSONLogHandler`), with the call shape the services use: a message, the
/// request id nginx assigned, and string fields, all of which become swift-log metadata.
public struct Logger: Sendable {
    public enum Level: String, Sendable { case info, warning, error }

    public let label: String
    private let backend: Logging.Logger

    public init(label: String) {
        self.label = label
        self.backend = Logging.Logger(label: label)
    }

    public func info(_ message: String, requestID: String = "", _ fields: [(String, String)] = []) {
        log(.info, message, requestID: requestID, fields)
    }

    public func warning(_ message: String, requestID: String = "", _ fields: [(String, String)] = []) {
        log(.warning, message, requestID: requestID, fields)
    }

    public func error(_ message: String, requestID: String = "", _ fields: [(String, String)] = []) {
        log(.error, message, requestID: requestID, fields)
    }

    public func log(_ level: Level, _ message: String, requestID: String, _ fields: [(String, String)]) {
        var metadata: Logging.Logger.Metadata = [:]
        if !requestID.isEmpty { metadata["request_id"] = .string(requestID) }
        for (key, value) in fields { metadata[key] = .string(value) }
        let swiftLevel: Logging.Logger.Level = switch level {
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
        backend.log(level: swiftLevel, "\(message)", metadata: metadata)
    }

    /// The one line per request (`RequestDispatcher`): `"message":"request"` with `route` (the
    /// router's pattern, `unmatched` for 404/405), `method`, `status`, `duration_us` and, when a
    /// staff member made it, `staff_id`. Numbers stay JSON numbers.
    func request(_ request: HTTPRequest, route: String, status: Int, microseconds: Int) {
        var metadata: Logging.Logger.Metadata = [
            "route": .string(route), "method": .string(request.method),
            "status": .stringConvertible(status), "duration_us": .stringConvertible(microseconds),
        ]
        if !request.requestID.isEmpty { metadata["request_id"] = .string(request.requestID) }
        if let staff = request.identity { metadata["staff_id"] = .stringConvertible(staff.staffID) }
        backend.info("request", metadata: metadata)
    }

    /// The pool manager's and workers' own events, in the same format.
    public var poolSink: PoolLogSink {
        { level, message in
            log(Level(rawValue: level.rawValue) ?? .info, message, requestID: "", [])
        }
    }

    /// Executables only, once, before the first `Logger` is made: every line in JSON.
    public static func bootstrapJSON() {
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
    }
}
