/// Staff roles. `admin` may do everything; `manager` everything but managing admins.
public enum Role: String, Sendable, CaseIterable {
    case admin, manager, cashier, barista

    public static let managers: Set<Role> = [.admin, .manager]
    public static let tillStaff: Set<Role> = [.admin, .manager, .cashier]
    public static let kitchenStaff: Set<Role> = [.admin, .manager, .barista]
    public static let everyone: Set<Role> = Set(Role.allCases)
}

/// The authenticated caller, as established by the gateway's token check.
public struct Identity: Sendable, Equatable {
    public let staffID: Int
    public let username: String
    public let role: Role

    public init(staffID: Int, username: String, role: Role) {
        self.staffID = staffID
        self.username = username
        self.role = role
    }

    /// Nil unless all three gateway parameters are present and well-formed.
    package init?(staffID: String?, username: String?, role: String?) {
        guard let staffID, let id = Int(staffID), id > 0, let username, !username.isEmpty,
              let role, let parsed = Role(rawValue: role) else { return nil }
        self.init(staffID: id, username: username, role: parsed)
    }
}

extension HTTPRequest {
    /// Passes only nginx's internal token-check subrequest (it alone sets POS_AUTH_CHECK); to
    /// anyone else the check route does not exist (404), whatever path trick reached it.
    public func requireGatewayCheck() throws {
        guard isAuthCheck else {
            throw HTTPError(status: 404, slug: "route-not-found", title: "Not found", detail: "No API route matches this path.")
        }
    }

    /// The caller, or 401 when the request carried no verified identity.
    @discardableResult
    public func requireStaff() throws -> Identity {
        guard let identity else { throw HTTPError.unauthorized() }
        return identity
    }

    /// The caller if their role is in `roles`; 401 without identity, 403 for another role.
    @discardableResult
    public func require(_ roles: Set<Role>) throws -> Identity {
        let identity = try requireStaff()
        guard roles.contains(identity.role) else {
            throw HTTPError.forbidden("The role \(identity.role.rawValue) may not do this.")
        }
        return identity
    }
}
