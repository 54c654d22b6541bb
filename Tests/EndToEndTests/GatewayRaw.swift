import Foundation
import PosCoreTesting
import PosHTTP

/// Requests written byte for byte (URLSession would normalise the path, refuse a malformed
/// request line or pick the HTTP version itself), and nginx's access log, which tells an answer
/// nginx made itself from one a service made.
enum GatewayRaw {
    /// Sends `request` as it is on a new connection and returns the first response, read until
    /// nginx closes the connection (send `Connection: close`) or `seconds` pass.
    static func exchange(_ request: String, within seconds: Double = 5) async throws -> TestResponse {
        let connection = try RawConnection()
        // nginx may answer and stop reading before a large request is all sent (413): what it
        // answered is still there to read.
        var sendError: Error?
        do { try connection.send(request) } catch { sendError = error }
        let (received, closed) = try await connection.readUntilClosed(within: seconds)
        guard let response = RawConnection.response(in: received) else {
            throw RawConnectionError("no HTTP response to \(request.prefix(80).debugDescription) "
                + "(sending: \(sendError.map { "\($0)" } ?? "ok"), closed: \(closed)): "
                + String(decoding: received.prefix(300), as: UTF8.self).debugDescription)
        }
        return response
    }

    /// `GET path HTTP/1.1` (or another method) with `headers`, closing after the answer.
    static func request(_ method: String = "GET", _ target: String, headers: [String: String] = [:],
                        body: String? = nil) -> String {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        if let body {
            if headers.keys.contains(where: { $0.lowercased() == "transfer-encoding" }) == false {
                text += "Content-Length: \(body.utf8.count)\r\n"
            }
            return text + "\r\n" + body
        }
        return text + "\r\n"
    }
}

/// nginx's access log of the stack under test (`gateway` format in nginx/nginx.conf: one JSON
/// object per line with `request_id`, `status`, `upstream_response_time`, …).
enum AccessLog {
    static var path: String { TestEnvironment.varDirectory + "/log/access.log" }

    /// The logged requests whose `request_id` is among `requestIDs`, by id, once all are logged
    /// or after `seconds` (nginx flushes the log each second). Reads the log's last 4 MiB, a few
    /// times at most: a debug build splitting a large log in many tasks at once would starve
    /// the test pool.
    static func entries(of requestIDs: [String], within seconds: Double = 5) async -> [String: [String: Any]] {
        let wanted = Set(requestIDs)
        var found: [String: [String: Any]] = [:]
        _ = await eventually(within: seconds, every: 0.5) {
            for line in tail(bytes: 4 << 20).split(separator: "\n") {
                guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let id = entry["request_id"] as? String, wanted.contains(id)
                else { continue }
                found[id] = entry
            }
            return found.count == wanted.count
        }
        return found
    }

    /// The `upstream_response_time` logged for each of `requestIDs` ("" when nginx answered
    /// without asking any service, auth subrequests included).
    static func upstreamTimes(of requestIDs: [String]) async -> [String: String] {
        await entries(of: requestIDs).compactMapValues { $0["upstream_response_time"] as? String }
    }

    private static func tail(bytes: UInt64) -> String {
        guard let file = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? file.close() }
        let size = file.seekToEndOfFile()
        file.seek(toFileOffset: size > bytes ? size - bytes : 0)
        return String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
    }
}

extension TestResponse {
    /// The `request_id` of a problem document (nginx's `$request_id`), else `X-Request-Id`.
    var requestID: String? { json?["request_id"]?.stringValue ?? header("x-request-id") }
}
