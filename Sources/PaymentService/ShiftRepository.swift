import MariaDB
import PosHTTP

/// Reads and writes shifts. One open shift per till is the unique key on `open_till`
/// (the till's name while open, NULL once closed).
struct ShiftRepository {
    let db: Connection

    /// Opens a shift on business day `businessDate` (a late shift belongs to the day it began);
    /// 409 `shift-already-open` when the till has one.
    func open(till: String, openingFloatCents: Int, openedBy: Int, businessDate: String) throws -> Int {
        do {
            return try db.execute("""
                INSERT INTO shifts (till, open_till, opened_by, opening_float_cents, business_date)
                VALUES (\(till), \(till), \(openedBy), \(openingFloatCents), \(businessDate))
                """).lastInsertID
        } catch let error as DatabaseError where error.isDuplicateEntry {
            // Turned into a 409 here: a duplicate escaping the idempotent transaction would be
            // taken for a reused Idempotency-Key.
            let open = try openShift(till: till)
            throw HTTPError.conflict("Till \(till) already has an open shift\(open.map { " (\($0.id))" } ?? "").",
                                     slug: "shift-already-open")
        }
    }

    func find(_ id: Int, lock: RowLock = .none) throws -> Shift? {
        try db.queryFirst("SELECT \(unsafeRaw: Shift.columns) FROM shifts WHERE id = \(id)\(lock)")
            .map(Shift.init(row:))
    }

    /// Like `find`, but 404 when there is no such shift.
    func require(_ id: Int, lock: RowLock = .none) throws -> Shift {
        guard let shift = try find(id, lock: lock) else { throw HTTPError.notFound("No shift has the id \(id).") }
        return shift
    }

    /// The till's open shift, if any.
    func openShift(till: String) throws -> Shift? {
        try db.queryFirst("SELECT \(unsafeRaw: Shift.columns) FROM shifts WHERE open_till = \(till)").map(Shift.init(row:))
    }

    /// The till's open shift for a payment or refund to join, or nil when the till
    /// has none. The shift row stays share-locked until commit, so it cannot close before the
    /// payment is in; closing locks it `FOR UPDATE` and so waits for such payments, and its
    /// sums see them. The row is locked by primary key only (never through `open_till`), the
    /// same path closing takes, so the two cannot deadlock.
    func attachableShift(till: String) throws -> Shift? {
        guard let candidate = try db.queryFirst("SELECT id FROM shifts WHERE open_till = \(till)") else { return nil }
        let shift = try find(try candidate.int("id"), lock: .share)
        return shift?.status == .open ? shift : nil
    }

    /// Closes a shift locked `FOR UPDATE`, freeing its till for the next one.
    func close(_ id: Int, closedBy: Int, countedCents: Int, expectedCents: Int, overShortCents: Int) throws {
        try db.execute("""
            UPDATE shifts SET status = 'closed', open_till = NULL, closed_by = \(closedBy), closed_at = NOW(),
                counted_cash_cents = \(countedCents), expected_cash_cents = \(expectedCents),
                over_short_cents = \(overShortCents)
            WHERE id = \(id) AND status = 'open'
            """)
    }
}
