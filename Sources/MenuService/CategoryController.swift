import MariaDB
import PosCore
import PosHTTP

/// `/api/menu/categories`: managers create, rename, reorder, route (station) and delete
/// categories. A category is deleted softly and only once no item that is not deleted is in it.
enum CategoryController {
    static func register(_ router: inout Router) {
        router.post("/api/menu/categories", create)
        router.patch("/api/menu/categories/:id", update)
        router.delete("/api/menu/categories/:id", delete)
    }

    /// 201 `category`; 422 listing every invalid field.
    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        var body = try JSONBody(request)
        let input = CategoryInput.forCreate(&body)
        try body.finish()
        guard let name = input.name else { throw HTTPError.unprocessable(field: "name", "is required") }

        let category = try context.db.transaction { db -> Category in
            let category = try CategoryRepository(db: db).create(name: name, position: input.position ?? 0,
                                                                 station: input.newStation)
            try MenuVersion(db: db).bump()
            try AuditLog.record(db, actor: actor, type: .menuCategoryCreated, entity: "menu_category",
                                entityID: category.id, detail: category.json)
            return category
        }
        return .json(category, status: 201)
    }

    /// 200 `category`; only the fields sent change (`station: null` clears it). A request
    /// that changes nothing neither bumps the menu version nor writes an audit entry.
    static func update(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        let id = try request.id()
        var body = try JSONBody(request)
        let input = CategoryInput.forUpdate(&body)
        try body.finish()

        let category = try context.db.transaction { db -> Category in
            let repository = CategoryRepository(db: db)
            guard let current = try repository.find(id: id, lock: .update) else { throw notFound(id) }
            let updated = input.applied(to: current)
            let changes = fieldChanges(from: current.editableMembers, to: updated.editableMembers)
            guard !changes.isEmpty else { return current }
            try repository.update(updated)
            try MenuVersion(db: db).bump()
            try AuditLog.record(db, actor: actor, type: .menuCategoryChanged, entity: "menu_category",
                                entityID: id, detail: .object(changes))
            return updated
        }
        return .json(category)
    }

    /// 204; 404 when missing or already deleted; 409 while items that are not deleted are in it.
    static func delete(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        let id = try request.id()
        try context.db.transaction { db in
            let repository = CategoryRepository(db: db)
            guard let category = try repository.find(id: id, lock: .update) else { throw notFound(id) }
            if try repository.hasActiveItems(id: id) {
                throw HTTPError.conflict("The category \(id) still has items; delete or move them first.",
                                         slug: "category-not-empty")
            }
            guard try repository.softDelete(id: id) else { throw notFound(id) }
            try MenuVersion(db: db).bump()
            try AuditLog.record(db, actor: actor, type: .menuCategoryDeleted, entity: "menu_category",
                                entityID: id, detail: ["name": .string(category.name)])
        }
        return .noContent
    }

    private static func notFound(_ id: Int) -> HTTPError {
        HTTPError.notFound("No menu category has the id \(id).")
    }
}
