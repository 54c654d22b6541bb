import Foundation
import PosHTTP

/// Watches every answer `GatewayClient` receives for secrets: an Argon2id password hash, or a
/// bearer token or guest session token anywhere but in the response that issued it. Tokens are
/// learnt from the login and guest-session responses it sees, so every test's logins and
/// sessions are watched without any test's help.
/// `leaks` is read by the secrets tests; nothing fails on its own.
public final class LeakWatch: @unchecked Sendable {
    public static let shared = LeakWatch()

    /// One answer that carried a secret.
    public struct Leak: Sendable, CustomStringConvertible {
        public let request: String
        public let secret: String
        public var description: String { "\(request) answered with \(secret)" }
    }

    public static let passwordHashMarker = "$argon2"

    private let lock = NSLock()
    private var tokens: Set<String> = []
    private var found: [Leak] = []
    private var inspected = 0

    /// Every bearer token seen issued so far.
    public var knownTokens: Set<String> { lock.withLock { tokens } }
    public var leaks: [Leak] { lock.withLock { found } }
    /// How many answers were looked at (a check that the watch is on).
    public var inspectedCount: Int { lock.withLock { inspected } }

    func inspect(method: String, path: String, response: TestResponse) {
        let text = response.text + "\n" + response.headers.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        let issued = path.hasPrefix("/api/auth/login") ? response.json?["token"]?.stringValue
            : path.hasPrefix("/api/guest/sessions") ? response.json?["session_token"]?.stringValue : nil
        lock.withLock {
            inspected += 1
            let request = "\(method) \(path) → \(response.status)"
            if text.contains(Self.passwordHashMarker) { found.append(Leak(request: request, secret: "a password hash")) }
            for token in tokens where token != issued && text.contains(token) {
                found.append(Leak(request: request, secret: "the bearer token \(token.prefix(6))…"))
            }
            if let issued { tokens.insert(issued) }
        }
    }
}
