import FastCGI
#if canImport(Glibc)
import Glibc
#endif

/// Writes one JSON object per line to standard error (the scripts send it to the service's
/// log file):
/// `{"time":"2026-11-25T09:30:00Z","level":"error","service":"menu","request_id":"…","message":"…","key":"value"}`.
/// Every value is JSON-escaped, so nothing a client sends (a username with a newline, a NUL)
/// can start a line of its own; `request_id` is the one nginx logs as `id=` in access.log.
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
        var members: [(String, JSON)] = [("time", .string(Clock.nowRFC3339())), ("level", .string(level.rawValue)),
                                         ("service", .string(label)), ("pid", .int(Int(getpid())))]
        if !requestID.isEmpty { members.append(("request_id", .string(requestID))) }
        members.append(("message", .string(message)))
        for (key, value) in fields { members.append((key, .string(value))) }
        var line = JSON.object(members).serialized()
        line.append(UInt8(ascii: "\n"))
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The pool manager's and workers' own events, in the same format.
    public var poolSink: PoolLogSink {
        { level, message in
            log(Level(rawValue: level.rawValue) ?? .info, message, requestID: "", [])
        }
    }
}
