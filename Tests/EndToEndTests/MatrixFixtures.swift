import Foundation
import PosCoreTesting
import PosHTTP

/// Fresh things for the permission matrix to act on, made through the API by staff who may
/// (never by the caller under test), so each caller of a row gets its own.
enum MatrixFixtures {
    static let gateway = GatewayClient.shared

    static func cashier() async throws -> StaffSession { try await StaffFixtures.shared(.cashier) }
    static func manager() async throws -> StaffSession { try await StaffFixtures.shared(.manager) }

    /// A second cashier, for "someone else's shift".
    static let otherCashier = Once { try await StaffFixtures.newSession(.cashier) }

    /// An account whose credentials the login row uses.
    static let loginAccount = Once { try await StaffFixtures.createAccount(.barista) }

    // MARK: orders and payments

    /// An open order of one 5.00 coffee, rung up by the shared cashier: its id and its line's id.
    static func openOrder() async throws -> (id: Int, lineID: Int) {
        let cashier = try await cashier()
        let order = try await PaymentFixtures.newOrder(quantity: 1, token: cashier.token)
        let json = try await PaymentFixtures.order(order.id, token: cashier.token)
        guard let lineID = json["items"]?.arrayValue?.first?["id"]?.intValue else {
            throw OrderFixtureError("order \(order.id) has no line: \(json)")
        }
        return (order.id, lineID)
    }

    /// An open order sent to the kitchen by the cashier.
    static func submittedOrder() async throws -> (id: Int, lineID: Int) {
        let order = try await openOrder()
        try await OrderFixtures.post(order.id, "submit", token: try await cashier().token).expecting(200, "submit order \(order.id)")
        return order
    }

    /// A submitted order the manager marked ready.
    static func readyOrder() async throws -> Int {
        let order = try await submittedOrder()
        try await OrderFixtures.post(order.id, "ready", token: try await manager().token).expecting(200, "order \(order.id) ready")
        return order.id
    }

    /// A 5.00 order paid by card by the cashier: the payment's id and the order's.
    static func payment() async throws -> (id: Int, orderID: Int) {
        let order = try await openOrder()
        let response = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "card", "amount_cents": 500, "reference": "MATRIX",
        ], token: try await cashier().token).expecting(201, "pay order \(order.id)")
        return (try MenuFixtures.id(of: response), order.id)
    }

    /// A line of the payment tests' 5.00 coffee, for order and quote bodies.
    static func coffeeLine() async throws -> JSON { OrderFixtures.line(try await coffeeItem.value()) }

    /// The payment tests' 5.00 coffee (no tax), found through an order of it.
    private static let coffeeItem = Once {
        let order = try await openOrder()
        let json = try await PaymentFixtures.order(order.id, token: try await cashier().token)
        guard let itemID = json["items"]?.arrayValue?.first?["item_id"]?.intValue else {
            throw OrderFixtureError("order \(order.id) has no item: \(json)")
        }
        return itemID
    }

    /// Reads the order as admin (for "nothing changed").
    static func observeOrder(_ id: Int) -> @Sendable () async throws -> JSON? {
        { try await read("/api/orders/\(id)") }
    }

    /// Takes the order off the kitchen queue if it is still on it, so the matrix leaves the
    /// queue as it found it.
    static func offTheQueue(_ id: Int) -> @Sendable () async throws -> Void {
        {
            let manager = try await manager()
            switch try await read("/api/orders/\(id)")?["status"]?.stringValue {
            case "submitted":
                try await OrderFixtures.post(id, "cancel", json: ["reason": "permission matrix clean-up"], token: manager.token)
                    .expecting(200, "cancel order \(id)")
            case "ready":
                try await OrderFixtures.post(id, "complete", token: manager.token).expecting(200, "hand over order \(id)")
            default:
                break
            }
        }
    }

    // MARK: guest ordering

    /// The table of the matrix's guest sessions ("guest A"s place fixtures there).
    static let guestTable = Once { try await GuestFixtures.newTable("Matrix A") }
    static let guestTableToken = Once {
        guard let token = try await guestTable.value()["token"]?.stringValue else { throw OrderFixtureError("a table without a token") }
        return token
    }

    /// "Guest B", the guest caller: a session at a table of its own.
    static let guestB = Once { try await GuestFixtures.newSession(at: try await GuestFixtures.newTable("Matrix B")) }

    /// A new table; its id.
    static func table() async throws -> Int { try GuestFixtures.id(try await GuestFixtures.newTable("Matrix")) }

    /// A pending order of the payment tests' coffee placed by `session`; its id.
    static func guestOrder(by session: GuestSession) async throws -> Int {
        let response = try await GuestFixtures.place([try await coffeeLine()], as: session).expecting(201, "a guest order")
        return try MenuFixtures.id(of: response)
    }

    /// The table as admin sees it in `GET /api/guest/tables`.
    static func observeTable(_ id: Int) -> @Sendable () async throws -> JSON? {
        {
            var cursor: String?
            for _ in 0..<50 {
                let page = try await read("/api/guest/tables?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""))
                if let table = page?["items"]?.arrayValue?.first(where: { $0["id"] == .int(id) }) { return table }
                guard let next = page?["next_cursor"]?.stringValue else { return nil }
                cursor = next
            }
            return nil
        }
    }

    // MARK: menu

    /// A new empty category.
    static func category() async throws -> Int { try await MenuFixtures.asManager().createCategory() }

    /// The category the matrix's new items go in.
    static let itemCategory = Once { try await category() }

    /// A new item (4.50, 10 %).
    static func item() async throws -> Int {
        let fixtures = try await MenuFixtures.asManager()
        return try MenuFixtures.id(of: try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": .int(try await itemCategory.value()), "name": .string(MenuFixtures.uniqueName("Matrix")),
            "price_cents": 450, "tax_rate_bp": 1000,
        ], token: fixtures.token).expecting(201, "create an item"))
    }

    static func observeItem(_ id: Int) -> @Sendable () async throws -> JSON? {
        { try await read("/api/menu/items/\(id)") }
    }

    /// The public menu's entry for a category (nil once it is gone).
    static func observeCategory(_ id: Int) -> @Sendable () async throws -> JSON? {
        { try await PublicMenu.fetch().category(id) }
    }

    // MARK: staff and shifts

    /// A new account of `role`, made by admin.
    static func account(_ role: Role) async throws -> Int { try await StaffFixtures.createAccount(role).id }

    /// The staff member as admin sees them in `GET /api/staff`.
    static func observeStaff(_ id: Int) -> @Sendable () async throws -> JSON? {
        {
            var cursor: String?
            for _ in 0..<50 {
                let page = try await read("/api/staff?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""))
                if let member = page?["items"]?.arrayValue?.first(where: { $0["id"] == .int(id) }) { return member }
                guard let next = page?["next_cursor"]?.stringValue else { return nil }
                cursor = next
            }
            return nil
        }
    }

    /// A shift opened by `session` on a till of its own: its id and till.
    static func shift(openedBy session: StaffSession) async throws -> (id: Int, till: String) {
        let till = "matrix-\(UUID().uuidString.prefix(8).lowercased())"
        let response = try await gateway.send("POST", "/api/shifts", json: ["opening_float_cents": 10_000, "till": .string(till)],
                                              token: session.token).expecting(201, "open a shift on \(till)")
        return (try MenuFixtures.id(of: response), till)
    }

    /// A shift that is the caller's own when the caller may open one (else the shared cashier's).
    static func ownShift(of caller: Caller) async throws -> (id: Int, till: String) {
        if let session = try await caller.session(), Role.tillStaff.contains(session.role) {
            return try await shift(openedBy: session)
        }
        return try await shift(openedBy: try await cashier())
    }

    static func observeShift(_ id: Int) -> @Sendable () async throws -> JSON? {
        { try await read("/api/shifts/\(id)") }
    }

    /// `GET path` as admin; its JSON, or nil on 404.
    static func read(_ path: String) async throws -> JSON? {
        let response = try await gateway.send("GET", path, token: try await StaffFixtures.admin().token)
        if response.status == 404 { return nil }
        return try requireJSON(try response.expecting(200, "GET \(path) as admin"))
    }
}
