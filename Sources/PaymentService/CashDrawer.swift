/// The cash a till's drawer should hold, and how far the count is from it.
///
/// expected = opening float
///          + cash kept for sales (per cash payment: tendered − change = amount)
///          + cash tips (handed over on top of what was tendered for the amount)
///          − cash refunds (refunds of cash payments issued while the shift was open)
///          + cash movements (in > 0, out < 0)
/// over/short = counted − expected (positive: more cash than expected; negative: missing).
/// Card payments, card tips and card refunds never touch the drawer.
struct CashDrawer: Sendable, Equatable {
    var openingFloatCents = 0
    var cashSalesCents = 0
    var cashTipsCents = 0
    var cashRefundsCents = 0
    var movementsCents = 0

    var expectedCents: Int {
        openingFloatCents + cashSalesCents + cashTipsCents - cashRefundsCents + movementsCents
    }

    func overShortCents(countedCents: Int) -> Int {
        countedCents - expectedCents
    }
}
