import PosCore

/// Orders (staff's and guests'), the kitchen queue, quotes and receipts.
public enum OrderService: PosService {
    public static let name = "order"

    public static func registerRoutes(_ router: inout Router) {
        QuoteController.register(&router)
        OrderController.register(&router)
        OrderLifecycleController.register(&router)
        GuestOrderReviewController.register(&router)
        GuestOrderController.register(&router)
        KitchenController.register(&router)
        ReceiptController.register(&router)
    }

    /// `backfill-reports` (see `BackfillCommand`).
    public static var commands: [any ServiceCommand.Type] { [BackfillCommand.self] }
}
