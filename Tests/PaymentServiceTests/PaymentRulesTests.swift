import Testing
@testable import PaymentService

@Suite("Money rules of payments and refunds")
struct PaymentRulesTests {
    @Test func changeIsTenderedMinusAmount() {
        #expect(PaymentRules.change(tenderedCents: 2_000, amountCents: 1_250) == 750)
        #expect(PaymentRules.change(tenderedCents: 1_250, amountCents: 1_250) == 0)
        #expect(PaymentRules.change(tenderedCents: 1_249, amountCents: 1_250) == nil)
    }

    @Test func balanceIsTotalMinusCapturedPlusRefunded() {
        #expect(PaymentRules.balance(totalCents: 1_000, capturedCents: 0, refundedCents: 0) == 1_000)
        #expect(PaymentRules.balance(totalCents: 1_000, capturedCents: 600, refundedCents: 0) == 400)
        #expect(PaymentRules.balance(totalCents: 1_000, capturedCents: 1_000, refundedCents: 250) == 250)
    }

    @Test func aPaymentNeverOverpaysTheBalance() {
        #expect(PaymentRules.fitsBalance(amountCents: 400, balanceCents: 400))
        #expect(!PaymentRules.fitsBalance(amountCents: 401, balanceCents: 400))
        #expect(!PaymentRules.fitsBalance(amountCents: 1, balanceCents: 0))
        #expect(!PaymentRules.fitsBalance(amountCents: 1, balanceCents: -5))
    }

    @Test func refundsAreLimitedToWhatIsLeftOfThePayment() {
        #expect(PaymentRules.refundable(amountCents: 1_000, refundedCents: 0) == 1_000)
        #expect(PaymentRules.refundable(amountCents: 1_000, refundedCents: 300) == 700)
        #expect(PaymentRules.refundable(amountCents: 1_000, refundedCents: 1_000) == 0)
    }

    @Test func statusFollowsWhatWasRefunded() {
        #expect(PaymentRules.status(amountCents: 1_000, refundedCents: 0) == .captured)
        #expect(PaymentRules.status(amountCents: 1_000, refundedCents: 1) == .partiallyRefunded)
        #expect(PaymentRules.status(amountCents: 1_000, refundedCents: 999) == .partiallyRefunded)
        #expect(PaymentRules.status(amountCents: 1_000, refundedCents: 1_000) == .refunded)
        #expect(PaymentStatus.partiallyRefunded.rawValue == "partially_refunded")
    }
}
