import MariaDB
import PosCore
import PosHTTP

/// Login, logout, the caller's own account, and the gateway's token check.
enum AuthController {
    static func register(_ router: inout Router) {
        router.post("/api/auth/login", login)
        router.post("/api/auth/logout", logout)
        router.get("/api/auth/me", me)
        // nginx's auth subrequest keeps the original request's method.
        for method in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] {
            router.add(method, "/internal/auth/check", check)
        }
    }

    /// A hash to verify against when the username is unknown, so both cases take as long.
    private static let decoyHash: String = (try? Secrets.hashPassword("decoy password for timing")) ?? ""

    static func login(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        var body = try JSONBody(request)
        let typed = body.string("username", length: 1...ServiceEnvironment.maxBodyBytes, rule: .secret)
        let password = body.string("password", length: 1...Staff.passwordLength.upperBound, rule: .secret, trim: false)
        try body.finish()
        guard let typed, let password else { throw HTTPError.badRequest("username and password are required") }

        // A name no account can have (too long for the column, control characters, …) is an
        // unknown user: the same 401 after the same decoy hash, and nothing to throttle by.
        guard let username = Staff.possibleUsername(typed) else {
            _ = Secrets.verifyPassword(password, against: decoyHash)
            try AuditLog.record(context.db, actor: nil, type: .loginFailed, entity: "staff", entityID: nil,
                                detail: ["username": .string(String(typed.prefix(Staff.usernameLength.upperBound)))])
            context.logger.warning("login failed", requestID: request.requestID, [("username", typed), ("reason", "impossible username")])
            throw HTTPError.unauthorized("The username or password is wrong.")
        }
        let throttle = LoginThrottle(db: context.db)
        if let seconds = try throttle.lockedFor(username: username) {
            throw HTTPError.tooManyRequests(retryAfterSeconds: seconds, "Too many failed logins for this username; try again later.")
        }
        let found = try StaffRepository(db: context.db).credentials(username: username)
        let matches = Secrets.verifyPassword(password, against: found?.passwordHash ?? decoyHash)
        guard let staff = found?.staff, matches, staff.active else {
            let locked = try context.db.transaction { db in
                let locked = try LoginThrottle(db: db).recordFailure(username: username)
                try AuditLog.record(db, actor: nil, type: .loginFailed, entity: "staff", entityID: found?.staff.id,
                                    detail: ["username": .string(username)], actorUsername: username)
                return locked
            }
            context.logger.warning("login failed", requestID: request.requestID, [("username", username), ("locked", String(locked))])
            throw HTTPError.unauthorized("The username or password is wrong.")
        }
        try throttle.reset(username: username)
        let issued = try TokenRepository(db: context.db).issue(staffID: staff.id, lifetimeSeconds: context.environment.tokenLifetimeSeconds)
        return .json(["token": .string(issued.token), "expires_at": .string(issued.expiresAt), "staff": staff.json])
    }

    static func logout(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        guard let token = request.bearerToken else { throw HTTPError.unauthorized() }
        try TokenRepository(db: context.db).revoke(token: token)
        return .noContent
    }

    static func me(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let identity = try request.requireStaff()
        guard let staff = try StaffRepository(db: context.db).find(id: identity.staffID) else { throw HTTPError.unauthorized() }
        return .json(staff)
    }

    /// 200 with the caller's identity in `X-Pos-Staff-*` headers, or 401. Only answers the
    /// gateway's internal subrequest (nginx sets POS_AUTH_CHECK only there).
    static func check(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireGatewayCheck()
        guard let token = request.bearerToken, let identity = try TokenRepository(db: context.db).identity(token: token) else {
            return HTTPResponse(status: 401)
        }
        return HTTPResponse(status: 200, headers: [
            ("X-Pos-Staff-Id", String(identity.staffID)),
            ("X-Pos-Staff-Username", identity.username),
            ("X-Pos-Staff-Role", identity.role.rawValue),
        ])
    }
}
