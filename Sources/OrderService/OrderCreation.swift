import MariaDB
import PosCore
import PosMoney

/// The one way an order comes into being, for staff (`POST /api/orders`) and guests
/// (`POST /api/guest/orders`) alike: the lines priced from the menu as it is now, totals from
/// the one pricing function, the day's next ticket number, and the order with its lines stored
/// in the caller's transaction.
struct OrderCreation {
    var type: OrderType
    var table: String?
    var note: String?
    var lines: [LineRequest]
    /// `open` for staff, `pending` for guests (staff accept or reject it).
    var status: OrderStatus
    /// `staff` or `guest`.
    var source: String
    var createdBy: Int?
    var guestSessionID: Int?
    /// A last check before the order is stored (a guest session's cap on pending orders). It
    /// runs once the day's ticket counter row is locked, which every order creation takes before
    /// it inserts: creations run one at a time from there, so a locking read of existing orders
    /// in `admit` sees every committed order and cannot deadlock with another creation.
    var admit: ((Connection) throws -> Void)? = nil

    /// Stores the order in `db`'s transaction and returns it as stored, dated (business date and
    /// local hour) at `now`. Unknown items or options are 422; deleted, unavailable or sold-out
    /// items 409 (`MenuCatalog.price`).
    func create(_ db: Connection, environment: ServiceEnvironment, now: Int) throws -> Order {
        let priced = try MenuCatalog(db: db).price(lines)
        let totals = Pricing.totals(priced.map(\.pricing), discount: nil, mode: environment.taxMode)
        let businessDate = environment.businessDay.date(atEpochSeconds: now)
        let repository = OrderRepository(db: db)
        let number = try TicketCounter.next(db, businessDate: businessDate)
        try admit?(db)
        var order = try repository.insert(.init(
            businessDate: businessDate, number: number, status: status,
            type: type, table: table, note: note?.isEmpty == true ? nil : note, source: source,
            taxMode: environment.taxMode, createdBy: createdBy, guestSessionID: guestSessionID,
            createdHour: environment.businessDay.localHour(atEpochSeconds: now), totals: totals))
        // Stored as built: nothing to read back (a new order has no payments).
        order.lines = try repository.insertLines(orderID: order.id, priced)
        return order
    }
}
