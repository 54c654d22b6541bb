import MariaDB
import PosHTTP

/// Cash put into (amount > 0) or taken out of (amount < 0) a till's drawer during a shift.
struct CashMovement: Sendable {
    static let amountRange = -10_000_000...10_000_000

    let id: Int
    let shiftID: Int
    let amountCents: Int
    let reason: String
    let createdBy: Int
    let createdAt: String

    static let columns = "id, shift_id, amount_cents, reason, created_by, created_at"

    init(row: Row) throws {
        id = try row.int("id")
        shiftID = try row.int("shift_id")
        amountCents = try row.int("amount_cents")
        reason = try row.string("reason")
        createdBy = try row.int("created_by")
        createdAt = try row.timestamp("created_at")
    }

    var json: JSON {
        ["id": .int(id), "shift_id": .int(shiftID), "amount_cents": .int(amountCents), "reason": .string(reason),
         "created_by": .int(createdBy), "created_at": .string(createdAt)]
    }
}

/// Reads and writes cash movements.
struct CashMovementRepository {
    let db: Connection

    /// `businessDate`: the business day the cash moves on, where the Z report view counts it.
    func insert(shiftID: Int, amountCents: Int, reason: String, createdBy: Int, businessDate: String) throws -> CashMovement {
        let id = try db.execute("""
            INSERT INTO cash_movements (shift_id, amount_cents, reason, created_by, business_date)
            VALUES (\(shiftID), \(amountCents), \(reason), \(createdBy), \(businessDate))
            """).lastInsertID
        guard let row = try db.queryFirst("SELECT \(unsafeRaw: CashMovement.columns) FROM cash_movements WHERE id = \(id)") else {
            throw HTTPError.notFound("No cash movement has the id \(id).")
        }
        return try CashMovement(row: row)
    }

    /// A shift's movements, oldest first.
    func list(shiftID: Int) throws -> [CashMovement] {
        try db.query("""
            SELECT \(unsafeRaw: CashMovement.columns) FROM cash_movements WHERE shift_id = \(shiftID) ORDER BY id LIMIT 1000
            """).map(CashMovement.init(row:))
    }
}
