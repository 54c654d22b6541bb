import Foundation
import PosHTTP

/// One HTTP answer as the gateway sent it.
public struct TestResponse: Sendable, CustomStringConvertible {
    public let status: Int
    /// Header fields with lower-cased names.
    public let headers: [String: String]
    public let body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { "\($0), \($1)" })
        self.body = body
    }

    /// A header field, by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body parsed with PosCore's strict JSON parser; nil when it is not JSON.
    public var json: JSON? { try? JSONParser.parse(body) }

    public var text: String { String(decoding: body, as: UTF8.self) }

    public var contentType: String? { header("content-type") }

    /// True for an RFC 9457 problem: `application/problem+json` whose body carries `type`,
    /// `title` and the response's own status.
    public var isProblem: Bool {
        guard contentType?.lowercased().hasPrefix("application/problem+json") == true, let json else { return false }
        return json["type"]?.stringValue != nil && json["title"]?.stringValue != nil && json["status"]?.intValue == status
    }

    /// The problem's `type`, e.g. `/problems/route-not-found`.
    public var problemType: String? { json?["type"]?.stringValue }

    /// The `field` of every entry in a validation problem's `errors`.
    public var errorFields: [String] {
        (json?["errors"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
    }

    /// `Retry-After` as whole seconds, when present and numeric.
    public var retryAfterSeconds: Int? {
        header("retry-after").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    public var description: String {
        let shown = body.count > 600 ? String(decoding: body.prefix(600), as: UTF8.self) + "…" : text
        return "HTTP \(status) \(contentType ?? "(no content type)") \(shown)"
    }

    /// This response when its status is `status`; otherwise throws, naming `step` and the
    /// response. For set-up steps of a test, where anything else means the test cannot go on.
    @discardableResult
    public func expecting(_ status: Int, _ step: String) throws -> TestResponse {
        guard self.status == status else { throw UnexpectedResponse(step: step, expected: status, response: self) }
        return self
    }
}

/// A set-up step got an answer it cannot continue from.
public struct UnexpectedResponse: Error, CustomStringConvertible {
    public let step: String
    public let expected: Int
    public let response: TestResponse

    public init(step: String, expected: Int, response: TestResponse) {
        self.step = step
        self.expected = expected
        self.response = response
    }

    public var description: String { "\(step): expected HTTP \(expected), got \(response)" }
}
