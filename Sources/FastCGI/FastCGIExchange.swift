/// One request as received from the web server, copied out of libfcgi's buffers.
public struct FastCGIRequest: Sendable {
    /// The FastCGI parameters (`REQUEST_METHOD`, `DOCUMENT_URI`, `HTTP_*`, `POS_*` …).
    public let params: [String: String]
    /// The request body, at most `maxBodyBytes` long.
    public let body: [UInt8]
    /// True when the client announced or sent more than `maxBodyBytes`; `body` is then empty.
    public let bodyTooLarge: Bool

    public init(params: [String: String], body: [UInt8], bodyTooLarge: Bool = false) {
        self.params = params
        self.body = body
        self.bodyTooLarge = bodyTooLarge
    }
}

/// A complete response; it is written to the web server in one go.
public struct FastCGIResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The length announced when it differs from `body` (a HEAD response: the GET's length, no body).
    public var announcedLength: Int?

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                announcedLength: Int? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.announcedLength = announcedLength
    }

    /// The CGI header block: `Status: 200 OK` (nginx wants the reason phrase) and the headers.
    func headerBlock() -> String {
        var text = "Status: \(status) \(HTTPReason.phrase(for: status))\r\n"
        for header in headers {
            text += "\(header.name): \(header.value)\r\n"
        }
        text += "Content-Length: \(announcedLength ?? body.count)\r\n\r\n"
        return text
    }
}

/// Turns requests into responses. One handler per thread: it may hold a database connection.
public typealias FastCGIHandler = (FastCGIRequest) -> FastCGIResponse

enum HTTPReason {
    static func phrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
