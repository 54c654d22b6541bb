/// What a handler returns.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static let jsonContentType = "application/json; charset=utf-8"

    public static func json(_ value: JSON, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", jsonContentType)], body: value.serialized())
    }

    public static func json(_ value: some JSONRepresentable, status: Int = 200) -> HTTPResponse {
        json(value.json, status: status)
    }

    public static let noContent = HTTPResponse(status: 204)

    public static func problem(_ error: HTTPError) -> HTTPResponse {
        HTTPResponse(status: error.status,
                     headers: [("Content-Type", "application/problem+json")] + error.headers,
                     body: error.problem.serialized())
    }

    public static func text(_ text: String, contentType: String = "text/plain; charset=utf-8", status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
