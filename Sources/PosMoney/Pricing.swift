/// Whether menu prices already include tax. One project-wide setting (`POS_PRICES_INCLUDE_TAX`).
public enum TaxMode: String, Sendable {
    /// Menu prices are net; tax is added on top (total = subtotal − discount + tax).
    case exclusive
    /// Menu prices are gross; tax is the part of them that is tax (total = subtotal − discount).
    case inclusive
}

/// An order discount, given by a manager with a reason.
public enum Discount: Sendable, Equatable {
    /// Basis points of the subtotal: 1000 = 10 %.
    case percent(basisPoints: Int)
    case amount(cents: Int)
}

/// One order line as pricing sees it: the menu's price at the time the line was added.
public struct PricingLine: Sendable, Equatable {
    public let basePriceCents: Int
    public let modifierDeltasCents: [Int]
    public let quantity: Int
    public let taxRateBP: Int

    public init(basePriceCents: Int, modifierDeltasCents: [Int] = [], quantity: Int, taxRateBP: Int) {
        self.basePriceCents = basePriceCents
        self.modifierDeltasCents = modifierDeltasCents
        self.quantity = quantity
        self.taxRateBP = taxRateBP
    }

    /// Base price plus modifiers, never below zero (a modifier may lower a price, not invert it).
    public var unitPriceCents: Int { max(0, basePriceCents + modifierDeltasCents.reduce(0, +)) }
    public var lineTotalCents: Int { unitPriceCents * quantity }
}

/// What an order costs. `subtotal − discount + (exclusive ? tax : 0) = total`, all in cents.
public struct OrderTotals: Sendable, Equatable {
    public let lineTotalsCents: [Int]
    public let subtotalCents: Int
    public let discountCents: Int
    /// Each line's part of `discountCents`, in the order of the lines (largest remainder, so
    /// they add up to `discountCents` exactly); stored with the lines for the reports.
    public let discountSharesCents: [Int]
    public let taxCents: Int
    public let totalCents: Int
}

/// The one pricing function. Orders, quotes, receipts, payments and reports all call it.
///
/// Rule (also in README): line total = (price + modifier deltas) × quantity. The discount
/// (percent: subtotal × bp / 10 000 rounded half up; amount: capped at the subtotal) is spread
/// over the lines in proportion to their totals, exactly. Tax is computed once per tax rate on
/// the order: taxable = the discounted line totals at that rate; exclusive tax =
/// taxable × rate / 10 000, inclusive tax = taxable − taxable × 10 000 / (10 000 + rate), each
/// rounded half up to the cent. Then the order's tax is the sum over rates.
public enum Pricing {
    public static func totals(_ lines: [PricingLine], discount: Discount?, mode: TaxMode) -> OrderTotals {
        let lineTotals = lines.map(\.lineTotalCents)
        let subtotal = lineTotals.reduce(0, +)
        let discountCents = discountAmount(discount, subtotal: subtotal)
        let discountShares = Money.allocate(discountCents, proportionalTo: lineTotals)

        var taxableByRate: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            taxableByRate[line.taxRateBP, default: 0] += lineTotals[index] - discountShares[index]
        }
        var tax = 0
        for (rate, taxable) in taxableByRate where rate > 0 {
            switch mode {
            case .exclusive:
                tax += Money.divideRoundingHalfUp(taxable * rate, 10_000)
            case .inclusive:
                tax += taxable - Money.divideRoundingHalfUp(taxable * 10_000, 10_000 + rate)
            }
        }
        let net = subtotal - discountCents
        let total = mode == .exclusive ? net + tax : net
        return OrderTotals(lineTotalsCents: lineTotals, subtotalCents: subtotal, discountCents: discountCents,
                           discountSharesCents: discountShares,
                           taxCents: tax, totalCents: total)
    }

    static func discountAmount(_ discount: Discount?, subtotal: Int) -> Int {
        switch discount {
        case nil: 0
        case .percent(let basisPoints): min(subtotal, Money.divideRoundingHalfUp(subtotal * min(basisPoints, 10_000), 10_000))
        case .amount(let cents): min(subtotal, max(0, cents))
        }
    }
}
