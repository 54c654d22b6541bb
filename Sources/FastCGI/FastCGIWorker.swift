import CFastCGI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How a worker process serves requests from the socket it inherited from its manager.
public struct WorkerConfiguration: Sendable {
    /// The listening socket, inherited from the manager.
    public var listenFD: Int32
    /// Threads accepting in this process; each builds its own handler (and database connection).
    public var threads: Int
    /// Bodies longer than this are refused with `bodyTooLarge` instead of being read.
    public var maxBodyBytes: Int
    /// How long in-flight requests may take to finish after SIGTERM or SIGUSR2.
    public var drainSeconds: Double
    /// Where the worker writes one byte once every thread has its handler and accepts (the
    /// manager's reload waits for it); nil when the manager gave none.
    public var readyFD: Int32?
    /// The worker's registry and where its snapshots go; nil: no metrics.
    public var metrics: WorkerMetrics?
    /// The pool's log file (inherited as descriptors 1 and 2), reopened on SIGUSR1; nil: none.
    public var logFile: String?
    public var log: PoolLogSink

    public init(listenFD: Int32, threads: Int, maxBodyBytes: Int, drainSeconds: Double, readyFD: Int32? = nil,
                metrics: WorkerMetrics? = nil, logFile: String? = nil, log: @escaping PoolLogSink = standardErrorPoolLog) {
        self.log = log
        self.logFile = logFile
        self.metrics = metrics
        self.listenFD = listenFD
        self.readyFD = readyFD
        self.threads = threads
        self.maxBodyBytes = maxBodyBytes
        self.drainSeconds = drainSeconds
    }
}

/// The worker side of a pool: N threads in `FCGX_Accept_r`, and the main thread waiting for
/// signals. SIGUSR1 reopens the log file (`LogFile`) and goes on serving. Two ways to stop:
/// - SIGTERM (the pool stops): keep accepting until nothing is in flight and the backlog is
///   empty, then exit; the manager has removed the socket path, so the backlog only shrinks.
/// - SIGUSR2 (retire, a reload: newer workers share the socket): stop accepting at once, finish
///   the requests already accepted, exit. What waits in the backlog is left to the newer workers.
public enum FastCGIWorker {
    /// Serves until SIGTERM or SIGUSR2 (or until the manager disappears), then exits the process.
    /// `makeHandler` runs once on each accept thread; if it throws, the process exits with 1
    /// and the manager starts a fresh worker.
    public static func run(
        _ configuration: WorkerConfiguration,
        makeHandler: @escaping @Sendable () throws -> FastCGIHandler
    ) -> Never {
        // Block the signals before any thread exists so every thread inherits the mask and only
        // the sigwait below sees them (libfcgi's own handlers would just set a flag).
        var blocked = signalSet([SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE])
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        guard FCGX_Init() == 0 else {
            configuration.log(.error, "FCGX_Init failed")
            exit(1)
        }
        // accept(2) returns EAGAIN after this long without a connection (libfcgi hands that back
        // as a failed FCGX_Accept_r), so an idle accept thread notices a retirement in time.
        do {
            try AcceptTimeout.set(on: configuration.listenFD, milliseconds: acceptPollMillis)
        } catch {
            configuration.log(.error, "\(error)")
            exit(1)
        }
        let manager = getppid()
        let state = WorkerState(configuration: configuration, makeHandler: makeHandler)
        for _ in 0..<max(1, configuration.threads) {
            startThread(state)
        }

        let watched = signalSet([SIGTERM, SIGINT, SIGUSR1, SIGUSR2])
        var lastSnapshot: [UInt8] = []
        while true {
            if let signal = waitForSignal(watched, timeoutMillis: WorkerMetrics.publishMillis) {
                if signal == SIGUSR1 {
                    reopenLogFile(configuration)
                    continue
                }
                if signal == SIGUSR2 {
                    retire(state)
                    configuration.metrics?.publish()
                    exit(0)
                }
                configuration.log(.info, "worker draining after signal \(signal)")
                break
            }
            if getppid() != manager {
                configuration.log(.warning, "worker's manager is gone; draining")
                break
            }
            if state.fatalError.load(ordering: .relaxed) { exit(1) }
            configuration.metrics?.publish(ifChangedFrom: &lastSnapshot)
        }
        drain(state, listenFD: configuration.listenFD, seconds: configuration.drainSeconds)
        configuration.metrics?.publish()
        exit(0)
    }

    /// Puts the log file at its path now on descriptors 1 and 2; an accept thread writing a line
    /// meanwhile finishes it in the old file (`write` holds the file it started on).
    private static func reopenLogFile(_ configuration: WorkerConfiguration) {
        guard let path = configuration.logFile else { return }
        do {
            try LogFile(path: path).redirectStandardStreams()
            configuration.log(.info, "worker reopened its log file")
        } catch {
            configuration.log(.error, "worker could not reopen its log file, still writing to the old one: \(error)")
        }
    }

    /// Stops accepting and waits until every accept thread has finished its request and ended,
    /// or the drain deadline.
    private static func retire(_ state: WorkerState) {
        let started = monotonicSeconds()
        state.retiring.store(true, ordering: .releasing)
        let deadline = started + state.configuration.drainSeconds
        while state.liveThreads.load(ordering: .acquiring) > 0 && monotonicSeconds() < deadline {
            usleep(10_000)
        }
        let left = state.inFlight.load(ordering: .acquiring)
        if left > 0 {
            state.configuration.log(.warning, "worker retire deadline passed with \(left) in flight")
        } else {
            state.configuration.log(.info, "worker retired after \(Int((monotonicSeconds() - started) * 1000)) ms")
        }
    }

    /// Waits until no request is in flight and no connection waits in the backlog, twice in a
    /// row 50 ms apart (an accept may be between `accept()` and our counter), or the deadline.
    private static func drain(_ state: WorkerState, listenFD: Int32, seconds: Double) {
        let deadline = monotonicSeconds() + seconds
        var quietChecks = 0
        while monotonicSeconds() < deadline {
            var poller = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            let pending = poll(&poller, 1, 0) > 0 && (poller.revents & Int16(POLLIN)) != 0
            if state.inFlight.load(ordering: .acquiring) == 0 && !pending {
                quietChecks += 1
                if quietChecks >= 2 { return }
            } else {
                quietChecks = 0
            }
            usleep(50_000)
        }
        state.configuration.log(.warning, "worker drain deadline passed with \(state.inFlight.load(ordering: .relaxed)) in flight")
    }
}

/// What the accept threads share.
final class WorkerState: Sendable {
    let configuration: WorkerConfiguration
    let makeHandler: @Sendable () throws -> FastCGIHandler
    let inFlight = Atomic<Int>(0)
    let fatalError = Atomic<Bool>(false)
    /// Set on SIGUSR2: accept threads end after their current request.
    let retiring = Atomic<Bool>(false)
    /// Accept threads that have not ended.
    let liveThreads = Atomic<Int>(0)
    /// Accept threads whose handler is built.
    let readyThreads = Atomic<Int>(0)

    init(configuration: WorkerConfiguration, makeHandler: @escaping @Sendable () throws -> FastCGIHandler) {
        self.configuration = configuration
        self.makeHandler = makeHandler
    }
}

/// How often an idle accept thread wakes up to look at `retiring`.
let acceptPollMillis = 200

private func startThread(_ state: WorkerState) {
    state.liveThreads.add(1, ordering: .relaxed)
    let context = Unmanaged.passRetained(state).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, acceptThreadMain, context)
    if result != 0 {
        state.configuration.log(.error, "pthread_create failed: \(result)")
        exit(1)
    }
    pthread_detach(thread)
}

/// Thread entry: a global nonisolated function (a closure literal here would be inferred
/// @MainActor from main.swift callers and die at run time, see stack-notes).
private func acceptThreadMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let state = Unmanaged<WorkerState>.fromOpaque(context!).takeRetainedValue()
    defer { state.liveThreads.subtract(1, ordering: .acquiringAndReleasing) }
    let handler: FastCGIHandler
    do {
        handler = try state.makeHandler()
    } catch {
        state.configuration.log(.error, "worker thread could not start: \(error)")
        state.fatalError.store(true, ordering: .relaxed)
        return nil
    }
    if state.readyThreads.add(1, ordering: .acquiringAndReleasing).newValue == max(1, state.configuration.threads),
       let readyFD = state.configuration.readyFD {
        var byte: UInt8 = 1
        _ = write(readyFD, &byte, 1)
        close(readyFD)
    }
    var request = FCGX_Request()
    FCGX_InitRequest(&request, state.configuration.listenFD, 0)
    while !state.retiring.load(ordering: .acquiring) {
        let accepted = FCGX_Accept_r(&request)
        if accepted >= 0 {
            state.inFlight.add(1, ordering: .acquiringAndReleasing)
            // A TCP connection inherits the listener's accept timeout; its reads must not time out.
            try? AcceptTimeout.set(on: request.ipcFd, milliseconds: 0)
            let incoming = readRequest(&request, maxBodyBytes: state.configuration.maxBodyBytes)
            let response = handler(incoming)
            writeResponse(response, to: request.out)
            FCGX_Finish_r(&request)
            state.inFlight.subtract(1, ordering: .acquiringAndReleasing)
        } else if accepted != -EAGAIN && accepted != -EINTR {
            state.configuration.log(.error, "FCGX_Accept_r stopped accepting (\(accepted))")
            state.fatalError.store(true, ordering: .relaxed)
            return nil
        }
    }
    return nil
}

private func readRequest(_ request: inout FCGX_Request, maxBodyBytes: Int) -> FastCGIRequest {
    var params: [String: String] = [:]
    if var entry = request.envp {
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                params[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
    }
    let announced = Int(params["CONTENT_LENGTH"] ?? "") ?? 0
    if announced > maxBodyBytes {
        return FastCGIRequest(params: params, body: [], bodyTooLarge: true)
    }
    // Read what was announced, then keep reading in case the body is longer than announced,
    // stopping one byte past the limit; most requests have no body at all.
    var body = [UInt8](repeating: 0, count: min(announced, maxBodyBytes) + 1)
    var total = 0
    while total <= maxBodyBytes {
        if total == body.count { body += [UInt8](repeating: 0, count: min(body.count, maxBodyBytes + 1 - body.count)) }
        let read = body.withUnsafeMutableBufferPointer { buffer in
            FCGX_GetStr(
                UnsafeMutableRawPointer(buffer.baseAddress! + total).assumingMemoryBound(to: CChar.self),
                Int32(buffer.count - total), request.in)
        }
        if read <= 0 { break }
        total += Int(read)
    }
    if total > maxBodyBytes {
        return FastCGIRequest(params: params, body: [], bodyTooLarge: true)
    }
    body.removeSubrange(total...)
    return FastCGIRequest(params: params, body: body)
}

private func writeResponse(_ response: FastCGIResponse, to stream: UnsafeMutablePointer<FCGX_Stream>?) {
    var head = Array(response.headerBlock().utf8)
    head.withUnsafeMutableBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            _ = FCGX_PutStr(chars.baseAddress, Int32(chars.count), stream)
        }
    }
    if !response.body.isEmpty {
        response.body.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = FCGX_PutStr(chars.baseAddress, Int32(chars.count), stream)
            }
        }
    }
}
