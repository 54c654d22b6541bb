import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PosCoreTesting

/// One TCP connection to the gateway that sends exactly the bytes a test gives it, when it gives
/// them: the slow and stalled clients that URLSession cannot play.
final class RawConnection {
    private let descriptor: Int32

    /// Connects to the gateway (host and port of `TestEnvironment.baseURL`), from
    /// `sourceAddress` when given: another loopback address (127.0.0.2) is another client to
    /// nginx's per-address limits.
    init(from sourceAddress: String? = nil) throws {
        guard let url = URL(string: TestEnvironment.baseURL), let host = url.host, let port = url.port else {
            throw RawConnectionError("no host and port in \(TestEnvironment.baseURL)")
        }
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawConnectionError("socket: errno \(errno)") }
        if let sourceAddress {
            var source = try Self.address(sourceAddress, port: 0)
            let bound = withUnsafePointer(to: &source) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { close(descriptor); throw RawConnectionError("bind \(sourceAddress): errno \(errno)") }
        }
        var target = try Self.address(host, port: port)
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw RawConnectionError("connect \(host):\(port): errno \(errno)") }
    }

    deinit { close(descriptor) }

    /// Writes `text` as it is (a few bytes: the socket buffer takes them at once).
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw RawConnectionError("send: \(sent) of \(bytes.count) bytes, errno \(errno)") }
    }

    /// Reads what the gateway sends until it closes the connection or `seconds` pass. Polls
    /// without blocking, so a stalled test holds no thread of the shared test pool.
    func readUntilClosed(within seconds: Double) async throws -> (received: [UInt8], closed: Bool) {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // The deadline is checked only after a read found nothing: a task that a busy test pool
        // resumed late still reads what arrived meanwhile.
        while true {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                received += buffer[0..<count]
            } else if count == 0 || errno == ECONNRESET {
                return (received, true)
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                if ContinuousClock.now >= deadline { return (received, false) }
                try await Task.sleep(for: .milliseconds(50))
            } else {
                throw RawConnectionError("recv: errno \(errno)")
            }
        }
    }

    /// The first HTTP response in `bytes` (status line, headers, Content-Length body); nil when
    /// there is none.
    static func response(in bytes: [UInt8]) -> TestResponse? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headerEnd.lowerBound].components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, statusWords[0].hasPrefix("HTTP/"), let status = Int(statusWords[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(text[headerEnd.upperBound...].utf8)
        if let length = headers.first(where: { $0.key.lowercased() == "content-length" }).flatMap({ Int($0.value) }) {
            body = Array(body.prefix(length))
        }
        return TestResponse(status: status, headers: headers, body: body)
    }

    private static func address(_ text: String, port: Int) throws -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, text, &address.sin_addr) == 1 else { throw RawConnectionError("not an IPv4 address: \(text)") }
        return address
    }
}

struct RawConnectionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
