import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Secrets stay secret: no password hash, password or bearer token in any answer or log file,
/// and the secrets folder is readable by its owner only.
@Suite("Secrets do not leak")
struct SecretLeakTests {
    let gateway = GatewayClient.shared

    /// Logs in as a new cashier and uses the token the ways staff do: reads, a failed login,
    /// a rejected staff form that carried a password, a password change (which revokes), the
    /// audit log that records it. Returns the cashier's password and the responses.
    private func useTokens() async throws -> (password: String, token: String, responses: [TestResponse]) {
        let manager = try await StaffFixtures.shared(.manager)
        let cashier = try await StaffFixtures.newSession(.cashier)
        var responses: [TestResponse] = []
        for path in ["/api/auth/me", "/api/orders?limit=5"] {
            responses.append(try await gateway.send("GET", path, token: cashier.token))
        }
        responses.append(try await gateway.send("GET", "/api/staff?limit=200", token: manager.token))
        responses.append(try await StaffFixtures.login(username: cashier.username, password: cashier.password + "x"))
        responses.append(try await gateway.send("POST", "/api/staff", json: [
            "username": "Not A Username!", "display_name": "Leaky", "role": "cashier", "password": .string(cashier.password),
        ], token: manager.token))
        responses.append(try await gateway.send("PATCH", "/api/staff/\(cashier.id)",
                                                json: ["password": .string(cashier.password + "-new")], token: manager.token))
        responses.append(try await gateway.send("GET", "/api/audit?limit=50", token: manager.token))
        return (cashier.password, cashier.token, responses)
    }

    @Test("No answer carries a password hash, a password or a token other than the one a login issues")
    func answersCarryNoSecrets() async throws {
        let flow = try await useTokens()

        for response in flow.responses {
            #expect(!response.text.contains(LeakWatch.passwordHashMarker), "\(response)")
            #expect(!response.text.contains(flow.password), "the password came back: \(response)")
            #expect(!response.text.contains(flow.token), "the token came back: \(response)")
        }
        // Every answer of every test so far in this process, as GatewayClient saw it.
        let watch = LeakWatch.shared
        #expect(watch.knownTokens.contains(flow.token), "the watch saw the login")
        #expect(watch.inspectedCount >= flow.responses.count)
        #expect(watch.leaks.isEmpty, "\(watch.leaks)")
    }

    @Test("Log files hold no password hash, password or token")
    func logsCarryNoSecrets() async throws {
        let flow = try await useTokens()
        try await gateway.send("POST", "/api/auth/logout", token: try await StaffFixtures.newSession(.barista).token)
            .expecting(204, "log out")
        try await Task.sleep(for: .milliseconds(1_500)) // nginx flushes its access log every second

        let folder = URL(fileURLWithPath: TestEnvironment.varDirectory + "/log")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath })
        #expect(files.contains { $0.lastPathComponent == "access.log" }, "the gateway logs here: \(files)")
        let tokens = LeakWatch.shared.knownTokens
        #expect(tokens.contains(flow.token))
        let storedSecrets = try Self.storedSecrets()
        #expect(storedSecrets.count >= 7, "admin's and every database account's password")
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let holdsHash = text.contains(LeakWatch.passwordHashMarker), holdsPassword = text.contains(flow.password)
            #expect(!holdsHash, "\(file.path) holds a password hash")
            #expect(!holdsPassword, "\(file.path) holds a password")
            let leaked = tokens.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(file.path) holds \(leaked.count) bearer token(s)")
            let written = storedSecrets.filter { text.contains($0.value) }.map(\.key)
            #expect(written.isEmpty, "\(file.path) holds the secret of \(written)")
        }
    }

    @Test("Secrets are files of mode 600 in a folder of mode 700, one per database account")
    func secretsAreOwnerOnly() throws {
        let folder = TestEnvironment.varDirectory + "/secrets"
        let manager = FileManager.default
        #expect(try Self.mode(folder) == 0o700, "\(folder)")
        let names = try manager.contentsOfDirectory(atPath: folder)
        for name in names {
            #expect(try Self.mode(folder + "/" + name) == 0o600, "\(name)")
        }
        for account in ["pos_user", "pos_menu", "pos_order", "pos_payment", "pos_guest", "pos_report"] {
            #expect(names.contains("db-\(account)"), "no password file for \(account)")
        }
    }

    /// The passwords scripts/up keeps in `$POS_VAR_DIR/secrets`: admin's and the database accounts', by file name.
    static func storedSecrets() throws -> [String: String] {
        let folder = TestEnvironment.varDirectory + "/secrets"
        var secrets: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name == "admin-password" || name.hasPrefix("db-") {
            let value = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count >= 8 { secrets[name] = value }
        }
        return secrets
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }
}
