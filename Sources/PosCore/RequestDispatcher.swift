import FastCGI
import MariaDB

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
        let request = HTTPRequest(fastCGI: incoming)
        var response = respond(to: request)
        if response.header("Cache-Control") == nil {
            response.headers.append(("Cache-Control", "no-store"))
        }
        if request.method == "HEAD" {
            return FastCGIResponse(status: response.status, headers: response.headers, body: [], announcedLength: response.body.count)
        }
        return FastCGIResponse(status: response.status, headers: response.headers, body: response.body)
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            if request.bodyTooLarge { throw HTTPError.payloadTooLarge(ServiceEnvironment.maxBodyBytes) }
            let (handler, matched) = try router.match(request)
            return try handler(matched, context)
        } catch let error as HTTPError {
            return .problem(error)
        } catch let error as DatabaseError where error.isConnectionLost || error.code == DatabaseError.commitOutcomeUnknown
            || error.isDeadlock {
            context.logger.error("database unavailable: \(error)", requestID: request.requestID)
            var problem = HTTPError.serviceUnavailable(
                error.code == DatabaseError.commitOutcomeUnknown
                    ? "The database connection broke while saving; check the result before retrying (or retry with the same Idempotency-Key)."
                    : "The database is unavailable; try again shortly.")
            problem.headers = [("Retry-After", "1")]
            return .problem(problem)
        } catch {
            context.logger.error("unhandled error: \(error)", requestID: request.requestID,
                                 [("method", request.method), ("path", request.path)])
            return .problem(HTTPError(status: 500, slug: "internal-error", title: "Internal server error",
                                      detail: "Something went wrong on our side; it has been logged."))
        }
    }
}
