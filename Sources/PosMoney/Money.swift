/// Integer-cent arithmetic. The one rounding rule of the project: round half up (away from
/// zero for the non-negative amounts we round), applied once per tax rate per order.
public enum Money {
    /// `numerator / denominator` rounded half up; both non-negative, denominator > 0.
    public static func divideRoundingHalfUp(_ numerator: Int, _ denominator: Int) -> Int {
        precondition(numerator >= 0 && denominator > 0, "money division needs non-negative values")
        return (numerator * 2 + denominator) / (denominator * 2)
    }

    /// Splits `amount` across `weights` in proportion, exactly (largest remainder, earlier
    /// entries win ties), so the parts always add up to `amount`.
    public static func allocate(_ amount: Int, proportionalTo weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0, amount > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { amount * $0 / total }
        let remainders = weights.enumerated().map { ($0.offset, amount * $0.element % total) }
        var left = amount - parts.reduce(0, +)
        for (index, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
