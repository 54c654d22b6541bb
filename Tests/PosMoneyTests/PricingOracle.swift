@testable import PosMoney

/// The README's "Money" rule, computed from its words in exact fractions, sharing no code
/// with `Pricing`: the property test holds the pricing function to this.
///
/// 1. line total = (price + modifier deltas) × quantity (never below zero: `PricingLine`'s contract);
/// 2. subtotal = Σ line totals;
/// 3. discount: percent = subtotal × bp / 10 000 rounded half up, amount capped at the subtotal;
///    spread over the lines in proportion to their totals by largest remainder (earlier lines
///    win ties, as `Money.allocate` documents);
/// 4. per tax rate, taxable = that rate's discounted line totals; exclusive tax =
///    taxable × rate / 10 000 rounded half up; inclusive tax = taxable − (taxable × 10 000 /
///    (10 000 + rate) rounded half up);
/// 5. total = subtotal − discount (+ tax when exclusive).
enum PricingOracle {
    struct Result: Equatable, CustomStringConvertible {
        var lineTotals: [Int]
        var subtotal: Int
        var discount: Int
        var lineDiscounts: [Int]
        /// Discount cents that fell on each rate's lines.
        var discountByRate: [Int: Int]
        var taxByRate: [Int: Int]
        var tax: Int
        var total: Int

        var description: String {
            "subtotal \(subtotal), discount \(discount) \(lineDiscounts), tax \(tax) \(taxByRate.sorted { $0.key < $1.key }), total \(total)"
        }
    }

    static func price(_ lines: [PricingLine], discount: Discount?, mode: TaxMode) -> Result {
        let lineTotals = lines.map { max(0, $0.basePriceCents + $0.modifierDeltasCents.reduce(0, +)) * $0.quantity }
        let subtotal = lineTotals.reduce(0, +)
        let discountCents: Int = switch discount {
        case nil: 0
        case .percent(let basisPoints): min(subtotal, (Rational(subtotal) * Rational(basisPoints, 10_000)).roundedHalfUp)
        case .amount(let cents): min(subtotal, cents)
        }
        let lineDiscounts = largestRemainder(discountCents, over: lineTotals)

        var discountByRate: [Int: Int] = [:]
        var taxableByRate: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            discountByRate[line.taxRateBP, default: 0] += lineDiscounts[index]
            taxableByRate[line.taxRateBP, default: 0] += lineTotals[index] - lineDiscounts[index]
        }
        let taxByRate = Dictionary(uniqueKeysWithValues: taxableByRate.map { rate, taxable in
            (rate, taxOf(taxable, rate: rate, mode: mode))
        })
        let tax = taxByRate.values.reduce(0, +)
        let total = subtotal - discountCents + (mode == .exclusive ? tax : 0)
        return Result(lineTotals: lineTotals, subtotal: subtotal, discount: discountCents, lineDiscounts: lineDiscounts,
                      discountByRate: discountByRate, taxByRate: taxByRate, tax: tax, total: total)
    }

    static func taxOf(_ taxable: Int, rate: Int, mode: TaxMode) -> Int {
        switch mode {
        case .exclusive:
            (Rational(taxable) * Rational(rate, 10_000)).roundedHalfUp
        case .inclusive:
            taxable - (Rational(taxable) * Rational(10_000, 10_000 + rate)).roundedHalfUp
        }
    }

    /// `amount` split in proportion to `weights`: everyone gets the floor of their exact share,
    /// and the cents left over go one each to the largest fractional parts.
    static func largestRemainder(_ amount: Int, over weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.map { _ in 0 } }
        let shares = weights.map { Rational(amount) * Rational($0, total) }
        var parts = shares.map(\.floor)
        let left = amount - parts.reduce(0, +)
        let byRemainder = shares.indices.sorted {
            shares[$0].fractionalPart != shares[$1].fractionalPart
                ? shares[$0].fractionalPart > shares[$1].fractionalPart : $0 < $1
        }
        for index in byRemainder.prefix(left) { parts[index] += 1 }
        return parts
    }
}
