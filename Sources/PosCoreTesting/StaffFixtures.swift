import PosHTTP

/// A staff member the tests created (or admin), logged in.
public struct StaffSession: Sendable {
    public let id: Int
    public let username: String
    public let password: String
    public let role: Role
    public let token: String
}

/// Staff accounts for tests, made through the public API: admin's session, and throwaway
/// accounts of any role with unique usernames (`e2e-<role>-<random>`), so tests never share
/// an account they change.
public enum StaffFixtures {
    /// Admin, logged in once per test process.
    public static func admin() async throws -> StaffSession {
        try await SessionCache.shared.session(for: .admin) {
            try await logIn(username: "admin", password: TestEnvironment.adminPassword, role: .admin)
        }
    }

    /// One shared throwaway account of `role` per test process, for tests that only act as
    /// that role and change nothing about the account itself.
    public static func shared(_ role: Role) async throws -> StaffSession {
        if role == .admin { return try await admin() }
        return try await SessionCache.shared.session(for: role) { try await newSession(role) }
    }

    /// A new account of `role`, created by admin, logged in.
    public static func newSession(_ role: Role) async throws -> StaffSession {
        let account = try await createAccount(role)
        return try await logIn(username: account.username, password: account.password, role: role)
    }

    /// A new account of `role`, created by admin, not logged in.
    public static func createAccount(_ role: Role) async throws -> (id: Int, username: String, password: String) {
        let username = uniqueUsername(role.rawValue)
        let password = "pw-" + randomSuffix(16)
        let created = try await GatewayClient.shared.send("POST", "/api/staff", json: [
            "username": .string(username), "display_name": .string("E2E \(role.rawValue)"),
            "role": .string(role.rawValue), "password": .string(password),
        ], token: try await admin().token).expecting(201, "admin creates staff \(username)")
        guard let id = created.json?["id"]?.intValue else {
            throw UnexpectedResponse(step: "staff \(username) has an id", expected: 201, response: created)
        }
        return (id, username, password)
    }

    /// `POST /api/auth/login`, waiting out the gateway's per-address limit (other tests log
    /// in at the same time). Any answer but a per-address 429 is returned as it is.
    public static func login(username: String, password: String) async throws -> TestResponse {
        try await GatewayClient.shared.sendRetryingWhenRateLimited(
            "POST", "/api/auth/login", json: ["username": .string(username), "password": .string(password)])
    }

    public static func uniqueUsername(_ prefix: String) -> String { "e2e-\(prefix)-\(randomSuffix(10))" }

    static func randomSuffix(_ length: Int) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in characters.randomElement()! })
    }

    private static func logIn(username: String, password: String, role: Role) async throws -> StaffSession {
        let response = try await login(username: username, password: password).expecting(200, "log in as \(username)")
        guard let token = response.json?["token"]?.stringValue, let id = response.json?["staff"]?["id"]?.intValue else {
            throw UnexpectedResponse(step: "login of \(username) returns token and staff", expected: 200, response: response)
        }
        return StaffSession(id: id, username: username, password: password, role: role, token: token)
    }
}

/// Sessions shared within the test process; concurrent first callers share one login.
private actor SessionCache {
    static let shared = SessionCache()
    private var sessions: [Role: Task<StaffSession, any Error>] = [:]

    func session(for role: Role, _ make: @escaping @Sendable () async throws -> StaffSession) async throws -> StaffSession {
        if let task = sessions[role] { return try await task.value }
        let task = Task { try await make() }
        sessions[role] = task
        do {
            return try await task.value
        } catch {
            sessions[role] = nil
            throw error
        }
    }
}
