import MariaDB
import PosHTTP

/// A till's shift: opened with a float, closed with the counted cash.
struct Shift: Sendable {
    enum Status: String, Sendable { case open, closed }

    let id: Int
    let till: String
    let status: Status
    let openedBy: Int
    let openingFloatCents: Int
    let openedAt: String
    let closedBy: Int?
    let closedAt: String?
    let countedCashCents: Int?
    let expectedCashCents: Int?
    let overShortCents: Int?

    static let columns = """
        id, till, status, opened_by, opening_float_cents, opened_at, closed_by, closed_at, counted_cash_cents,
        expected_cash_cents, over_short_cents
        """

    init(row: Row) throws {
        id = try row.int("id")
        till = try row.string("till")
        guard let status = Status(rawValue: try row.string("status")) else {
            throw DatabaseError(function: "Shift", code: DatabaseError.decoding, message: "unknown shift status")
        }
        self.status = status
        openedBy = try row.int("opened_by")
        openingFloatCents = try row.int("opening_float_cents")
        openedAt = try row.timestamp("opened_at")
        closedBy = try row.optionalInt("closed_by")
        closedAt = try row.optionalTimestamp("closed_at")
        countedCashCents = try row.optionalInt("counted_cash_cents")
        expectedCashCents = try row.optionalInt("expected_cash_cents")
        overShortCents = try row.optionalInt("over_short_cents")
    }

    /// Cashiers act on and read only the shifts they opened; managers and admins on any.
    func checkAccess(by actor: Identity) throws {
        guard Role.managers.contains(actor.role) || actor.staffID == openedBy else {
            throw HTTPError.forbidden("Shift \(id) was opened by someone else; a cashier may use only their own shift.")
        }
    }

    func checkOpen() throws {
        guard status == .open else {
            throw HTTPError.conflict("Shift \(id) is closed.", slug: "shift-closed")
        }
    }

    /// The shift with its Z report. While the shift is open, `expected_cash_cents` is the
    /// figure so far and `counted_cash_cents`/`over_short_cents` are null; once closed, all
    /// three are the ones fixed at closing.
    func json(report: ShiftReport) -> JSON {
        ["id": .int(id), "till": .string(till), "status": .string(status.rawValue), "opened_by": .int(openedBy),
         "opening_float_cents": .int(openingFloatCents), "opened_at": .string(openedAt), "closed_by": .optional(closedBy),
         "closed_at": .optional(closedAt), "counted_cash_cents": .optional(countedCashCents),
         "expected_cash_cents": .int(expectedCashCents ?? report.drawer.expectedCents),
         "over_short_cents": .optional(overShortCents), "report": report.json]
    }
}
