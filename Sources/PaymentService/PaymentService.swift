import PosCore

/// Payments (cash and card, split tender, tips), refunds, and till shifts with their cash
/// drawer and Z report.
///
/// What was paid for an order lives in one place, `payment_order_totals`, which only this
/// service writes: every payment and refund locks that row and changes it in the same
/// transaction as the payment or refund row. The order service only reads it to show
/// `paid_cents`, `balance_cents` and `payment_status`; this service only reads `orders`
/// (under a shared lock) to check an order's total and status.
public enum PaymentService: PosService {
    public static let name = "payment"

    public static func registerRoutes(_ router: inout Router) {
        PaymentController.register(&router)
        RefundController.register(&router)
        ShiftController.register(&router)
        CashMovementController.register(&router)
    }

    /// `backfill-reports` (see `BackfillCommand`).
    public static var commands: [any ServiceCommand.Type] { [BackfillCommand.self] }
}
