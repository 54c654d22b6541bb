import PosCoreTesting
import PosHTTP
import Testing

/// Who sends a request in the permission matrix. `guest` is a guest session at a table of its
/// own ("guest B"): fixtures of guest rows are placed by other sessions ("guest A"), unless a
/// row hands the guest a session of its own (`MatrixRequest.ownGuest`).
enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case noToken = "no token"
    case forgedToken = "forged token"
    case barista, cashier, manager, admin
    case guest

    var role: Role? { Role(rawValue: rawValue) }
    var testDescription: String { rawValue }

    /// The caller's shared session (nil without a role). Its token stays valid: rows that end a
    /// session (logout) bring a session of their own.
    func session() async throws -> StaffSession? {
        guard let role else { return nil }
        return try await StaffFixtures.shared(role)
    }

    /// What goes in `Authorization`: nothing, `Bearer` and 43 random base64url characters (the
    /// shape of a real token), the caller's real `Bearer` token, or the guest's `Guest` session.
    func authorization() async throws -> String? {
        switch self {
        case .noToken: nil
        case .forgedToken: "Bearer " + String((0..<43).map { _ in Self.base64url.randomElement()! })
        case .guest: try await MatrixFixtures.guestB.value().authorization
        default: try await session().map { "Bearer \($0.token)" }
        }
    }

    private static let base64url = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}

/// Who api.md lets through.
enum Access: Sendable {
    /// Public: no token needed, and a bad one is not looked at.
    case anyone
    /// Any staff token.
    case staff
    /// Staff of these roles.
    case only(Set<Role>)
    /// A guest session (`Authorization: Guest`); no staff token will do.
    case guest

    static let managers = Access.only(Role.managers)
    static let tillStaff = Access.only(Role.tillStaff)
    static let kitchenStaff = Access.only(Role.kitchenStaff)
    static let admins = Access.only([.admin])

    var isGuest: Bool {
        if case .guest = self { return true }
        return false
    }

    /// The answer api.md gives `caller`: 401 without a valid token on a protected route, 403 for
    /// a role that may not, else the route's own success status.
    func expectedStatus(for caller: Caller, success: Int) -> Int {
        switch self {
        case .anyone: return success
        case .guest: return caller == .guest ? success : 401
        case .staff: return caller.role == nil ? 401 : success
        case .only(let roles):
            guard let role = caller.role else { return 401 }
            return roles.contains(role) ? success : 403
        }
    }
}

/// One request of the matrix, made fresh for one caller by its row.
struct MatrixRequest: Sendable {
    var method: String
    var path: String
    var json: JSON? = nil
    var headers: [String: String] = [:]
    /// Sent instead of the caller's shared session (for requests that end a session).
    var ownSession: StaffSession? = nil
    /// Sent instead of the guest caller's shared session (for "the caller's own order").
    var ownGuest: GuestSession? = nil
    /// Reads the state the request would change (as admin); a refused request leaves it equal.
    var observe: (@Sendable () async throws -> JSON?)? = nil
    /// Puts fixtures back afterwards (e.g. takes a submitted order off the kitchen queue).
    var cleanUp: (@Sendable () async throws -> Void)? = nil
}

/// One row of the matrix: an endpoint of api.md in one situation, who may call it, and what
/// it answers when allowed.
struct Endpoint: Sendable, CustomTestStringConvertible {
    /// As the routers and the OpenAPI document name it: `POST /api/orders/{id}/cancel`.
    let route: String
    /// What makes this row differ from others of the same route ("after it was submitted").
    let situation: String
    let access: Access
    /// The status of an allowed call (2xx).
    let success: Int
    let request: @Sendable (Caller) async throws -> MatrixRequest

    init(_ route: String, _ access: Access, _ success: Int,
         _ request: @escaping @Sendable (Caller) async throws -> MatrixRequest) {
        self.init(route, "", access, success, request)
    }

    init(_ route: String, _ situation: String, _ access: Access, _ success: Int,
         _ request: @escaping @Sendable (Caller) async throws -> MatrixRequest) {
        self.route = route
        self.situation = situation
        self.access = access
        self.success = success
        self.request = request
    }

    var testDescription: String { situation.isEmpty ? route : "\(route) (\(situation))" }
}
