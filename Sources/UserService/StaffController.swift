import MariaDB
import PosCore
import PosHTTP

/// Staff accounts: managers manage cashiers and baristas; only an admin manages admins and
/// managers. A role change, deactivation or new password ends the account's sessions.
enum StaffController {
    static func register(_ router: inout Router) {
        router.get("/api/staff", list)
        router.post("/api/staff", create)
        router.patch("/api/staff/:id", update)
    }

    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.managers)
        let page = try Page(request)
        let staff = try StaffRepository(db: context.db).list(page)
        return .json(page.envelope(staff, id: \.id, json: \.json))
    }

    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        var body = try JSONBody(request)
        let input = StaffInput.forCreate(&body)
        try body.finish()
        guard let username = input.username, let displayName = input.displayName, let role = input.role,
              let password = input.password else { throw HTTPError.badRequest("missing fields") }
        try checkMayAssign(role, actor: actor)
        let hash = try Secrets.hashPassword(password)
        let staff = try context.db.transaction { db in
            let staff = try StaffRepository(db: db).create(username: username, displayName: displayName, role: role, passwordHash: hash)
            try AuditLog.record(db, actor: actor, type: .staffCreated, entity: "staff", entityID: staff.id,
                                detail: ["username": .string(username), "role": .string(role.rawValue)])
            return staff
        }
        return .json(staff.json, status: 201)
    }

    static func update(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        let id = try request.id()
        var body = try JSONBody(request)
        let input = StaffInput.forUpdate(&body)
        try body.finish()
        let hash = try input.password.map(Secrets.hashPassword)

        let updated = try context.db.transaction { db -> Staff in
            let repository = StaffRepository(db: db)
            guard let target = try repository.find(id: id, lock: .update) else { throw HTTPError.notFound("No staff member has the id \(id).") }
            if target.id != actor.staffID { try checkMayAssign(target.role, actor: actor) }
            if let role = input.role, role != target.role {
                try checkMayAssign(role, actor: actor)
                if target.id == actor.staffID { throw HTTPError.unprocessable(field: "role", "You cannot change your own role.") }
            }
            if input.active == false, target.id == actor.staffID {
                throw HTTPError.unprocessable(field: "active", "You cannot deactivate your own account.")
            }
            try repository.update(id: id, displayName: input.displayName, role: input.role, active: input.active, passwordHash: hash)
            try recordChanges(db, actor: actor, target: target, input: input)
            if (input.role != nil && input.role != target.role) || (input.active == false && target.active) || hash != nil {
                try TokenRepository(db: db).revokeAll(staffID: id)
            }
            guard let staff = try repository.find(id: id) else { throw HTTPError.notFound("No staff member has the id \(id).") }
            return staff
        }
        return .json(updated)
    }

    /// Managers may only give or edit the cashier and barista roles.
    private static func checkMayAssign(_ role: Role, actor: Identity) throws {
        if actor.role != .admin && Role.managers.contains(role) {
            throw HTTPError.forbidden("Only an admin manages \(role.rawValue) accounts.")
        }
    }

    private static func recordChanges(_ db: Connection, actor: Identity, target: Staff, input: StaffInput) throws {
        if let role = input.role, role != target.role {
            try AuditLog.record(db, actor: actor, type: .roleChanged, entity: "staff", entityID: target.id,
                                detail: ["from": .string(target.role.rawValue), "to": .string(role.rawValue)])
        }
        if let active = input.active, active != target.active {
            try AuditLog.record(db, actor: actor, type: active ? .staffReactivated : .staffDeactivated,
                                entity: "staff", entityID: target.id, detail: ["username": .string(target.username)])
        }
        if input.password != nil {
            try AuditLog.record(db, actor: actor, type: .passwordChanged, entity: "staff", entityID: target.id,
                                detail: ["username": .string(target.username)])
        }
    }
}
