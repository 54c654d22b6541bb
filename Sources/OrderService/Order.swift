import MariaDB
import PosHTTP
import PosMoney

/// A modifier as it was chosen and priced when the line was added.
struct LineModifier: Sendable {
    let optionID: Int
    let name: String
    let priceDeltaCents: Int

    var json: JSON {
        ["option_id": .int(optionID), "name": .string(name), "price_delta_cents": .int(priceDeltaCents)]
    }
}

/// An order line with the menu's name and prices copied at the moment it was added.
struct OrderLine: Sendable {
    let id: Int
    let itemID: Int
    let name: String
    let quantity: Int
    let basePriceCents: Int
    let taxRateBP: Int
    let station: String?
    let note: String?
    var modifiers: [LineModifier]
    /// Whether the item's stock was counted when the line was read (`StockKeeper` leaves
    /// uncounted items alone); true when unknown.
    var stockCounted = true

    var pricing: PricingLine {
        PricingLine(basePriceCents: basePriceCents, modifierDeltasCents: modifiers.map(\.priceDeltaCents),
                    quantity: quantity, taxRateBP: taxRateBP)
    }

    var json: JSON {
        ["id": .int(id), "item_id": .int(itemID), "name": .string(name), "quantity": .int(quantity),
         "unit_price_cents": .int(pricing.unitPriceCents), "modifiers": .array(modifiers.map(\.json)),
         "note": .optional(note), "line_total_cents": .int(pricing.lineTotalCents), "station": .optional(station)]
    }
}

/// An order as stored, with its lines. Totals are those the pricing function stored with it.
struct Order: Sendable {
    let id: Int
    let number: Int
    let status: OrderStatus
    let type: OrderType
    let table: String?
    let note: String?
    let source: String
    let businessDate: String
    let subtotalCents: Int
    let discountCents: Int
    let taxCents: Int
    let totalCents: Int
    let discount: Discount?
    let discountReason: String?
    /// Fixed when the order was created, so changing the setting never reprices old orders.
    let taxMode: TaxMode
    let version: Int
    let createdBy: Int?
    let createdAt: String
    let updatedAt: String
    let submittedAt: String?
    var lines: [OrderLine] = []
    /// Captured minus refunded, from the payment service's `payment_order_totals`.
    var paidCents = 0
    var refundedCents = 0

    static let columns = """
        id, number, status, type, table_label, note, source, business_date, subtotal_cents, discount_cents,
        tax_cents, total_cents, discount_percent_bp, discount_amount_cents, discount_reason, tax_mode, version,
        created_by, created_at, updated_at, submitted_at
        """

    /// `SELECT` of `columns` of `orders o` with what was paid and refunded (`paid_cents`,
    /// `refunded_cents`) from the payment service's `payment_order_totals`, joined: one primary
    /// key lookup per order. (Two correlated subqueries cost MariaDB an expression-cache
    /// temporary table each: the order list took 2.3× the database time, docs/benchmarks.md.)
    /// Qualify conditions with `o.` (both tables have `updated_at`). Never a locking read: it
    /// would lock the payment service's row.
    static let selectWithPaid: String = {
        let qualified = columns.split(separator: ",").map { "o." + $0.filter { !$0.isWhitespace } }
        return """
            SELECT \(qualified.joined(separator: ", ")),
                   pt.captured_cents - pt.refunded_cents AS paid_cents, pt.refunded_cents AS refunded_cents
            FROM orders o LEFT JOIN payment_order_totals pt ON pt.order_id = o.id
            """
    }()

    /// Reads `columns`, and what was paid when the row has it (`selectWithPaid`).
    init(row: Row) throws {
        id = try row.int("id")
        number = try row.int("number")
        guard let status = OrderStatus(rawValue: try row.string("status")),
              let type = OrderType(rawValue: try row.string("type")) else {
            throw DatabaseError(function: "Order", code: DatabaseError.decoding, message: "unknown status or type")
        }
        self.status = status
        self.type = type
        table = try row.optionalString("table_label")
        note = try row.optionalString("note")
        source = try row.string("source")
        businessDate = try row.string("business_date")
        subtotalCents = try row.int("subtotal_cents")
        discountCents = try row.int("discount_cents")
        taxCents = try row.int("tax_cents")
        totalCents = try row.int("total_cents")
        if let percent = try row.optionalInt("discount_percent_bp") {
            discount = .percent(basisPoints: percent)
        } else if let amount = try row.optionalInt("discount_amount_cents") {
            discount = .amount(cents: amount)
        } else {
            discount = nil
        }
        discountReason = try row.optionalString("discount_reason")
        taxMode = TaxMode(rawValue: try row.string("tax_mode")) ?? .exclusive
        version = try row.int("version")
        createdBy = try row.optionalInt("created_by")
        createdAt = try row.timestamp("created_at")
        updatedAt = try row.timestamp("updated_at")
        submittedAt = try row.optionalTimestamp("submitted_at")
        if row.has("paid_cents") {
            paidCents = try row.optionalInt("paid_cents") ?? 0
            refundedCents = try row.optionalInt("refunded_cents") ?? 0
        }
    }

    /// What the one pricing function says this order costs now.
    var repriced: OrderTotals {
        Pricing.totals(lines.map(\.pricing), discount: discount, mode: taxMode)
    }

    var balanceCents: Int { max(0, totalCents - paidCents) }

    var paymentStatus: String {
        if paidCents <= 0 { return refundedCents > 0 ? "refunded" : "unpaid" }
        return paidCents >= totalCents ? "paid" : "partially_paid"
    }

    var json: JSON {
        ["id": .int(id), "number": .int(number), "status": .string(status.rawValue), "type": .string(type.rawValue),
         "table": .optional(table), "note": .optional(note), "source": .string(source),
         "items": .array(lines.map(\.json)), "subtotal_cents": .int(subtotalCents), "discount_cents": .int(discountCents),
         "tax_cents": .int(taxCents), "total_cents": .int(totalCents), "paid_cents": .int(paidCents),
         "balance_cents": .int(balanceCents), "payment_status": .string(paymentStatus),
         "discount_reason": .optional(discountReason), "business_date": .string(businessDate), "version": .int(version),
         "created_by": .optional(createdBy), "created_at": .string(createdAt), "updated_at": .string(updatedAt),
         "submitted_at": .optional(submittedAt)]
    }
}
