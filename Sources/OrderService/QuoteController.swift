import MariaDB
import PosCore
import PosHTTP
import PosMoney

/// `POST /api/orders/quote`: what an order would cost, from the same pricing; nothing stored.
enum QuoteController {
    static func register(_ router: inout Router) {
        router.post("/api/orders/quote", quote)
    }

    static func quote(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        var body = try JSONBody(request)
        let type = OrderInput.type(&body)
        let lines = LineRequest.list("items", from: &body)
        try body.finish()
        let priced = try MenuCatalog(db: context.db).price(lines)
        let totals = Pricing.totals(priced.map(\.pricing), discount: nil, mode: context.environment.taxMode)
        let items: [JSON] = priced.map { line in
            ["item_id": .int(line.request.itemID), "name": .string(line.name), "quantity": .int(line.request.quantity),
             "unit_price_cents": .int(line.pricing.unitPriceCents), "modifiers": .array(line.modifiers.map(\.json)),
             "line_total_cents": .int(line.pricing.lineTotalCents)]
        }
        return .json(["type": .optional(type?.rawValue), "items": .array(items), "subtotal_cents": .int(totals.subtotalCents),
                      "discount_cents": .int(totals.discountCents), "tax_cents": .int(totals.taxCents),
                      "total_cents": .int(totals.totalCents), "prices_include_tax": .bool(context.environment.taxMode == .inclusive)])
    }
}
