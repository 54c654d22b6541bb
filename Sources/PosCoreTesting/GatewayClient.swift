import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PosHTTP

/// A plain HTTP client for the gateway: every request goes out as written, every answer comes
/// back as sent. Redirects are not followed, nothing is cached, no cookies are kept.
public struct GatewayClient: Sendable {
    public let baseURL: String
    private let session: URLSession

    /// One client for the whole test process (URLSession keeps its connections).
    public static let shared = GatewayClient()

    public init(baseURL: String = TestEnvironment.baseURL) {
        self.baseURL = baseURL
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    /// Sends one request to `baseURL + path`. `json` is serialised with `Content-Type:
    /// application/json`; `rawBody` goes as is (also as application/json unless `headers`
    /// names another type). `token` becomes `Authorization: Bearer <token>`.
    /// Throws only when no HTTP answer arrived.
    public func send(_ method: String, _ path: String, json: JSON? = nil, rawBody: [UInt8]? = nil,
                     headers: [String: String] = [:], token: String? = nil) async throws -> TestResponse {
        guard let url = URL(string: baseURL + path) else { throw GatewayClientError.invalidPath(path) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        if let body = json?.serialized() ?? rawBody {
            request.httpBody = Data(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }

        let (data, response) = try await perform(request)
        var fields: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            fields[String(describing: name)] = String(describing: value)
        }
        let answer = TestResponse(status: response.statusCode, headers: fields, body: Array(data))
        LeakWatch.shared.inspect(method: method, path: path, response: answer)
        return answer
    }

    private func perform(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response = response as? HTTPURLResponse {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: GatewayClientError.notHTTP(request.url?.absoluteString ?? ""))
                }
            }
            task.resume()
        }
    }
}

public enum GatewayClientError: Error, CustomStringConvertible {
    case invalidPath(String)
    case notHTTP(String)

    public var description: String {
        switch self {
        case .invalidPath(let path): "not a valid request path: \(path)"
        case .notHTTP(let url): "no HTTP response from \(url)"
        }
    }
}

/// Hands a redirect back to the caller as the response instead of following it.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
