import MariaDB
import PosHTTP
import PosMoney

/// Reads and writes orders with their lines. Loading N orders costs two queries (orders with
/// what was paid, lines with their modifiers), three for a locking read; never one per row.
/// Creating one costs three statements (the order, its lines, their modifiers), each row
/// returned as stored (`RETURNING`), so nothing is read back.
struct OrderRepository {
    let db: Connection

    struct NewOrder {
        let businessDate: String
        let number: Int
        let status: OrderStatus
        let type: OrderType
        let table: String?
        let note: String?
        let source: String
        let taxMode: TaxMode
        let createdBy: Int?
        /// The guest session that placed the order (guest orders only).
        let guestSessionID: Int?
        /// The local hour (0–23) it was created in, from the same moment as `businessDate`
        /// (`BusinessDay.localHour`): the hourly report groups by it.
        let createdHour: Int
        /// The pricing function's totals for the lines the order is created with.
        let totals: OrderTotals
    }

    /// The order with its lines; `lock` locks the order row for the rest of the transaction.
    func find(_ id: Int, lock: RowLock = .none) throws -> Order? {
        // A locking read never reaches into the payment service's totals (it would lock them):
        // those are read apart, without a lock.
        let query: SQLQuery = lock == .none
            ? "\(unsafeRaw: Order.selectWithPaid) WHERE o.id = \(id)"
            : "SELECT \(unsafeRaw: Order.columns) FROM orders WHERE id = \(id)\(lock)"
        guard let row = try db.queryFirst(query) else { return nil }
        return try withLines([try Order(row: row)], paidKnown: lock == .none).first
    }

    /// `order` with its row (totals, status, version, timestamps) read again; its lines and
    /// payments are kept, so call it only after changes to the order row itself.
    func reloadRow(of order: Order) throws -> Order {
        guard let row = try db.queryFirst("SELECT \(unsafeRaw: Order.columns) FROM orders WHERE id = \(order.id)") else {
            throw HTTPError.notFound("No order has the id \(order.id).")
        }
        var reloaded = try Order(row: row)
        reloaded.lines = order.lines
        reloaded.paidCents = order.paidCents
        reloaded.refundedCents = order.refundedCents
        return reloaded
    }

    /// Like `find`, but 404 when there is no such order.
    func require(_ id: Int, lock: RowLock = .none) throws -> Order {
        guard let order = try find(id, lock: lock) else { throw HTTPError.notFound("No order has the id \(id).") }
        return order
    }

    /// The order if guest session `sessionID` placed it; nil for any other order, whoever's it
    /// is (the session is part of the query: another session's order is never loaded).
    func find(_ id: Int, placedBy sessionID: Int) throws -> Order? {
        guard let row = try db.queryFirst("""
            \(unsafeRaw: Order.selectWithPaid) WHERE o.id = \(id) AND o.guest_session_id = \(sessionID)
            """) else { return nil }
        return try withLines([try Order(row: row)], paidKnown: true).first
    }

    /// How many of the session's orders wait for staff: a locking read (the latest committed
    /// rows, and that range of the index locked until the transaction ends). Call it only where
    /// order creations are serialized (`OrderCreation.admit`): two such reads of neighbouring
    /// sessions share a gap lock, and their inserts would deadlock.
    func pendingCount(placedBy sessionID: Int) throws -> Int {
        let row = try db.queryFirst("""
            SELECT COUNT(*) AS n FROM orders WHERE guest_session_id = \(sessionID) AND status = 'pending' FOR UPDATE
            """)
        return try row?.int("n") ?? 0
    }

    /// Orders matching the filters, newest first.
    func list(status: OrderStatus?, since: String?, page: Page) throws -> [Order] {
        let rows = try db.query("""
            \(unsafeRaw: Order.selectWithPaid)
            WHERE \(SQLQuery.all([
                page.beforeID.map { "o.id < \($0)" },
                status.map { "o.status = \($0.rawValue)" },
                since.map { "o.created_at >= \($0)" },
            ]))
            ORDER BY o.id DESC LIMIT \(page.limit + 1)
            """)
        return try withLines(rows.map(Order.init(row:)), paidKnown: true)
    }

    /// Submitted orders, oldest first, for the kitchen: only those with a line for `station`
    /// when one is given, starting after `after` (the last ticket of the previous page).
    func queue(station: String?, after: KitchenCursor?, limit: Int) throws -> [Order] {
        let rows = try db.query("""
            \(unsafeRaw: Order.selectWithPaid)
            WHERE \(SQLQuery.all([
                "o.status = 'submitted'",
                after.map { "(o.submitted_at, o.id) > (\($0.submittedAt), \($0.orderID))" },
                station.map { "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.station = \($0))" },
            ]))
            ORDER BY o.submitted_at, o.id LIMIT \(limit)
            """)
        return try withLines(rows.map(Order.init(row:)), paidKnown: true)
    }

    /// Stores the pricing function's totals and moves the version on.
    func saveTotals(_ orderID: Int, _ totals: OrderTotals) throws {
        try db.execute("""
            UPDATE orders SET subtotal_cents = \(totals.subtotalCents), discount_cents = \(totals.discountCents),
                tax_cents = \(totals.taxCents), total_cents = \(totals.totalCents), version = version + 1
            WHERE id = \(orderID)
            """)
    }

    /// Stores each line's part of the order's discount (`OrderTotals.discountSharesCents`, in the
    /// order of `lines`), which the reports add up. One statement, whatever the number of lines.
    func saveDiscountShares(orderID: Int, _ lines: [OrderLine], _ totals: OrderTotals) throws {
        guard !lines.isEmpty, lines.count == totals.discountSharesCents.count else { return }
        var shares: SQLQuery = "CASE id"
        for (line, share) in zip(lines, totals.discountSharesCents) {
            shares = "\(shares) WHEN \(line.id) THEN \(share)"
        }
        try db.execute("""
            UPDATE order_lines SET discount_cents = \(shares) ELSE discount_cents END WHERE order_id = \(orderID)
            """)
    }

    /// `→ submitted` in one statement, for an order in one of `statuses` that has lines: the
    /// status and its time, the version moved on (the totals stay: the lines did not change),
    /// and the lines stamped as a sale (`sale_business_date`, as `setStatus` does). The order row
    /// stays locked until the transaction ends. False when there is no such order (nothing
    /// changed).
    func markSubmitted(_ id: Int, from statuses: [OrderStatus]) throws -> Bool {
        try db.execute("""
            UPDATE orders o JOIN order_lines l ON l.order_id = o.id
            SET o.status = 'submitted', o.submitted_at = NOW(), o.version = o.version + 1,
                l.sale_business_date = o.business_date
            WHERE o.id = \(id) AND o.status IN (\(list: statuses.map(\.rawValue)))
            """).affectedRows > 0
    }

    /// The version moves on in `saveTotals`, which every change ends with (see `OrderChange`).
    /// Keeps `order_lines.sale_business_date` in step in the same transaction: the order's
    /// business date while it is a sale (submitted, ready, completed), NULL otherwise.
    func setStatus(_ orderID: Int, to status: OrderStatus, cancelReason: String? = nil) throws {
        let stamp: String = switch status {
        case .submitted: "submitted_at"
        case .ready: "ready_at"
        case .completed: "completed_at"
        case .cancelled: "cancelled_at"
        case .open, .pending: "updated_at"
        }
        try db.execute("""
            UPDATE orders SET status = \(status.rawValue), \(unsafeRaw: stamp) = NOW(),
                cancel_reason = COALESCE(\(cancelReason), cancel_reason)
            WHERE id = \(orderID)
            """)
        // Submitting makes the order a sale and cancelling ends that: its lines carry the
        // business date while they count (the reports' line figures read only order_lines).
        if status == .submitted || status == .cancelled {
            try db.execute("""
                UPDATE order_lines l JOIN orders o ON o.id = l.order_id
                SET l.sale_business_date = IF(o.status IN ('submitted', 'ready', 'completed'), o.business_date, NULL)
                WHERE l.order_id = \(orderID)
                """)
        }
    }

    func setDiscount(_ orderID: Int, _ discount: Discount, reason: String) throws {
        var percent: Int?, amount: Int?
        switch discount {
        case .percent(let basisPoints): percent = basisPoints
        case .amount(let cents): amount = cents
        }
        try db.execute("""
            UPDATE orders SET discount_percent_bp = \(percent), discount_amount_cents = \(amount), discount_reason = \(reason)
            WHERE id = \(orderID)
            """)
    }

    func deleteLine(_ lineID: Int) throws {
        try db.execute("DELETE FROM order_lines WHERE id = \(lineID)")
    }

    /// `orders` with their lines (one query: lines joined with their modifiers) and, unless
    /// `paidKnown` (read with the orders through `Order.selectWithPaid`), what was paid (one more).
    /// Lines come in id order and each line's modifiers in theirs, put in order here: an
    /// `ORDER BY` on the join costs MariaDB a temporary table and a filesort per read.
    private func withLines(_ orders: [Order], paidKnown: Bool) throws -> [Order] {
        guard !orders.isEmpty else { return [] }
        let ids = orders.map(\.id)
        var lines: [Int: (orderID: Int, line: OrderLine, modifiers: [(id: Int, modifier: LineModifier)])] = [:]
        for row in try db.query("""
            SELECT l.id, l.order_id, l.item_id, l.name, l.quantity, l.base_price_cents, l.tax_rate_bp, l.station, l.note,
                   m.id AS modifier_id, m.option_id, m.name AS modifier_name, m.price_delta_cents,
                   i.stock IS NOT NULL AS stock_counted
            FROM order_lines l LEFT JOIN order_line_modifiers m ON m.line_id = l.id
            LEFT JOIN menu_items i ON i.id = l.item_id
            WHERE l.order_id IN (\(list: ids))
            """) {
            let lineID = try row.int("id")
            if lines[lineID] == nil {
                lines[lineID] = (try row.int("order_id"),
                                 OrderLine(id: lineID, itemID: try row.int("item_id"), name: try row.string("name"),
                                           quantity: try row.int("quantity"), basePriceCents: try row.int("base_price_cents"),
                                           taxRateBP: try row.int("tax_rate_bp"), station: try row.optionalString("station"),
                                           note: try row.optionalString("note"), modifiers: [],
                                           stockCounted: try row.optionalInt("stock_counted") != 0),
                                 [])
            }
            if let modifierID = try row.optionalInt("modifier_id") {
                lines[lineID]?.modifiers.append((modifierID, LineModifier(optionID: try row.int("option_id"),
                                                                          name: try row.string("modifier_name"),
                                                                          priceDeltaCents: try row.int("price_delta_cents"))))
            }
        }
        var linesByOrder: [Int: [OrderLine]] = [:]
        for (_, entry) in lines.sorted(by: { $0.key < $1.key }) {
            var line = entry.line
            line.modifiers = entry.modifiers.sorted { $0.id < $1.id }.map(\.modifier)
            linesByOrder[entry.orderID, default: []].append(line)
        }
        var payments: [Int: (paid: Int, refunded: Int)] = [:]
        if !paidKnown {
            for row in try db.query("""
                SELECT order_id, captured_cents - refunded_cents AS paid, refunded_cents FROM payment_order_totals
                WHERE order_id IN (\(list: ids))
                """) {
                payments[try row.int("order_id")] = (try row.int("paid"), try row.int("refunded_cents"))
            }
        }
        return orders.map { order in
            var order = order
            if !paidKnown {
                order.paidCents = payments[order.id]?.paid ?? 0
                order.refundedCents = payments[order.id]?.refunded ?? 0
            }
            order.lines = linesByOrder[order.id] ?? []
            return order
        }
    }
}
