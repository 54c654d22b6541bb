import MariaDB
import PosHTTP

/// What the payment service needs of an order, read from the order service's table.
struct PayableOrder: Sendable {
    let id: Int
    let number: Int
    let status: String
    let totalCents: Int

    /// Orders take payments from being rung up (`open`) to handed over (`completed`); not while
    /// a guest order awaits acceptance (`pending`), never once `cancelled`.
    func checkAcceptsPayment() throws {
        switch status {
        case "cancelled":
            throw HTTPError.conflict("Order \(number) is cancelled; it takes no payments.", slug: "order-cancelled")
        case "pending":
            throw HTTPError.conflict("Order \(number) is a guest order awaiting acceptance; accept it before taking payment.",
                                     slug: "order-not-accepted")
        default:
            break
        }
    }
}

/// The row of `payment_order_totals` for one order: what was captured and refunded for it.
struct OrderPaymentTotals: Sendable, Equatable {
    let capturedCents: Int
    let refundedCents: Int
    let tipCents: Int

    var paidCents: Int { capturedCents - refundedCents }
}

/// The payment service's ledger per order. It alone writes `payment_order_totals`, always in
/// the transaction that inserts the payment or refund, with the row locked `FOR UPDATE` (a
/// capture's own write locks it); so payments and refunds of one order run one after another
/// and the totals always equal the sums of the payment and refund rows.
struct OrderLedger {
    let db: Connection

    /// The order under a shared lock held until commit: the order service cannot change its
    /// total or cancel it meanwhile (its changes lock the row `FOR UPDATE`), while other
    /// payments may read it at the same time. 404 when there is no such order.
    func lockOrder(_ id: Int) throws -> PayableOrder {
        guard let row = try db.queryFirst("""
            SELECT id, number, status, total_cents FROM orders WHERE id = \(id) LOCK IN SHARE MODE
            """) else {
            throw HTTPError.notFound("No order has the id \(id).")
        }
        return PayableOrder(id: try row.int("id"), number: try row.int("number"), status: try row.string("status"),
                            totalCents: try row.int("total_cents"))
    }

    /// Creates the order's totals row if it has none, then locks it `FOR UPDATE` and reads it.
    func lockTotals(orderID: Int) throws -> OrderPaymentTotals {
        try db.execute("""
            INSERT INTO payment_order_totals (order_id) VALUES (\(orderID)) ON DUPLICATE KEY UPDATE order_id = order_id
            """)
        guard let row = try db.queryFirst("""
            SELECT captured_cents, refunded_cents, tip_cents FROM payment_order_totals WHERE order_id = \(orderID) FOR UPDATE
            """) else {
            throw DatabaseError(function: "OrderLedger", code: DatabaseError.decoding, message: "totals row vanished")
        }
        return OrderPaymentTotals(capturedCents: try row.int("captured_cents"), refundedCents: try row.int("refunded_cents"),
                                  tipCents: try row.int("tip_cents"))
    }

    /// Records a capture of `amountCents` (and `tipCents`) and returns the order's totals with
    /// it, in one statement: the totals row is created if the order has none, and stays locked
    /// until commit, so the caller checks the result against the order's total and throws (the
    /// transaction rolls the capture back) when it would overpay.
    func capture(orderID: Int, amountCents: Int, tipCents: Int) throws -> OrderPaymentTotals {
        guard let row = try db.queryFirst("""
            INSERT INTO payment_order_totals (order_id, captured_cents, tip_cents) VALUES (\(orderID), \(amountCents), \(tipCents))
            ON DUPLICATE KEY UPDATE captured_cents = captured_cents + VALUES(captured_cents), tip_cents = tip_cents + VALUES(tip_cents)
            RETURNING captured_cents, refunded_cents, tip_cents
            """) else {
            throw DatabaseError(function: "OrderLedger", code: DatabaseError.decoding, message: "no totals returned")
        }
        return OrderPaymentTotals(capturedCents: try row.int("captured_cents"), refundedCents: try row.int("refunded_cents"),
                                  tipCents: try row.int("tip_cents"))
    }

    /// Records a refund. Call with the row locked by `lockTotals`.
    func addRefund(orderID: Int, amountCents: Int) throws {
        try db.execute("""
            UPDATE payment_order_totals SET refunded_cents = refunded_cents + \(amountCents) WHERE order_id = \(orderID)
            """)
    }
}
