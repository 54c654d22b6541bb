/// SplitMix64: the same seed gives the same numbers on every machine and Swift version
/// (unlike `SystemRandomNumberGenerator`), so a generated year can be made again exactly, and
/// a property test's random carts too (`PosMoneyTests`).
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, by modulo (bias is irrelevant for test data).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `percent` / 100 (`percent` may be fractional, e.g. 0.4).
    mutating func chance(_ percent: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) * 100 < percent
    }

    /// An index picked with the given weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var pick = int(0...(weights.reduce(0, +) - 1))
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }
}
