import Testing
@testable import PosCore

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

    /// Random carts from a fixed seed: the identities hold for every one.
    @Test func randomCartsKeepTheInvariants() {
        var random = SeededGenerator(seed: 20_261_125)
        for _ in 0..<5_000 {
            let lines = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                PricingLine(basePriceCents: Int.random(in: 0...5_000, using: &random),
                            modifierDeltasCents: (0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: -100...300, using: &random) },
                            quantity: Int.random(in: 1...20, using: &random),
                            taxRateBP: [0, 500, 700, 1000, 2000, 1925].randomElement(using: &random)!)
            }
            let discount: Discount? = switch Int.random(in: 0...2, using: &random) {
            case 0: nil
            case 1: .percent(basisPoints: Int.random(in: 0...10_000, using: &random))
            default: .amount(cents: Int.random(in: 0...20_000, using: &random))
            }
            for mode in [TaxMode.exclusive, .inclusive] {
                let totals = Pricing.totals(lines, discount: discount, mode: mode)
                #expect(totals.subtotalCents == totals.lineTotalsCents.reduce(0, +))
                #expect(totals.discountCents >= 0 && totals.discountCents <= totals.subtotalCents)
                #expect(totals.taxCents >= 0)
                let expectedTotal = totals.subtotalCents - totals.discountCents + (mode == .exclusive ? totals.taxCents : 0)
                #expect(totals.totalCents == expectedTotal)
                #expect(totals.totalCents >= 0)
                if mode == .inclusive { #expect(totals.taxCents <= totals.totalCents) }
            }
        }
    }
}

/// SplitMix64: reproducible randomness for property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
