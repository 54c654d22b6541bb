#if canImport(Glibc)
import Glibc
#endif

/// Writes one line per event to standard error (the scripts send it to the service's log file):
/// `2026-11-25T09:30:00Z error menu [request-id] message key=value`.
/// One write(2) per line, so lines from threads and workers never interleave.
public struct Logger: Sendable {
    public enum Level: String, Sendable { case info, warning, error }

    public let label: String

    public init(label: String) { self.label = label }

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
        var line = "\(Clock.nowRFC3339()) \(level.rawValue) \(label)"
        if !requestID.isEmpty { line += " [\(requestID)]" }
        line += " \(message)"
        for (key, value) in fields { line += " \(key)=\(value)" }
        line += "\n"
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
