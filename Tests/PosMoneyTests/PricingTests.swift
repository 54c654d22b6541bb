import Testing
@testable import PosMoney
import SalesGenerator

@Suite("Pricing: one function, one rounding rule")
struct PricingTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let lines: [PricingLine]
        let discount: Discount?
        let mode: TaxMode
        let expected: (subtotal: Int, discount: Int, tax: Int, total: Int)
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(name: "latte with oat milk, exclusive 10 %",
                lines: [PricingLine(basePriceCents: 420, modifierDeltasCents: [50, 60], quantity: 1, taxRateBP: 1000)],
                discount: nil, mode: .exclusive, expected: (530, 0, 53, 583)),
        Example(name: "half cent rounds up: 5 × 1 c at 10 % (0.5 c)",
                lines: [PricingLine(basePriceCents: 1, quantity: 5, taxRateBP: 1000)],
                discount: nil, mode: .exclusive, expected: (5, 0, 1, 6)),
        Example(name: "just under half a cent rounds down: 249 c at 0.2 % (0.498 c)",
                lines: [PricingLine(basePriceCents: 249, quantity: 1, taxRateBP: 20)],
                discount: nil, mode: .exclusive, expected: (249, 0, 0, 249)),
        Example(name: "tax once per rate, not per line: 3 × 15 c at 10 % = 4.5 c → 5",
                lines: [PricingLine(basePriceCents: 15, quantity: 1, taxRateBP: 1000),
                        PricingLine(basePriceCents: 15, quantity: 1, taxRateBP: 1000),
                        PricingLine(basePriceCents: 15, quantity: 1, taxRateBP: 1000)],
                discount: nil, mode: .exclusive, expected: (45, 0, 5, 50)),
        Example(name: "quantity 3 croissants at 7 % plus a latte at 10 %",
                lines: [PricingLine(basePriceCents: 300, quantity: 3, taxRateBP: 700),
                        PricingLine(basePriceCents: 420, quantity: 1, taxRateBP: 1000)],
                discount: nil, mode: .exclusive, expected: (1320, 0, 105, 1425)),
        Example(name: "10 % discount spread over two rates",
                lines: [PricingLine(basePriceCents: 300, quantity: 3, taxRateBP: 700),
                        PricingLine(basePriceCents: 420, quantity: 1, taxRateBP: 1000)],
                discount: .percent(basisPoints: 1000), mode: .exclusive, expected: (1320, 132, 95, 1283)),
        Example(name: "amount discount larger than the order is capped",
                lines: [PricingLine(basePriceCents: 280, quantity: 1, taxRateBP: 1000)],
                discount: .amount(cents: 1000), mode: .exclusive, expected: (280, 280, 0, 0)),
        Example(name: "inclusive: 1100 c at 10 % holds 100 c tax",
                lines: [PricingLine(basePriceCents: 1100, quantity: 1, taxRateBP: 1000)],
                discount: nil, mode: .inclusive, expected: (1100, 0, 100, 1100)),
        Example(name: "inclusive: 105 c at 10 % has a net of 95.45 c, rounded to 95, so tax is 10 c",
                lines: [PricingLine(basePriceCents: 105, quantity: 1, taxRateBP: 1000)],
                discount: nil, mode: .inclusive, expected: (105, 0, 10, 105)),
        Example(name: "inclusive with 150 c off",
                lines: [PricingLine(basePriceCents: 750, modifierDeltasCents: [150], quantity: 2, taxRateBP: 1000)],
                discount: .amount(cents: 150), mode: .inclusive, expected: (1800, 150, 150, 1650)),
        Example(name: "percent discount half cent rounds up: 12.5 % of 4 c = 0.5 c → 1",
                lines: [PricingLine(basePriceCents: 4, quantity: 1, taxRateBP: 0)],
                discount: .percent(basisPoints: 1250), mode: .exclusive, expected: (4, 1, 0, 3)),
        Example(name: "a negative modifier cannot make a price negative",
                lines: [PricingLine(basePriceCents: 100, modifierDeltasCents: [-300], quantity: 2, taxRateBP: 1000)],
                discount: nil, mode: .exclusive, expected: (0, 0, 0, 0)),
    ]

    @Test(arguments: examples)
    func fixedExamples(_ example: Example) {
        let totals = Pricing.totals(example.lines, discount: example.discount, mode: example.mode)
        #expect(totals.subtotalCents == example.expected.subtotal)
        #expect(totals.discountCents == example.expected.discount)
        #expect(totals.taxCents == example.expected.tax)
        #expect(totals.totalCents == example.expected.total)
    }

    @Test func halfUpDivision() {
        #expect(Money.divideRoundingHalfUp(5, 10) == 1)
        #expect(Money.divideRoundingHalfUp(4, 10) == 0)
        #expect(Money.divideRoundingHalfUp(15, 10) == 2)
        #expect(Money.divideRoundingHalfUp(25, 10) == 3)
        #expect(Money.divideRoundingHalfUp(0, 7) == 0)
    }

    @Test func allocationIsExactAndProportional() {
        #expect(Money.allocate(100, proportionalTo: [1, 1, 1]) == [34, 33, 33])
        #expect(Money.allocate(132, proportionalTo: [900, 420]) == [90, 42])
        #expect(Money.allocate(5, proportionalTo: [0, 0]) == [0, 0])
    }

    @Test("The oracle agrees with every pinned example", arguments: examples)
    func oracleReproducesExamples(_ example: Example) {
        let oracle = PricingOracle.price(example.lines, discount: example.discount, mode: example.mode)
        #expect(oracle.subtotal == example.expected.subtotal)
        #expect(oracle.discount == example.expected.discount)
        #expect(oracle.tax == example.expected.tax)
        #expect(oracle.total == example.expected.total)
    }

    /// 5 000 random carts from a fixed seed, priced both ways, against the README's rule in
    /// exact fractions: subtotal, the discount and its spread, the tax of each rate, the total.
    @Test func randomCartsMatchTheRuleInExactFractions() {
        var random = SeededRandom(seed: 20_261_125)
        var mismatches: [String] = []
        var discountedCarts = 0
        for cart in 0..<5_000 {
            let (lines, discount) = Self.randomCart(&random)
            if discount != nil { discountedCarts += 1 }
            for mode in [TaxMode.exclusive, .inclusive] {
                let oracle = PricingOracle.price(lines, discount: discount, mode: mode)
                let totals = Pricing.totals(lines, discount: discount, mode: mode)
                var wrong: [String] = []
                if totals.lineTotalsCents != oracle.lineTotals { wrong.append("line totals \(totals.lineTotalsCents)") }
                if totals.subtotalCents != oracle.subtotal { wrong.append("subtotal \(totals.subtotalCents)") }
                if totals.discountCents != oracle.discount { wrong.append("discount \(totals.discountCents)") }
                let spread = Money.allocate(totals.discountCents, proportionalTo: totals.lineTotalsCents)
                if spread != oracle.lineDiscounts { wrong.append("discount spread \(spread)") }
                // Each rate alone, with the discount share the rule gives it: a wrong tax on one
                // rate cannot hide behind a compensating error on another.
                for (rate, share) in oracle.discountByRate {
                    let ofRate = lines.filter { $0.taxRateBP == rate }
                    let tax = Pricing.totals(ofRate, discount: .amount(cents: share), mode: mode).taxCents
                    if tax != oracle.taxByRate[rate] { wrong.append("tax at \(rate) bp \(tax)") }
                }
                if totals.taxCents != oracle.tax { wrong.append("tax \(totals.taxCents)") }
                if totals.totalCents != oracle.total { wrong.append("total \(totals.totalCents)") }
                if !wrong.isEmpty, mismatches.count < 5 {
                    let cartText = lines.map { "\($0.basePriceCents)\($0.modifierDeltasCents)×\($0.quantity)@\($0.taxRateBP)bp" }
                    mismatches.append("cart \(cart) \(mode) \(cartText) \(String(describing: discount)): pricing gave \(wrong), the rule gives \(oracle)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(discountedCarts > 2_000, "the generator exercises discounts")
    }

    /// 1–8 lines; prices of a few cents (so half cents are common) and of a menu; repeated lines
    /// (ties in the discount spread); usual tax rates and odd ones; no discount, a percentage or
    /// an amount (sometimes more than the cart).
    static func randomCart(_ random: inout SeededRandom) -> ([PricingLine], Discount?) {
        var lines: [PricingLine] = []
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            if let previous = lines.last, Int.random(in: 0..<5, using: &random) == 0 {
                lines.append(previous)
                continue
            }
            let price = Bool.random(using: &random) ? Int.random(in: 0...5_000, using: &random) : Int.random(in: 1...40, using: &random)
            let rate = Int.random(in: 0..<5, using: &random) == 0
                ? Int.random(in: 1...2_500, using: &random)
                : [0, 500, 700, 1000, 1925, 2000].randomElement(using: &random)!
            lines.append(PricingLine(
                basePriceCents: price,
                modifierDeltasCents: (0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: -100...300, using: &random) },
                quantity: Int.random(in: 1...20, using: &random), taxRateBP: rate))
        }
        let discount: Discount? = switch Int.random(in: 0...3, using: &random) {
        case 0: nil
        case 1: .percent(basisPoints: Int.random(in: 0...10_000, using: &random))
        case 2: .percent(basisPoints: [1000, 1250, 3333, 5000, 10_000].randomElement(using: &random)!)
        default: .amount(cents: Int.random(in: 0...20_000, using: &random))
        }
        return (lines, discount)
    }
}

@Suite("Business day")
struct BusinessDayTests {
    @Test func aSaleAfterMidnightCountsOnTheDayTheShiftBegan() throws {
        let day = try BusinessDay(timeZoneIdentifier: "Europe/Berlin", dayStartHour: 4)
        // 2026-11-25T23:30:00Z is 00:30 on the 26th in Berlin (UTC+1): still the 25th's trading day.
        #expect(day.date(atEpochSeconds: 1_795_649_400) == "2026-11-25")
        // 03:30Z is 04:30 in Berlin: the 26th has begun.
        #expect(day.date(atEpochSeconds: 1_795_649_400 + 4 * 3600) == "2026-11-26")
    }

    @Test func unknownZonesAreRejected() {
        #expect(throws: ConfigurationError.self) { try BusinessDay(timeZoneIdentifier: "Mars/Olympus", dayStartHour: 4) }
        #expect(throws: ConfigurationError.self) { try BusinessDay(timeZoneIdentifier: "UTC", dayStartHour: 24) }
    }
}
