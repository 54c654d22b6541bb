/// An error that carries its HTTP status and becomes an RFC 9457 problem+json response.
/// Anything thrown that is not an `HTTPError` is logged and answered with a plain 500.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public struct FieldError: Sendable, Equatable {
        public let field: String
        public let message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public let status: Int
    /// A short slug; the problem `type` is `/problems/<slug>`.
    public let slug: String
    public let title: String
    public let detail: String
    public let fieldErrors: [FieldError]
    public var headers: [(name: String, value: String)] = []

    public init(status: Int, slug: String, title: String, detail: String, fieldErrors: [FieldError] = []) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.fieldErrors = fieldErrors
    }

    public var description: String { "\(status) \(slug): \(detail)" }

    public static func badRequest(_ detail: String) -> HTTPError {
        HTTPError(status: 400, slug: "malformed-request", title: "Malformed request", detail: detail)
    }
    public static func unauthorized(_ detail: String = "A valid bearer token is required.") -> HTTPError {
        HTTPError(status: 401, slug: "unauthorized", title: "Unauthorized", detail: detail)
    }
    public static func forbidden(_ detail: String) -> HTTPError {
        HTTPError(status: 403, slug: "forbidden", title: "Forbidden", detail: detail)
    }
    public static func notFound(_ detail: String) -> HTTPError {
        HTTPError(status: 404, slug: "not-found", title: "Not found", detail: detail)
    }
    public static func conflict(_ detail: String, slug: String = "conflict") -> HTTPError {
        HTTPError(status: 409, slug: slug, title: "Conflict", detail: detail)
    }
    public static func preconditionFailed(_ detail: String) -> HTTPError {
        HTTPError(status: 412, slug: "precondition-failed", title: "Precondition failed", detail: detail)
    }
    public static func payloadTooLarge(_ limit: Int) -> HTTPError {
        HTTPError(status: 413, slug: "payload-too-large", title: "Payload too large",
                  detail: "The request body exceeds \(limit) bytes.")
    }
    public static func unprocessable(_ errors: [FieldError]) -> HTTPError {
        HTTPError(status: 422, slug: "validation-failed", title: "Validation failed",
                  detail: "One or more fields are invalid.", fieldErrors: errors)
    }
    public static func unprocessable(field: String, _ message: String) -> HTTPError {
        unprocessable([FieldError(field: field, message: message)])
    }
    public static func tooManyRequests(retryAfterSeconds: Int, _ detail: String) -> HTTPError {
        var error = HTTPError(status: 429, slug: "rate-limited", title: "Too many requests", detail: detail)
        error.headers = [("Retry-After", String(retryAfterSeconds))]
        return error
    }
    /// 503 with `Retry-After: 1`: what is missing (the database) is expected back shortly.
    public static func serviceUnavailable(_ detail: String) -> HTTPError {
        var problem = HTTPError(status: 503, slug: "service-unavailable", title: "Service unavailable", detail: detail)
        problem.headers = [("Retry-After", "1")]
        return problem
    }

    /// The problem+json document.
    public var problem: JSON {
        var members: [(String, JSON)] = [
            ("type", .string("/problems/\(slug)")),
            ("title", .string(title)),
            ("status", .int(status)),
            ("detail", .string(detail)),
        ]
        if !fieldErrors.isEmpty {
            members.append(("errors", .array(fieldErrors.map { ["field": .string($0.field), "message": .string($0.message)] })))
        }
        return .object(members)
    }
}
