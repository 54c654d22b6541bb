/// An exact fraction of two `Int`s, always in lowest terms with a positive denominator.
/// The pricing oracle computes in these so that no rounding happens except where the README's
/// rule says it does.
struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    let numerator: Int
    let denominator: Int

    init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "a fraction needs a non-zero denominator")
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func - (a: Rational, b: Rational) -> Rational { a + Rational(-b.numerator, b.denominator) }
    static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// The largest integer ≤ self.
    var floor: Int {
        let quotient = numerator / denominator
        return numerator % denominator != 0 && numerator < 0 ? quotient - 1 : quotient
    }

    /// self − floor: in [0, 1).
    var fractionalPart: Rational { self - Rational(floor) }

    /// Round half up: the nearest integer, and x.5 goes up (floor(x + ½)).
    var roundedHalfUp: Int { (self + Rational(1, 2)).floor }

    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
