import MariaDB
import PosCore
import PosHTTP

/// `/api/menu/items`: anyone reads an item; staff list every item, the unavailable ones too
/// (the public menu leaves those out, and the back office and till must still show them);
/// managers create, change and delete items; a barista may only switch `available`. Every
/// write happens in one transaction with its menu-version bump and audit entries.
enum ItemController {
    static func register(_ router: inout Router) {
        router.get("/api/menu/items", list)
        router.get("/api/menu/items/:id", show)
        router.post("/api/menu/items", create)
        router.patch("/api/menu/items/:id", update)
        router.delete("/api/menu/items/:id", delete)
    }

    /// 200 `{items, next_cursor}`: every item that is not deleted, available or not, newest
    /// first (`?limit=`, `?cursor=`).
    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.everyone)
        let page = try Page(request)
        let items = try ItemRepository(db: context.db).list(page)
        return .json(page.envelope(items, id: \.id) { $0.json })
    }

    /// 200 `item`, also when it is unavailable; 404 when missing or deleted.
    static func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try request.id()
        guard let item = try ItemRepository(db: context.db).find(id: id) else { throw notFound(id) }
        return .json(item)
    }

    /// 201 `item`; 422 listing every invalid field, or on `category_id` when it names no
    /// category (or a deleted one).
    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        var body = try JSONBody(request)
        let input = try NewItem.parse(&body)

        let item = try context.db.transaction { db -> MenuItem in
            try requireCategory(input.fields.categoryID, db: db)
            let items = ItemRepository(db: db)
            let id = try items.create(input)
            guard let item = try items.find(id: id) else { throw notFound(id) }
            try MenuVersion(db: db).bump()
            try AuditLog.record(db, actor: actor, type: .menuItemCreated, entity: "menu_item", entityID: id,
                                detail: .object(input.fields.jsonMembers))
            return item
        }
        return .json(item, status: 201)
    }

    /// 200 `item` with its new version. Managers may change any field (`modifier_groups`
    /// replaces all groups); a barista only `available` (403 for any other field); others 403.
    /// A stale `If-Match` is 412, a stale body `version` 409. A request that changes nothing
    /// returns the item as it is, without a new version.
    static func update(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.kitchenStaff)
        let id = try request.id()
        var body = try JSONBody(request)
        if actor.role == .barista { try ItemPatch.checkBaristaMayChange(body) }
        let patch = try ItemPatch.parse(&body)

        let item = try context.db.transaction { db -> MenuItem in
            let items = ItemRepository(db: db)
            guard let current = try items.find(id: id, lock: .update) else { throw notFound(id) }
            try request.checkVersion(current.version, body: body)
            let fields = patch.applied(to: current.fields)
            if fields.categoryID != current.fields.categoryID { try requireCategory(fields.categoryID, db: db) }
            var changes = fieldChanges(from: current.fields.jsonMembers, to: fields.jsonMembers)
            let oldGroups = current.modifierGroups.map(ModifierGroupInput.init)
            let newGroups = patch.modifierGroups.flatMap { $0 == oldGroups ? nil : $0 }
            if let newGroups {
                changes.append(("modifier_groups", ["old": .array(oldGroups.map(\.json)),
                                                    "new": .array(newGroups.map(\.json))]))
            }
            guard !changes.isEmpty else { return current }

            try items.update(id: id, fields)
            if let newGroups { try items.replaceGroups(itemID: id, with: newGroups) }
            try MenuVersion(db: db).bump()
            try AuditLog.record(db, actor: actor, type: .menuItemChanged, entity: "menu_item", entityID: id,
                                detail: .object(changes))
            if fields.priceCents != current.fields.priceCents {
                try AuditLog.record(db, actor: actor, type: .priceChanged, entity: "menu_item", entityID: id,
                                    detail: ["old_price_cents": .int(current.fields.priceCents),
                                             "new_price_cents": .int(fields.priceCents)])
            }
            guard let updated = try items.find(id: id) else { throw notFound(id) }
            return updated
        }
        return .json(item)
    }

    /// 204; the item leaves the menu (past orders keep it). 404 when missing or already deleted.
    static func delete(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.managers)
        let id = try request.id()
        try context.db.transaction { db in
            let items = ItemRepository(db: db)
            guard let item = try items.find(id: id, lock: .update), try items.softDelete(id: id) else {
                throw notFound(id)
            }
            try MenuVersion(db: db).bump()
            try AuditLog.record(db, actor: actor, type: .menuItemDeleted, entity: "menu_item", entityID: id,
                                detail: ["name": .string(item.fields.name), "category_id": .int(item.fields.categoryID)])
        }
        return .noContent
    }

    /// 422 on `category_id` unless the category exists and is not deleted; share-locks it so it
    /// cannot be deleted before the transaction ends.
    private static func requireCategory(_ id: Int, db: Connection) throws {
        guard try CategoryRepository(db: db).find(id: id, lock: .share) != nil else {
            throw HTTPError.unprocessable(field: "category_id", "names no menu category")
        }
    }

    private static func notFound(_ id: Int) -> HTTPError {
        HTTPError.notFound("No menu item has the id \(id).")
    }
}
