import MariaDB
import PosCore
import PosHTTP

/// Cash put into or taken out of a till during a shift (change top-ups, safe drops, petty cash).
enum CashMovementController {
    static func register(_ router: inout Router) {
        router.post("/api/shifts/:id/cash-movements", create)
        router.get("/api/shifts/:id/cash-movements", list)
    }

    /// `POST /api/shifts/{id}/cash-movements` `{amount_cents, reason}` (in > 0, out < 0, never 0),
    /// optional `Idempotency-Key`: cashier (own shift) or manager+ → 201 movement; 409
    /// `shift-closed` on a closed shift. Audited (`cash_movement`) with the reason.
    static func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        let shiftID = try request.id()
        var body = try JSONBody(request)
        let amount = body.int("amount_cents", range: CashMovement.amountRange)
        if amount == 0 { body.fail("amount_cents", "must not be 0 (cash in > 0, cash out < 0)") }
        let reason = body.reason()
        try body.finish()
        guard let amount, let reason else { throw HTTPError.badRequest("The cash movement could not be read.") }
        let scope = "POST /api/shifts/\(shiftID)/cash-movements"
        return try IdempotentRequest(request, scope: scope).run(in: context, required: false) { db in
            // Shared: movements may be recorded side by side; closing waits for them.
            let shift = try ShiftRepository(db: db).require(shiftID, lock: .share)
            try shift.checkAccess(by: actor)
            try shift.checkOpen()
            let movement = try CashMovementRepository(db: db).insert(shiftID: shift.id, amountCents: amount, reason: reason,
                                                                    createdBy: actor.staffID,
                                                                    businessDate: context.businessDate(request))
            try AuditLog.record(db, actor: actor, type: .cashMovement, entity: "shift", entityID: shift.id,
                                detail: ["movement_id": .int(movement.id), "till": .string(shift.till),
                                         "amount_cents": .int(amount)], reason: reason)
            return .json(movement.json, status: 201)
        }
    }

    /// `GET /api/shifts/{id}/cash-movements`: the shift's movements, oldest first.
    static func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        let shift = try ShiftRepository(db: context.db).require(try request.id())
        try shift.checkAccess(by: actor)
        let movements = try CashMovementRepository(db: context.db).list(shiftID: shift.id)
        return .json(["items": .array(movements.map(\.json)), "next_cursor": .null])
    }
}
