#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system or libfcgi call, with the function's name and its error code.
public struct SystemError: Error, CustomStringConvertible {
    public let function: String
    public let code: Int32

    public var description: String {
        "\(function) failed: \(String(cString: strerror(code))) (\(code))"
    }
}

/// Runs a call that returns -1 and sets errno on failure; retries on EINTR.
@discardableResult
func systemCall(_ function: String, _ body: () -> Int32) throws -> Int32 {
    while true {
        let result = body()
        if result != -1 { return result }
        if errno == EINTR { continue }
        throw SystemError(function: function, code: errno)
    }
}

/// A signal set built from a list of signal numbers.
func signalSet(_ signals: [Int32]) -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in signals { sigaddset(&set, signal) }
    return set
}

/// Waits up to `timeoutMillis` for one of `set`; returns the signal number or nil on timeout.
func waitForSignal(_ set: sigset_t, timeoutMillis: Int) -> Int32? {
    var set = set
    var timeout = timespec(tv_sec: timeoutMillis / 1000, tv_nsec: (timeoutMillis % 1000) * 1_000_000)
    let signal = sigtimedwait(&set, nil, &timeout)
    return signal > 0 ? signal : nil
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// How bad a pool event is.
public enum PoolLogLevel: String, Sendable {
    case info, warning, error
}

/// Where a pool's own events go (worker started, exited, draining). A service passes its
/// logger, so these lines have the same structured format as its request logs.
public typealias PoolLogSink = @Sendable (PoolLogLevel, String) -> Void

/// The sink for programs that pass none: one plain line per event on standard error.
public let standardErrorPoolLog: PoolLogSink = { level, message in
    // One write(2) per line so lines from threads and processes do not interleave.
    let line = Array("[\(getpid())] \(level.rawValue) \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// The receive timeout of a socket (`SO_RCVTIMEO`); on a listening socket it bounds accept(2).
enum AcceptTimeout {
    static func set(on fd: Int32, milliseconds: Int) throws {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        try systemCall("setsockopt(SO_RCVTIMEO)") {
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
    }
}
