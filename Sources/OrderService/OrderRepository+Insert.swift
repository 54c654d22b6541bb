import MariaDB
import PosMoney

/// Creating an order: three statements (the order, its lines, their modifiers), each row
/// returned as stored (`RETURNING`), so nothing is read back.
extension OrderRepository {
    /// Inserts the order row (no lines yet) and returns it as stored.
    func insert(_ order: NewOrder) throws -> Order {
        let rows = try db.query("""
            INSERT INTO orders (business_date, number, status, type, table_label, note, source, guest_session_id, tax_mode,
                                created_by, created_hour, subtotal_cents, discount_cents, tax_cents, total_cents)
            VALUES (\(order.businessDate), \(order.number), \(order.status.rawValue), \(order.type.rawValue), \(order.table),
                    \(order.note), \(order.source), \(order.guestSessionID), \(order.taxMode.rawValue), \(order.createdBy),
                    \(order.createdHour),
                    \(order.totals.subtotalCents), \(order.totals.discountCents), \(order.totals.taxCents), \(order.totals.totalCents))
            RETURNING \(unsafeRaw: Order.columns)
            """)
        guard let row = rows.first else {
            throw DatabaseError(function: "OrderRepository.insert", code: DatabaseError.decoding, message: "no row returned")
        }
        return try Order(row: row)
    }

    /// Rows per multi-row INSERT: a connection prepares one statement per row count, so the
    /// count is bounded.
    static let rowsPerInsert = 16

    /// Inserts `lines` and their modifiers (two statements for up to `rowsPerInsert` lines and
    /// as many modifiers) and returns them as stored, in the same order.
    @discardableResult
    func insertLines(orderID: Int, _ lines: [PricedLine]) throws -> [OrderLine] {
        var stored: [OrderLine] = []
        stored.reserveCapacity(lines.count)
        for start in stride(from: 0, to: lines.count, by: Self.rowsPerInsert) {
            let chunk = lines[start..<min(start + Self.rowsPerInsert, lines.count)]
            let values = SQLQuery.joined(chunk.map { line in
                """
                (\(orderID), \(line.request.itemID), \(line.name), \(line.request.quantity), \(line.basePriceCents),
                 \(line.pricing.unitPriceCents), \(line.taxRateBP), \(line.pricing.lineTotalCents), \(line.station),
                 \(line.request.note))
                """
            })
            // RETURNING gives one row per inserted row, in the order of VALUES.
            let ids = try db.query("""
                INSERT INTO order_lines (order_id, item_id, name, quantity, base_price_cents, unit_price_cents, tax_rate_bp,
                                         line_total_cents, station, note)
                VALUES \(values) RETURNING id
                """).map { try $0.int("id") }
            guard ids.count == chunk.count else {
                throw DatabaseError(function: "OrderRepository.insertLines", code: DatabaseError.decoding,
                                    message: "\(ids.count) ids for \(chunk.count) lines")
            }
            for (id, line) in zip(ids, chunk) {
                stored.append(OrderLine(id: id, itemID: line.request.itemID, name: line.name, quantity: line.request.quantity,
                                        basePriceCents: line.basePriceCents, taxRateBP: line.taxRateBP, station: line.station,
                                        note: line.request.note, modifiers: line.modifiers,
                                        stockCounted: line.stockCounted))
            }
        }
        let modifiers = stored.flatMap { line in line.modifiers.map { (lineID: line.id, modifier: $0) } }
        for start in stride(from: 0, to: modifiers.count, by: Self.rowsPerInsert) {
            let chunk = modifiers[start..<min(start + Self.rowsPerInsert, modifiers.count)]
            let values = SQLQuery.joined(chunk.map {
                "(\($0.lineID), \($0.modifier.optionID), \($0.modifier.name), \($0.modifier.priceDeltaCents))"
            })
            try db.execute("INSERT INTO order_line_modifiers (line_id, option_id, name, price_delta_cents) VALUES \(values)")
        }
        return stored
    }
}
