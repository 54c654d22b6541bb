import MariaDB
import PosCore
import PosHTTP

/// Till shifts: open with a float, read with the Z report, close with the counted cash.
enum ShiftController {
    /// Opening floats and counted cash: at most 1 000 000.00.
    static let cashRange = 0...100_000_000

    static func register(_ router: inout Router) {
        router.post("/api/shifts", open)
        router.get("/api/shifts/current", current)
        router.get("/api/shifts/:id", show)
        router.post("/api/shifts/:id/close", close)
    }

    /// `POST /api/shifts` `{opening_float_cents, till?}`, optional `Idempotency-Key`:
    /// cashier+ → 201 `shift`; 409 `shift-already-open` when the till has an open shift.
    static func open(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        var body = try JSONBody(request)
        let float = body.int("opening_float_cents", range: cashRange)
        let till = Till.read(&body)
        try body.finish()
        guard let float, let till else { throw HTTPError.badRequest("The shift could not be read.") }
        return try IdempotentRequest(request, scope: "POST /api/shifts").run(in: context, required: false) { db in
            let shifts = ShiftRepository(db: db)
            let id = try shifts.open(till: till, openingFloatCents: float, openedBy: actor.staffID,
                                     businessDate: context.businessDate(request))
            return .json(try shiftJSON(try shifts.require(id), db), status: 201)
        }
    }

    /// `GET /api/shifts/current?till=`: cashier+ → 200 the till's open shift (default till
    /// `main`); 404 when it has none; 403 for a cashier when someone else opened it.
    static func current(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        let till = try Till.fromQuery(request)
        guard let shift = try ShiftRepository(db: context.db).openShift(till: till) else {
            throw HTTPError.notFound("Till \(till) has no open shift.")
        }
        try shift.checkAccess(by: actor)
        return .json(try shiftJSON(shift, context.db))
    }

    /// `GET /api/shifts/{id}`: the shift with its Z report; a cashier only their own (403).
    static func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        let shift = try ShiftRepository(db: context.db).require(try request.id())
        try shift.checkAccess(by: actor)
        return .json(try shiftJSON(shift, context.db))
    }

    /// `POST /api/shifts/{id}/close` `{counted_cash_cents}`, optional `Idempotency-Key`:
    /// cashier (own shift) or manager+ → 200 `shift` with `expected_cash_cents` and
    /// `over_short_cents` fixed; 409 `shift-closed` when it is closed already. Audited
    /// (`shift_closed`).
    ///
    /// The shift row is locked `FOR UPDATE` before anything is summed: payments, refunds and
    /// movements that joined the shift hold a shared lock on it until they commit, so the sums
    /// include all of them, and none can join once it is closed.
    static func close(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let actor = try request.require(Role.tillStaff)
        let id = try request.id()
        var body = try JSONBody(request)
        let counted = body.int("counted_cash_cents", range: cashRange)
        try body.finish()
        guard let counted else { throw HTTPError.badRequest("The count could not be read.") }
        return try IdempotentRequest(request, scope: "POST /api/shifts/\(id)/close").run(in: context, required: false) { db in
            let shifts = ShiftRepository(db: db)
            let shift = try shifts.require(id, lock: .update)
            try shift.checkAccess(by: actor)
            try shift.checkOpen()
            let drawer = try ShiftReportReader(db: db).report(for: shift).drawer
            let overShort = drawer.overShortCents(countedCents: counted)
            try shifts.close(id, closedBy: actor.staffID, countedCents: counted, expectedCents: drawer.expectedCents,
                             overShortCents: overShort)
            try AuditLog.record(db, actor: actor, type: .shiftClosed, entity: "shift", entityID: id,
                                detail: ["till": .string(shift.till), "opening_float_cents": .int(shift.openingFloatCents),
                                         "expected_cash_cents": .int(drawer.expectedCents),
                                         "counted_cash_cents": .int(counted), "over_short_cents": .int(overShort)])
            return .json(try shiftJSON(try shifts.require(id), db))
        }
    }

    static func shiftJSON(_ shift: Shift, _ db: Connection) throws -> JSON {
        shift.json(report: try ShiftReportReader(db: db).report(for: shift))
    }
}
