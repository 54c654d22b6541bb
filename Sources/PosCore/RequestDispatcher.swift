import FastCGI
import MariaDB
import PosHTTP

/// Runs one request through the router and turns every outcome into an HTTP response:
/// `HTTPError` → its problem+json; a database outage → 503; anything else → a plain 500
/// whose details go only to the log. Owned by one thread.
final class RequestDispatcher {
    private let router: Router
    private let context: RequestContext

    init(router: Router, context: RequestContext) {
        self.router = router
        self.context = context
    }

    func handle(_ incoming: FastCGIRequest) -> FastCGIResponse {
        let started = ContinuousClock.now
        let request = HTTPRequest(fastCGI: incoming)
        var (response, matched) = respond(to: request)
        let elapsed = (ContinuousClock.now - started).components
        let nanoseconds = elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
        let route = ServiceMetrics.route(of: matched)
        ServiceMetrics.recordRequest(matched, route: route, status: response.status, nanoseconds: nanoseconds,
                                     replayed: response.header("Idempotent-Replayed") == "true")
        context.logger.request(matched, route: route, status: response.status, microseconds: Int(nanoseconds / 1000))
        if response.header("Cache-Control") == nil {
            response.headers.append(("Cache-Control", "no-store"))
        }
        // The id nginx logs (access.log `id=`) and the service's log lines carry, so a
        // client's report of one failed request leads to its log lines.
        if !request.requestID.isEmpty {
            response.headers.append(("X-Request-Id", request.requestID))
        }
        if request.method == "HEAD" {
            return FastCGIResponse(status: response.status, headers: response.headers, body: [], announcedLength: response.body.count)
        }
        return FastCGIResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// The response, and the request as the router matched it (with its route pattern).
    func respond(to request: HTTPRequest) -> (HTTPResponse, HTTPRequest) {
        var matched = request
        do {
            if request.bodyTooLarge { throw HTTPError.payloadTooLarge(ServiceEnvironment.maxBodyBytes) }
            let handler: RouteHandler
            (handler, matched) = try router.match(request)
            return (try handler(matched, context), matched)
        } catch {
            if let error = error as? DatabaseError { ServiceMetrics.recordDatabaseError(error) }
            let problem = Self.problem(for: error)
            if problem.status >= 500, !(error is HTTPError) {
                context.logger.error("\(problem.status == 503 ? "database unavailable" : "unhandled error"): \(error)",
                                     requestID: request.requestID, [("method", request.method), ("path", request.path)])
            }
            return (.problem(problem), matched)
        }
    }

    /// What a client is told about an error: an `HTTPError` as it is; the database out of reach,
    /// out of disk space, a deadlock that outlived its retries or a COMMIT of unknown outcome as
    /// 503 with Retry-After; anything else as a bare 500 (the details go only to the log).
    static func problem(for error: Error) -> HTTPError {
        if let error = error as? HTTPError { return error }
        guard let error = error as? DatabaseError else { return internalError }
        if error.code == DatabaseError.commitOutcomeUnknown {
            return .serviceUnavailable("The database connection broke while saving; check the result before retrying (or retry with the same Idempotency-Key).")
        }
        if error.isOutOfSpace {
            return .serviceUnavailable("The database is out of disk space; nothing was saved. Try again once space is freed.")
        }
        if error.isServerUnavailable || error.isDeadlock {
            return .serviceUnavailable("The database is unavailable; try again shortly.")
        }
        return internalError
    }

    private static let internalError = HTTPError(status: 500, slug: "internal-error", title: "Internal server error",
                                                 detail: "Something went wrong on our side; it has been logged.")
}
