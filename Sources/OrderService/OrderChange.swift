import MariaDB
import PosCore
import PosHTTP
import PosMoney

/// The one way an existing order changes: in a transaction, lock it, check the version the
/// client saw (If-Match → 412, body `version` → 409), apply the change, re-price with the one
/// pricing function, store the totals with version + 1 (and the lines' discount parts), and return the order as stored.
/// Two cashiers editing one order: the second waits on the row lock, then fails the version
/// check; nothing of theirs is applied.
struct OrderChange {
    let request: HTTPRequest
    let context: RequestContext

    func apply(body: JSONBody? = nil, _ change: (Order, Connection) throws -> Void) throws -> Order {
        let id = try request.id()
        return try context.db.transaction { db in
            let repository = OrderRepository(db: db)
            let before = try repository.require(id, lock: .update)
            try request.checkVersion(before.version, body: body)
            try change(before, db)
            let changed = try repository.require(id)
            let totals = changed.repriced
            // Payments already taken stay covered: refund before cutting an order below them.
            guard totals.totalCents >= changed.paidCents else {
                throw HTTPError.conflict("Order \(changed.number) has \(changed.paidCents) cents paid; this change would bring its total to \(totals.totalCents). Refund first.", slug: "would-overpay")
            }
            try repository.saveTotals(id, totals)
            // Lines are stored with no discount part; they need one only while a discount is on
            // the order, or once more when it goes back to none.
            if totals.discountCents > 0 || before.discountCents > 0 {
                try repository.saveDiscountShares(orderID: id, changed.lines, totals)
            }
            return try repository.reloadRow(of: changed)
        }
    }
}
