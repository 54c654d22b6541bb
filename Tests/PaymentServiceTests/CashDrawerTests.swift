import PosHTTP
import Testing
@testable import PaymentService

@Suite("Expected cash and over/short at closing")
struct CashDrawerTests {
    @Test func anEmptyShiftExpectsItsFloat() {
        let drawer = CashDrawer(openingFloatCents: 10_000)
        #expect(drawer.expectedCents == 10_000)
        #expect(drawer.overShortCents(countedCents: 10_000) == 0)
    }

    @Test func salesAndTipsComeInRefundsAndMovementsAdjust() {
        // Float 100.00; cash sales 12.50 + 7.00; cash tips 1.50; one cash refund 3.00;
        // a top-up of 20.00 and a safe drop of 50.00.
        let drawer = CashDrawer(openingFloatCents: 10_000, cashSalesCents: 1_250 + 700, cashTipsCents: 150,
                                cashRefundsCents: 300, movementsCents: 2_000 - 5_000)
        #expect(drawer.expectedCents == 10_000 + 1_950 + 150 - 300 - 3_000)
        #expect(drawer.expectedCents == 8_800)
    }

    @Test func overShortIsCountedMinusExpected() {
        let drawer = CashDrawer(openingFloatCents: 5_000, cashSalesCents: 2_000)
        #expect(drawer.overShortCents(countedCents: 7_000) == 0)
        #expect(drawer.overShortCents(countedCents: 7_050) == 50)
        #expect(drawer.overShortCents(countedCents: 6_900) == -100)
    }

    @Test func theReportFeedsOnlyCashFiguresToTheDrawer() {
        var report = ShiftReport(openingFloatCents: 2_000)
        report.sales[.cash] = .init(count: 2, amountCents: 1_500, tipCents: 200)
        report.sales[.card] = .init(count: 3, amountCents: 9_000, tipCents: 700)
        report.refunds[.cash] = .init(count: 1, amountCents: 500)
        report.refunds[.card] = .init(count: 1, amountCents: 1_000)
        report.cashInCents = 1_000
        report.cashOutCents = -300
        #expect(report.drawer == CashDrawer(openingFloatCents: 2_000, cashSalesCents: 1_500, cashTipsCents: 200,
                                            cashRefundsCents: 500, movementsCents: 700))
        #expect(report.drawer.expectedCents == 2_000 + 1_500 + 200 - 500 + 700)
        #expect(report.json["cash"]?["expected_cash_cents"] == .int(3_900))
        #expect(report.json["sales"]?["amount_cents"] == .int(10_500))
        #expect(report.json["net_sales_cents"] == .int(10_500 - 1_500))
        #expect(report.json["tips"]?["total_cents"] == .int(900))
    }
}
