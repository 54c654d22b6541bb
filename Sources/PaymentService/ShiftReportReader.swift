import MariaDB

/// Builds a shift's Z report from its payments, refunds and cash movements (five queries,
/// whatever the shift's size). Within a transaction that locked the shift `FOR UPDATE`, the
/// figures include every payment, refund and movement that joined it (they share-lock the
/// shift row, so they committed before that lock was granted).
struct ShiftReportReader {
    let db: Connection

    func report(for shift: Shift) throws -> ShiftReport {
        var report = ShiftReport(openingFloatCents: shift.openingFloatCents)
        for row in try db.query("""
            SELECT method, COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS amount, COALESCE(SUM(tip_cents), 0) AS tips
            FROM payments WHERE shift_id = \(shift.id) GROUP BY method
            """) {
            guard let method = PaymentMethod(rawValue: try row.string("method")) else { continue }
            report.sales[method] = .init(count: try row.int("n"), amountCents: try row.int("amount"), tipCents: try row.int("tips"))
        }
        for row in try db.query("""
            SELECT p.method, COUNT(*) AS n, COALESCE(SUM(r.amount_cents), 0) AS amount
            FROM refunds r JOIN payments p ON p.id = r.payment_id
            WHERE r.shift_id = \(shift.id) GROUP BY p.method
            """) {
            guard let method = PaymentMethod(rawValue: try row.string("method")) else { continue }
            report.refunds[method] = .init(count: try row.int("n"), amountCents: try row.int("amount"))
        }
        if let row = try db.queryFirst("""
            SELECT COUNT(CASE WHEN discount_cents > 0 THEN 1 END) AS n, COALESCE(SUM(discount_cents), 0) AS discount FROM orders
            WHERE id IN (SELECT order_id FROM payments WHERE shift_id = \(shift.id))
            """) {
            report.discountOrderCount = try row.int("n")
            report.discountCents = try row.int("discount")
        }
        if let row = try db.queryFirst("""
            SELECT COALESCE(SUM(CASE WHEN amount_cents > 0 THEN amount_cents ELSE 0 END), 0) AS cash_in,
                   COALESCE(SUM(CASE WHEN amount_cents < 0 THEN amount_cents ELSE 0 END), 0) AS cash_out
            FROM cash_movements WHERE shift_id = \(shift.id)
            """) {
            report.cashInCents = try row.int("cash_in")
            report.cashOutCents = try row.int("cash_out")
        }
        report.movements = try CashMovementRepository(db: db).list(shiftID: shift.id)
        return report
    }
}
