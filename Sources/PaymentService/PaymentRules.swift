/// The money rules of payments and refunds, as pure functions of integer cents.
enum PaymentRules {
    /// One payment or refund moves at most 100 000.00.
    static let amountRange = 1...10_000_000
    /// Cash handed over for one payment.
    static let tenderedRange = 1...100_000_000
    static let tipRange = 0...1_000_000

    /// What is still owed on an order: its total minus what was captured and not refunded.
    /// Negative only if an order's total fell below what was paid (the order service refuses
    /// such changes).
    static func balance(totalCents: Int, capturedCents: Int, refundedCents: Int) -> Int {
        totalCents - (capturedCents - refundedCents)
    }

    /// Change for a cash payment: tendered − amount; nil when too little was tendered.
    static func change(tenderedCents: Int, amountCents: Int) -> Int? {
        tenderedCents >= amountCents ? tenderedCents - amountCents : nil
    }

    /// Whether a payment of `amountCents` fits in the balance (never overpays an order).
    static func fitsBalance(amountCents: Int, balanceCents: Int) -> Bool {
        amountCents <= balanceCents
    }

    /// What may still be refunded of a payment: its amount minus what was refunded already.
    /// Tips are not refunded through the API.
    static func refundable(amountCents: Int, refundedCents: Int) -> Int {
        max(0, amountCents - refundedCents)
    }

    /// A payment's status from its amount and what was refunded of it.
    static func status(amountCents: Int, refundedCents: Int) -> PaymentStatus {
        if refundedCents <= 0 { return .captured }
        return refundedCents >= amountCents ? .refunded : .partiallyRefunded
    }
}

enum PaymentMethod: String, Sendable, CaseIterable {
    case cash, card
}

enum PaymentStatus: String, Sendable {
    case captured
    case partiallyRefunded = "partially_refunded"
    case refunded
}
