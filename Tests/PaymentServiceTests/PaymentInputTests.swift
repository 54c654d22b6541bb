import PosHTTP
import Testing
@testable import PaymentService

@Suite("Reading a payment request")
struct PaymentInputTests {
    private func read(_ object: JSON) -> (PaymentInput?, [String]) {
        var body = JSONBody(object: object, prefix: "")
        let input = PaymentInput.read(&body)
        return (input, body.errors.map(\.field))
    }

    @Test func cashWithChange() {
        let (input, errors) = read(["order_id": 7, "method": "cash", "amount_cents": 1_250, "tendered_cents": 2_000])
        #expect(errors.isEmpty)
        #expect(input == PaymentInput(orderID: 7, method: .cash, amountCents: 1_250, tipCents: 0, tenderedCents: 2_000,
                                      changeCents: 750, reference: nil, till: "main"))
    }

    @Test func exactCashWhenNothingTendered() {
        let (input, _) = read(["order_id": 7, "method": "cash", "amount_cents": 500, "tip_cents": 50])
        #expect(input?.tenderedCents == 500)
        #expect(input?.changeCents == 0)
        #expect(input?.tipCents == 50)
    }

    @Test func tooLittleTenderedIsRefused() {
        let (input, errors) = read(["order_id": 7, "method": "cash", "amount_cents": 1_250, "tendered_cents": 1_000])
        #expect(input == nil)
        #expect(errors == ["tendered_cents"])
    }

    @Test func cardNeedsAReferenceAndTakesNoTender() {
        #expect(read(["order_id": 7, "method": "card", "amount_cents": 900]).1 == ["reference"])
        #expect(read(["order_id": 7, "method": "card", "amount_cents": 900, "reference": ""]).1 == ["reference"])
        #expect(read(["order_id": 7, "method": "card", "amount_cents": 900, "reference": "A1",
                      "tendered_cents": 1_000]).1 == ["tendered_cents"])
        let (input, errors) = read(["order_id": 7, "method": "card", "amount_cents": 900, "reference": "AUTH-123456",
                                    "till": "bar-2"])
        #expect(errors.isEmpty)
        #expect(input?.tenderedCents == nil)
        #expect(input?.reference == "AUTH-123456")
        #expect(input?.till == "bar-2")
    }

    @Test func amountsAndMethodAreChecked() {
        let (_, errors) = read(["order_id": 0, "method": "cheque", "amount_cents": 0, "tip_cents": -1, "till": "no spaces"])
        #expect(Set(errors) == ["order_id", "method", "amount_cents", "tip_cents", "till"])
        #expect(read(["order_id": 1, "method": "cash", "amount_cents": 10_000_001]).1 == ["amount_cents"])
        #expect(read(["order_id": 1, "method": "cash", "amount_cents": 10_000_000]).1.isEmpty)
        #expect(Set(read([:]).1) == ["order_id", "method", "amount_cents"])
    }
}
