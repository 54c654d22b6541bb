import MariaDB
import PosCore

/// Reads and writes orders with their lines. Loading N orders costs four queries (orders,
/// lines, modifiers, payment totals), never one per row.
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

    func insert(_ order: NewOrder) throws -> Int {
        try db.execute("""
            INSERT INTO orders (business_date, number, status, type, table_label, note, source, guest_session_id, tax_mode,
                                created_by, created_hour, subtotal_cents, discount_cents, tax_cents, total_cents)
            VALUES (\(order.businessDate), \(order.number), \(order.status.rawValue), \(order.type.rawValue), \(order.table),
                    \(order.note), \(order.source), \(order.guestSessionID), \(order.taxMode.rawValue), \(order.createdBy),
                    \(order.createdHour),
                    \(order.totals.subtotalCents), \(order.totals.discountCents), \(order.totals.taxCents), \(order.totals.totalCents))
            """).lastInsertID
    }

    func insertLines(orderID: Int, _ lines: [PricedLine]) throws {
        for line in lines {
            let lineID = try db.execute("""
                INSERT INTO order_lines (order_id, item_id, name, quantity, base_price_cents, unit_price_cents, tax_rate_bp,
                                         line_total_cents, station, note)
                VALUES (\(orderID), \(line.request.itemID), \(line.name), \(line.request.quantity), \(line.basePriceCents),
                        \(line.pricing.unitPriceCents), \(line.taxRateBP), \(line.pricing.lineTotalCents), \(line.station),
                        \(line.request.note))
                """).lastInsertID
            for modifier in line.modifiers {
                try db.execute("""
                    INSERT INTO order_line_modifiers (line_id, option_id, name, price_delta_cents)
                    VALUES (\(lineID), \(modifier.optionID), \(modifier.name), \(modifier.priceDeltaCents))
                    """)
            }
        }
    }

    /// The order with its lines; `lock` locks the order row for the rest of the transaction.
    func find(_ id: Int, lock: RowLock = .none) throws -> Order? {
        guard let row = try db.queryFirst("SELECT \(unsafeRaw: Order.columns) FROM orders WHERE id = \(id)\(lock)") else {
            return nil
        }
        return try withLines([try Order(row: row)]).first
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
            SELECT \(unsafeRaw: Order.columns) FROM orders WHERE id = \(id) AND guest_session_id = \(sessionID)
            """) else { return nil }
        return try withLines([try Order(row: row)]).first
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
            SELECT \(unsafeRaw: Order.columns) FROM orders
            WHERE \(SQLQuery.all([
                page.beforeID.map { "id < \($0)" },
                status.map { "status = \($0.rawValue)" },
                since.map { "created_at >= \($0)" },
            ]))
            ORDER BY id DESC LIMIT \(page.limit + 1)
            """)
        return try withLines(rows.map(Order.init(row:)))
    }

    /// Submitted orders, oldest first, for the kitchen: only those with a line for `station`
    /// when one is given, starting after `after` (the last ticket of the previous page).
    func queue(station: String?, after: KitchenCursor?, limit: Int) throws -> [Order] {
        let rows = try db.query("""
            SELECT \(unsafeRaw: Order.columns) FROM orders o
            WHERE \(SQLQuery.all([
                "o.status = 'submitted'",
                after.map { "(o.submitted_at, o.id) > (\($0.submittedAt), \($0.orderID))" },
                station.map { "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.station = \($0))" },
            ]))
            ORDER BY o.submitted_at, o.id LIMIT \(limit)
            """)
        return try withLines(rows.map(Order.init(row:)))
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

    private func withLines(_ orders: [Order]) throws -> [Order] {
        guard !orders.isEmpty else { return [] }
        let ids = orders.map(\.id)
        var linesByOrder: [Int: [OrderLine]] = [:]
        var lineIDs: [Int] = []
        for row in try db.query("""
            SELECT id, order_id, item_id, name, quantity, base_price_cents, tax_rate_bp, station, note
            FROM order_lines WHERE order_id IN (\(list: ids)) ORDER BY order_id, id
            """) {
            let line = OrderLine(id: try row.int("id"), itemID: try row.int("item_id"), name: try row.string("name"),
                                 quantity: try row.int("quantity"), basePriceCents: try row.int("base_price_cents"),
                                 taxRateBP: try row.int("tax_rate_bp"), station: try row.optionalString("station"),
                                 note: try row.optionalString("note"), modifiers: [])
            linesByOrder[try row.int("order_id"), default: []].append(line)
            lineIDs.append(line.id)
        }
        var modifiersByLine: [Int: [LineModifier]] = [:]
        for row in try db.query("""
            SELECT line_id, option_id, name, price_delta_cents FROM order_line_modifiers
            WHERE line_id IN (\(list: lineIDs)) ORDER BY line_id, id
            """) {
            modifiersByLine[try row.int("line_id"), default: []].append(
                LineModifier(optionID: try row.int("option_id"), name: try row.string("name"),
                             priceDeltaCents: try row.int("price_delta_cents")))
        }
        var payments: [Int: (paid: Int, refunded: Int)] = [:]
        for row in try db.query("""
            SELECT order_id, captured_cents - refunded_cents AS paid, refunded_cents FROM payment_order_totals
            WHERE order_id IN (\(list: ids))
            """) {
            payments[try row.int("order_id")] = (try row.int("paid"), try row.int("refunded_cents"))
        }
        return orders.map { order in
            var order = order
            order.paidCents = payments[order.id]?.paid ?? 0
            order.refundedCents = payments[order.id]?.refunded ?? 0
            order.lines = (linesByOrder[order.id] ?? []).map { line in
                var line = line
                line.modifiers = modifiersByLine[line.id] ?? []
                return line
            }
            return order
        }
    }
}
