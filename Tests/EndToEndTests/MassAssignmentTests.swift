import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Fields a client may not set (ids, authors, statuses, money the server works out, versions)
/// sent anyway in create and change bodies: each is ignored, or the request refused, and what
/// is stored, read back through the API, is what the server alone decides.
@Suite("Mass assignment")
struct MassAssignmentTests {
    let gateway = GatewayClient.shared
    static let longAgo = "2000-01-01T00:00:00Z"

    @Test("Creating staff: id, active, created_at and a password hash in the body are not taken")
    func staffCreate() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let admin = try await StaffFixtures.admin()
        let username = StaffFixtures.uniqueUsername("massassign")

        let response = try await gateway.send("POST", "/api/staff", json: [
            "username": .string(username), "display_name": "Smuggler", "role": "cashier", "password": "a long enough password",
            "id": .int(admin.id), "active": false, "created_at": .string(Self.longAgo), "version": 99,
            "password_hash": "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        ], token: manager.token)

        #expect(response.status == 201 || response.status == 422, "\(response)")
        guard response.status == 201 else {
            let login = try await StaffFixtures.login(username: username, password: "a long enough password")
            #expect(login.status == 401, "a refused form creates no account: \(login)")
            return
        }
        let id = try MenuFixtures.id(of: response)
        let stored = try #require(try await MatrixFixtures.observeStaff(id)())
        #expect(id != admin.id)
        #expect(stored["username"] == .string(username))
        #expect(stored["role"] == "cashier")
        #expect(stored["active"] == true)
        #expect(stored["created_at"] != .string(Self.longAgo))
        #expect(try await MatrixFixtures.observeStaff(admin.id)()?["username"] == "admin", "admin's account is untouched")
        let login = try await StaffFixtures.login(username: username, password: "a long enough password")
        #expect(login.status == 200, "the password given is the one stored, not the hash: \(login)")
    }

    @Test("Editing staff: username, id and created_at cannot be changed")
    func staffPatch() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let target = try await StaffFixtures.createAccount(.barista)
        let before = try #require(try await MatrixFixtures.observeStaff(target.id)())

        let response = try await gateway.send("PATCH", "/api/staff/\(target.id)", json: [
            "display_name": "Renamed", "username": "admin", "id": 1, "created_at": .string(Self.longAgo),
        ], token: manager.token)

        #expect(response.status == 200 || response.status == 422, "\(response)")
        let stored = try #require(try await MatrixFixtures.observeStaff(target.id)())
        #expect(stored["username"] == .string(target.username))
        #expect(stored["created_at"] == before["created_at"])
        #expect(stored["role"] == "barista")
        #expect(try await MatrixFixtures.observeStaff(1)()?["display_name"] != "Renamed", "account 1 is untouched")
    }

    @Test("An order's status, money, author, number and day come from the server; line prices from the menu")
    func orderCreate() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let admin = try await StaffFixtures.admin()
        let line = try await MatrixFixtures.coffeeLine()
        let smuggled: [(String, JSON)] = [
            ("unit_price_cents", 1), ("price_cents", 1), ("line_total_cents", 2), ("name", "Free coffee"), ("id", 1),
        ]
        guard case .object(let members) = line else { throw OrderFixtureError("a line is an object") }

        let response = try await gateway.send("POST", "/api/orders", json: [
            "type": "takeaway", "items": [.object(members.map { $0.0 == "quantity" ? ($0.0, 2) : $0 } + smuggled)],
            "id": 1, "number": 999, "status": "completed", "source": "guest", "paid_cents": 1_000, "balance_cents": 0,
            "payment_status": "paid", "subtotal_cents": 2, "discount_cents": 1, "tax_cents": 0, "total_cents": 1,
            "created_by": .int(admin.id), "business_date": "2000-01-01", "created_at": .string(Self.longAgo), "version": 7,
        ], token: cashier.token)

        #expect(response.status == 201, "\(response)")
        let id = try MenuFixtures.id(of: response)
        let order = try #require(try await MatrixFixtures.read("/api/orders/\(id)"))
        #expect(id != 1)
        #expect(order["status"] == "open")
        #expect(order["source"] == "staff")
        #expect(order["created_by"] == .int(cashier.id))
        #expect(order["number"] != 999)
        #expect(order["business_date"] != "2000-01-01")
        #expect(order["created_at"] != .string(Self.longAgo))
        #expect(order["version"] != 7)
        #expect(order["paid_cents"] == 0)
        #expect(order["payment_status"] == "unpaid")
        #expect(order["discount_cents"] == 0)
        #expect(order["subtotal_cents"] == 1_000)
        #expect(order["total_cents"] == 1_000, "2 × the 5.00 coffee, no tax")
        #expect(order["balance_cents"] == 1_000)
        let stored = try #require(order["items"]?.arrayValue?.first)
        #expect(stored["unit_price_cents"] == 500)
        #expect(stored["line_total_cents"] == 1_000)
        #expect(stored["name"] != "Free coffee")
    }

    @Test("A line added to an order is priced from the menu, whatever the body says")
    func orderAddLine() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await MatrixFixtures.openOrder()
        guard case .object(let members) = try await MatrixFixtures.coffeeLine() else { throw OrderFixtureError("a line is an object") }

        let response = try await gateway.send("POST", "/api/orders/\(order.id)/items", json: .object(members + [
            ("unit_price_cents", 1), ("line_total_cents", 1), ("price_cents", 1), ("name", "Free coffee"), ("id", .int(order.lineID)),
        ]), token: cashier.token)

        #expect(response.status == 201, "\(response)")
        let stored = try #require(try await MatrixFixtures.read("/api/orders/\(order.id)"))
        let lines = stored["items"]?.arrayValue ?? []
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["unit_price_cents"] == 500 && $0["name"] != "Free coffee" }, "\(lines)")
        #expect(Set(lines.compactMap { $0["id"]?.intValue }).count == 2, "the new line got its own id")
        #expect(stored["total_cents"] == 1_000)
    }

    @Test("A menu item's id and version belong to the server: a made-up version is a conflict, never stored")
    func itemVersionAndID() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let id = try await MatrixFixtures.item()
        let before = try #require(try await MatrixFixtures.read("/api/menu/items/\(id)"))
        let version = try #require(before["version"]?.intValue)

        let bumped = try await gateway.send("PATCH", "/api/menu/items/\(id)", json: ["name": "Bumped", "version": .int(version + 5)],
                                            token: manager.token)
        let afterBump = try await MatrixFixtures.read("/api/menu/items/\(id)")
        let renumbered = try await gateway.send("PATCH", "/api/menu/items/\(id)",
                                                json: ["price_cents": 480, "id": .int(id + 1_000_000), "version": .int(version)],
                                                token: manager.token)
        let after = try #require(try await MatrixFixtures.read("/api/menu/items/\(id)"))

        #expect(bumped.status == 409, "a version the item never had is stale: \(bumped)")
        #expect(afterBump == before, "the refused change left the item as it was")
        #expect(renumbered.status == 200 || renumbered.status == 422, "\(renumbered)")
        #expect(after["id"] == .int(id))
        #expect(try await gateway.send("GET", "/api/menu/items/\(id + 1_000_000)").status == 404)
        if renumbered.status == 200 {
            #expect(after["price_cents"] == 480)
            #expect(after["version"] == .int(version + 1), "the server moves the version by one")
        }
    }

    @Test("A new item or category takes neither the id nor the version it is sent")
    func menuCreate() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let firstItem = try await gateway.send("GET", "/api/menu/items/1")

        let item = try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": .int(try await MatrixFixtures.itemCategory.value()), "name": .string(MenuFixtures.uniqueName("Mass")),
            "price_cents": 300, "tax_rate_bp": 1000, "id": 1, "version": 50,
        ], token: manager.token)
        let category = try await gateway.send("POST", "/api/menu/categories", json: [
            "name": .string(MenuFixtures.uniqueName("Mass")), "id": 1, "version": 50,
        ], token: manager.token)

        #expect(item.status == 201 || item.status == 422, "\(item)")
        #expect(category.status == 201 || category.status == 422, "\(category)")
        if item.status == 201 {
            let stored = try #require(try await MatrixFixtures.read("/api/menu/items/\(try MenuFixtures.id(of: item))"))
            #expect(stored["id"] != 1)
            #expect(stored["version"] != 50)
        }
        if category.status == 201 { #expect(category.json?["id"] != 1) }
        let firstItemAfter = try await gateway.send("GET", "/api/menu/items/1")
        #expect(firstItemAfter.status == firstItem.status)
        #expect(firstItemAfter.json?["name"] == firstItem.json?["name"], "item 1 is untouched")
    }

    @Test("A state change with a made-up order version is a conflict and the order stays as it was")
    func orderVersion() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let order = try await MatrixFixtures.openOrder()
        let before = try #require(try await MatrixFixtures.read("/api/orders/\(order.id)"))
        let version = try #require(before["version"]?.intValue)

        let response = try await OrderFixtures.post(order.id, "submit", json: ["version": .int(version + 5)], token: cashier.token)

        #expect(response.status == 409, "\(response)")
        #expect(try await MatrixFixtures.read("/api/orders/\(order.id)") == before)
    }

    @Test("A payment's status, change, refunds, shift and author come from the server")
    func paymentCreate() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let admin = try await StaffFixtures.admin()
        let order = try await MatrixFixtures.openOrder()

        let response = try await PaymentFixtures.pay([
            "order_id": .int(order.id), "method": "cash", "amount_cents": 500, "tendered_cents": 1_000,
            "change_cents": 0, "status": "refunded", "refunded_cents": 500, "shift_id": 999_999_999,
            "created_by": .int(admin.id), "id": 1, "created_at": .string(Self.longAgo),
        ], token: cashier.token)

        #expect(response.status == 201, "\(response)")
        let id = try MenuFixtures.id(of: response)
        let payment = try #require(try await MatrixFixtures.read("/api/payments/\(id)"))
        #expect(id != 1)
        #expect(payment["change_cents"] == 500)
        #expect(payment["status"] == "captured")
        #expect(payment["refunded_cents"] == 0)
        #expect(payment["shift_id"] != 999_999_999)
        #expect(payment["created_by"] == .int(cashier.id))
        #expect(payment["created_at"] != .string(Self.longAgo))
        let stored = try #require(try await MatrixFixtures.read("/api/orders/\(order.id)"))
        #expect(stored["paid_cents"] == 500)
        #expect(stored["payment_status"] == "paid")
    }

    @Test("A refund belongs to the payment it is posted to, by the manager who posted it")
    func refundCreate() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let payment = try await MatrixFixtures.payment()
        let other = try await MatrixFixtures.payment()

        let response = try await PaymentFixtures.refund(payment.id, amount: 100, token: manager.token)
        let smuggled = try await gateway.send("POST", "/api/payments/\(payment.id)/refunds", json: [
            "amount_cents": 100, "reason": "mass assignment", "payment_id": .int(other.id), "order_id": .int(other.orderID),
            "created_by": 1, "id": 1,
        ], headers: ["Idempotency-Key": "mass-\(UUID().uuidString)"], token: manager.token)

        #expect(response.status == 201, "\(response)")
        #expect(smuggled.status == 201 || smuggled.status == 422, "\(smuggled)")
        if smuggled.status == 201 {
            let refund = try requireJSON(smuggled)
            #expect(refund["payment_id"] == .int(payment.id))
            #expect(refund["order_id"] == .int(payment.orderID))
            #expect(refund["created_by"] == .int(manager.id))
            #expect(refund["id"] != 1)
        }
        #expect(try await MatrixFixtures.read("/api/orders/\(other.orderID)")?["paid_cents"] == 500, "the other order keeps its money")
        #expect(try await MatrixFixtures.read("/api/payments/\(other.id)")?["refunded_cents"] == 0)
    }

    @Test("Opening a shift: status, expected and counted cash, over/short and opener come from the server")
    func shiftOpen() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        let till = "mass-\(UUID().uuidString.prefix(8).lowercased())"

        let response = try await gateway.send("POST", "/api/shifts", json: [
            "opening_float_cents": 1_000, "till": .string(till), "status": "closed", "expected_cash_cents": 0,
            "counted_cash_cents": 5, "over_short_cents": 1_000, "opened_by": 1, "id": 1, "closed_by": 1,
        ], token: cashier.token)

        #expect(response.status == 201, "\(response)")
        let id = try MenuFixtures.id(of: response)
        let shift = try #require(try await MatrixFixtures.read("/api/shifts/\(id)"))
        #expect(id != 1)
        #expect(shift["status"] == "open")
        #expect(shift["opened_by"] == .int(cashier.id))
        #expect(shift["expected_cash_cents"] == 1_000)
        #expect(shift["counted_cash_cents"] == .null)
        #expect(shift["over_short_cents"] == .null)
        #expect(shift["closed_by"] == .null)
    }
}
