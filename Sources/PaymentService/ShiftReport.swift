import PosHTTP

/// A shift's Z report: sales by method, tips, refunds, discounts and cash movements, and the
/// drawer's expected cash.
struct ShiftReport: Sendable {
    struct MethodSales: Sendable, Equatable {
        var count = 0
        var amountCents = 0
        var tipCents = 0
    }

    struct MethodRefunds: Sendable, Equatable {
        var count = 0
        var amountCents = 0
    }

    var sales: [PaymentMethod: MethodSales] = [:]
    var refunds: [PaymentMethod: MethodRefunds] = [:]
    /// Of the orders with a payment in the shift: how many had a discount, and the sum of
    /// their `discount_cents`.
    var discountOrderCount = 0
    var discountCents = 0
    var cashInCents = 0
    var cashOutCents = 0
    var movements: [CashMovement] = []
    var openingFloatCents = 0

    /// The drawer figures; see `CashDrawer` for the rule.
    var drawer: CashDrawer {
        CashDrawer(openingFloatCents: openingFloatCents, cashSalesCents: sales[.cash]?.amountCents ?? 0,
                   cashTipsCents: sales[.cash]?.tipCents ?? 0, cashRefundsCents: refunds[.cash]?.amountCents ?? 0,
                   movementsCents: cashInCents + cashOutCents)
    }

    var json: JSON {
        let salesCount = sales.values.reduce(0) { $0 + $1.count }
        let salesCents = sales.values.reduce(0) { $0 + $1.amountCents }
        let tipCents = sales.values.reduce(0) { $0 + $1.tipCents }
        let refundCount = refunds.values.reduce(0) { $0 + $1.count }
        let refundCents = refunds.values.reduce(0) { $0 + $1.amountCents }
        let drawer = drawer
        func salesJSON(_ method: PaymentMethod) -> JSON {
            let value = sales[method] ?? MethodSales()
            return ["count": .int(value.count), "amount_cents": .int(value.amountCents), "tip_cents": .int(value.tipCents)]
        }
        func refundsJSON(_ method: PaymentMethod) -> JSON {
            let value = refunds[method] ?? MethodRefunds()
            return ["count": .int(value.count), "amount_cents": .int(value.amountCents)]
        }
        return [
            "sales_by_method": ["cash": salesJSON(.cash), "card": salesJSON(.card)],
            "sales": ["count": .int(salesCount), "amount_cents": .int(salesCents)],
            "tips": ["cash_cents": .int(sales[.cash]?.tipCents ?? 0), "card_cents": .int(sales[.card]?.tipCents ?? 0),
                     "total_cents": .int(tipCents)],
            "refunds": ["count": .int(refundCount), "amount_cents": .int(refundCents),
                        "by_method": ["cash": refundsJSON(.cash), "card": refundsJSON(.card)]],
            "net_sales_cents": .int(salesCents - refundCents),
            "discounts": ["order_count": .int(discountOrderCount), "amount_cents": .int(discountCents)],
            "cash_movements": ["in_cents": .int(cashInCents), "out_cents": .int(cashOutCents),
                               "net_cents": .int(cashInCents + cashOutCents), "items": .array(movements.map(\.json))],
            "cash": ["opening_float_cents": .int(drawer.openingFloatCents), "cash_sales_cents": .int(drawer.cashSalesCents),
                     "cash_tips_cents": .int(drawer.cashTipsCents), "cash_refunds_cents": .int(drawer.cashRefundsCents),
                     "movements_cents": .int(drawer.movementsCents), "expected_cash_cents": .int(drawer.expectedCents)],
        ]
    }
}
