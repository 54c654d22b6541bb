import Foundation
import PosCoreTesting
import PosHTTP

/// THE permission matrix: every endpoint of api.md, in the situations where who may call it
/// differs, with who may (api.md's "who" column) and the status of an allowed call. Each row
/// makes fresh fixtures for each caller where the request changes something.
extension Endpoint {
    typealias F = MatrixFixtures

    static let matrix: [Endpoint] = auth + staff + menu + orders + kitchen + payments + shifts + audit + guest + reports

    static let auth: [Endpoint] = [
        Endpoint("POST /api/auth/login", .anyone, 200) { _ in
            let account = try await F.loginAccount.value()
            return MatrixRequest(method: "POST", path: "/api/auth/login",
                                 json: ["username": .string(account.username), "password": .string(account.password)])
        },
        // Logging out ends the session it is sent with: each caller brings a fresh one.
        Endpoint("POST /api/auth/logout", .staff, 204) { caller in
            var session: StaffSession?
            if let role = caller.role { session = try await StaffFixtures.newSession(role) }
            return MatrixRequest(method: "POST", path: "/api/auth/logout", ownSession: session)
        },
        Endpoint("GET /api/auth/me", .staff, 200) { _ in MatrixRequest(method: "GET", path: "/api/auth/me") },
    ]

    /// Managers manage cashiers and baristas; only admin creates or edits admins and managers.
    static let staff: [Endpoint] = [
        Endpoint("GET /api/staff", .managers, 200) { _ in MatrixRequest(method: "GET", path: "/api/staff") },
        Endpoint("POST /api/staff", "a cashier", .managers, 201) { _ in newAccount(role: "cashier") },
        Endpoint("POST /api/staff", "a manager", .admins, 201) { _ in newAccount(role: "manager") },
        Endpoint("POST /api/staff", "an admin", .admins, 201) { _ in newAccount(role: "admin") },
        Endpoint("PATCH /api/staff/{id}", "a barista's name", .managers, 200) { _ in
            try await editAccount(try await F.account(.barista), ["display_name": "Renamed by the matrix"])
        },
        Endpoint("PATCH /api/staff/{id}", "a cashier's password", .managers, 200) { _ in
            try await editAccount(try await F.account(.cashier), ["password": "a new long password"])
        },
        Endpoint("PATCH /api/staff/{id}", "a manager's name", .admins, 200) { _ in
            try await editAccount(try await F.account(.manager), ["display_name": "Renamed by the matrix"])
        },
        Endpoint("PATCH /api/staff/{id}", "an admin's name", .admins, 200) { _ in
            try await editAccount(try await F.account(.admin), ["display_name": "Renamed by the matrix"])
        },
        Endpoint("PATCH /api/staff/{id}", "promoting a cashier to manager", .admins, 200) { _ in
            try await editAccount(try await F.account(.cashier), ["role": "manager"])
        },
        Endpoint("PATCH /api/staff/{id}", "deactivating an admin", .admins, 200) { _ in
            try await editAccount(try await F.account(.admin), ["active": false])
        },
    ]

    static let menu: [Endpoint] = [
        Endpoint("GET /api/menu", .anyone, 200) { _ in MatrixRequest(method: "GET", path: "/api/menu") },
        Endpoint("POST /api/menu/categories", .managers, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/menu/categories", json: ["name": .string(MenuFixtures.uniqueName("Matrix"))])
        },
        Endpoint("PATCH /api/menu/categories/{id}", .managers, 200) { _ in
            let id = try await F.category()
            return MatrixRequest(method: "PATCH", path: "/api/menu/categories/\(id)",
                                 json: ["name": .string(MenuFixtures.uniqueName("Renamed"))], observe: F.observeCategory(id))
        },
        Endpoint("DELETE /api/menu/categories/{id}", .managers, 204) { _ in
            let id = try await F.category()
            return MatrixRequest(method: "DELETE", path: "/api/menu/categories/\(id)", observe: F.observeCategory(id))
        },
        Endpoint("POST /api/menu/items", .managers, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/menu/items", json: [
                "category_id": .int(try await F.itemCategory.value()), "name": .string(MenuFixtures.uniqueName("Matrix")),
                "price_cents": 100, "tax_rate_bp": 1000,
            ])
        },
        Endpoint("GET /api/menu/items", .staff, 200) { _ in MatrixRequest(method: "GET", path: "/api/menu/items?limit=5") },
        Endpoint("GET /api/menu/items/{id}", .anyone, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/menu/items/\(try await F.item())")
        },
        Endpoint("PATCH /api/menu/items/{id}", "its price", .managers, 200) { _ in
            let id = try await F.item()
            return MatrixRequest(method: "PATCH", path: "/api/menu/items/\(id)", json: ["price_cents": 1], observe: F.observeItem(id))
        },
        Endpoint("PATCH /api/menu/items/{id}", "only `available`", .kitchenStaff, 200) { _ in
            let id = try await F.item()
            return MatrixRequest(method: "PATCH", path: "/api/menu/items/\(id)", json: ["available": false], observe: F.observeItem(id))
        },
        Endpoint("PATCH /api/menu/items/{id}", "its stock", .managers, 200) { _ in
            let id = try await F.item()
            return MatrixRequest(method: "PATCH", path: "/api/menu/items/\(id)", json: ["stock": 0], observe: F.observeItem(id))
        },
        Endpoint("DELETE /api/menu/items/{id}", .managers, 204) { _ in
            let id = try await F.item()
            return MatrixRequest(method: "DELETE", path: "/api/menu/items/\(id)", observe: F.observeItem(id))
        },
    ]

    static let orders: [Endpoint] = [
        Endpoint("POST /api/orders/quote", .anyone, 200) { _ in
            MatrixRequest(method: "POST", path: "/api/orders/quote", json: ["type": "takeaway", "items": [try await F.coffeeLine()]])
        },
        Endpoint("POST /api/orders", .tillStaff, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/orders", json: ["type": "takeaway", "items": [try await F.coffeeLine()]])
        },
        Endpoint("GET /api/orders", .staff, 200) { _ in MatrixRequest(method: "GET", path: "/api/orders?limit=5") },
        Endpoint("GET /api/orders/{id}", .staff, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/orders/\(try await F.openOrder().id)")
        },
        Endpoint("GET /api/orders/{id}/receipt", .staff, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/orders/\(try await F.openOrder().id)/receipt")
        },
        Endpoint("POST /api/orders/{id}/items", .tillStaff, 201) { _ in
            let order = try await F.openOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(order.id)/items", json: try await F.coffeeLine(),
                                 observe: F.observeOrder(order.id))
        },
        Endpoint("DELETE /api/orders/{id}/items/{line_id}", "while open", .tillStaff, 200) { _ in
            let order = try await F.openOrder()
            return MatrixRequest(method: "DELETE", path: "/api/orders/\(order.id)/items/\(order.lineID)",
                                 observe: F.observeOrder(order.id))
        },
        Endpoint("DELETE /api/orders/{id}/items/{line_id}", "once submitted", .managers, 200) { _ in
            let order = try await F.submittedOrder()
            return MatrixRequest(method: "DELETE", path: "/api/orders/\(order.id)/items/\(order.lineID)",
                                 observe: F.observeOrder(order.id), cleanUp: F.offTheQueue(order.id))
        },
        Endpoint("POST /api/orders/{id}/discount", .managers, 200) { _ in
            let order = try await F.openOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(order.id)/discount",
                                 json: ["percent_bp": 1000, "reason": "permission matrix"], observe: F.observeOrder(order.id))
        },
        Endpoint("POST /api/orders/{id}/submit", .tillStaff, 200) { _ in
            let order = try await F.openOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(order.id)/submit",
                                 observe: F.observeOrder(order.id), cleanUp: F.offTheQueue(order.id))
        },
        Endpoint("POST /api/orders/{id}/ready", .kitchenStaff, 200) { _ in
            let order = try await F.submittedOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(order.id)/ready",
                                 observe: F.observeOrder(order.id), cleanUp: F.offTheQueue(order.id))
        },
        Endpoint("POST /api/orders/{id}/complete", .staff, 200) { _ in
            let id = try await F.readyOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(id)/complete",
                                 observe: F.observeOrder(id), cleanUp: F.offTheQueue(id))
        },
        Endpoint("POST /api/orders/{id}/cancel", "while open", .tillStaff, 200) { _ in
            let order = try await F.openOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(order.id)/cancel",
                                 json: ["reason": "permission matrix"], observe: F.observeOrder(order.id))
        },
        Endpoint("POST /api/orders/{id}/cancel", "once submitted", .managers, 200) { _ in
            let order = try await F.submittedOrder()
            return MatrixRequest(method: "POST", path: "/api/orders/\(order.id)/cancel", json: ["reason": "permission matrix"],
                                 observe: F.observeOrder(order.id), cleanUp: F.offTheQueue(order.id))
        },
    ]

    static let kitchen: [Endpoint] = [
        Endpoint("GET /api/kitchen/queue", .kitchenStaff, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/kitchen/queue?station=bar&limit=5")
        },
    ]

    static let payments: [Endpoint] = [
        Endpoint("POST /api/payments", .tillStaff, 201) { _ in
            let order = try await F.openOrder()
            return MatrixRequest(method: "POST", path: "/api/payments",
                                 json: ["order_id": .int(order.id), "method": "card", "amount_cents": 500, "reference": "MATRIX"],
                                 headers: ["Idempotency-Key": "matrix-\(UUID().uuidString)"], observe: F.observeOrder(order.id))
        },
        Endpoint("GET /api/payments", .staff, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/payments?order_id=\(try await F.payment().orderID)")
        },
        Endpoint("GET /api/payments/{id}", .staff, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/payments/\(try await F.payment().id)")
        },
        Endpoint("POST /api/payments/{id}/refunds", .managers, 201) { _ in
            let payment = try await F.payment()
            return MatrixRequest(method: "POST", path: "/api/payments/\(payment.id)/refunds",
                                 json: ["amount_cents": 100, "reason": "permission matrix"],
                                 headers: ["Idempotency-Key": "matrix-\(UUID().uuidString)"], observe: F.observeOrder(payment.orderID))
        },
        Endpoint("GET /api/payments/{id}/refunds", .staff, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/payments/\(try await F.payment().id)/refunds")
        },
    ]

    /// A cashier works their own shift; someone else's only a manager or admin may touch.
    static let shifts: [Endpoint] = [
        Endpoint("POST /api/shifts", .tillStaff, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/shifts",
                          json: ["opening_float_cents": 0, "till": .string("matrix-\(UUID().uuidString.prefix(8).lowercased())")])
        },
        Endpoint("GET /api/shifts/current", "own till", .tillStaff, 200) { caller in
            MatrixRequest(method: "GET", path: "/api/shifts/current?till=\(try await F.ownShift(of: caller).till)")
        },
        Endpoint("GET /api/shifts/current", "another cashier's till", .managers, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/shifts/current?till=\(try await F.shift(openedBy: try await F.otherCashier.value()).till)")
        },
        Endpoint("GET /api/shifts/{id}", "own shift", .tillStaff, 200) { caller in
            MatrixRequest(method: "GET", path: "/api/shifts/\(try await F.ownShift(of: caller).id)")
        },
        Endpoint("GET /api/shifts/{id}", "another cashier's shift", .managers, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/shifts/\(try await F.shift(openedBy: try await F.otherCashier.value()).id)")
        },
        Endpoint("POST /api/shifts/{id}/cash-movements", "own shift", .tillStaff, 201) { caller in
            let shift = try await F.ownShift(of: caller)
            return MatrixRequest(method: "POST", path: "/api/shifts/\(shift.id)/cash-movements",
                                 json: ["amount_cents": 500, "reason": "permission matrix"], observe: F.observeShift(shift.id))
        },
        Endpoint("POST /api/shifts/{id}/cash-movements", "another cashier's shift", .managers, 201) { _ in
            let shift = try await F.shift(openedBy: try await F.otherCashier.value())
            return MatrixRequest(method: "POST", path: "/api/shifts/\(shift.id)/cash-movements",
                                 json: ["amount_cents": -500, "reason": "permission matrix"], observe: F.observeShift(shift.id))
        },
        Endpoint("GET /api/shifts/{id}/cash-movements", "own shift", .tillStaff, 200) { caller in
            MatrixRequest(method: "GET", path: "/api/shifts/\(try await F.ownShift(of: caller).id)/cash-movements")
        },
        Endpoint("GET /api/shifts/{id}/cash-movements", "another cashier's shift", .managers, 200) { _ in
            MatrixRequest(method: "GET",
                          path: "/api/shifts/\(try await F.shift(openedBy: try await F.otherCashier.value()).id)/cash-movements")
        },
        Endpoint("POST /api/shifts/{id}/close", "own shift", .tillStaff, 200) { caller in
            let shift = try await F.ownShift(of: caller)
            return MatrixRequest(method: "POST", path: "/api/shifts/\(shift.id)/close", json: ["counted_cash_cents": 10_000],
                                 observe: F.observeShift(shift.id))
        },
        Endpoint("POST /api/shifts/{id}/close", "another cashier's shift", .managers, 200) { _ in
            let shift = try await F.shift(openedBy: try await F.otherCashier.value())
            return MatrixRequest(method: "POST", path: "/api/shifts/\(shift.id)/close", json: ["counted_cash_cents": 10_000],
                                 observe: F.observeShift(shift.id))
        },
    ]

    static let audit: [Endpoint] = [
        Endpoint("GET /api/audit", .managers, 200) { _ in MatrixRequest(method: "GET", path: "/api/audit?limit=5") },
    ]

    /// Guest ordering (api.md "Guest ordering"): tables are the managers'; sessions anyone's;
    /// guest orders only a guest session's (staff tokens are 401 there, and a guest session is
    /// 401 on every staff row above); another session's order is 404 ("guest A / guest B").
    static let guest: [Endpoint] = [
        Endpoint("POST /api/guest/tables", .managers, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/guest/tables", json: ["label": .string("Matrix \(UUID().uuidString.prefix(20))")])
        },
        Endpoint("GET /api/guest/tables", .managers, 200) { _ in MatrixRequest(method: "GET", path: "/api/guest/tables?limit=5") },
        Endpoint("GET /api/guest/tables/print", .managers, 200) { _ in MatrixRequest(method: "GET", path: "/api/guest/tables/print") },
        Endpoint("GET /api/guest/tables/{id}/qr.svg", .managers, 200) { _ in
            MatrixRequest(method: "GET", path: "/api/guest/tables/\(try await F.table())/qr.svg")
        },
        Endpoint("PATCH /api/guest/tables/{id}", "disabling it", .managers, 200) { _ in
            let id = try await F.table()
            return MatrixRequest(method: "PATCH", path: "/api/guest/tables/\(id)", json: ["active": false], observe: F.observeTable(id))
        },
        Endpoint("POST /api/guest/sessions", .anyone, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/guest/sessions",
                          json: ["table_token": .string(try await F.guestTableToken.value())])
        },
        Endpoint("POST /api/guest/orders", .guest, 201) { _ in
            MatrixRequest(method: "POST", path: "/api/guest/orders", json: ["items": [try await F.coffeeLine()]])
        },
        Endpoint("GET /api/guest/orders/{id}", "the caller's own order", .guest, 200) { caller in
            let owner = try await GuestFixtures.newSession(at: try await F.guestTable.value())
            let order = try await F.guestOrder(by: owner)
            return MatrixRequest(method: "GET", path: "/api/guest/orders/\(order)", ownGuest: caller == .guest ? owner : nil)
        },
        Endpoint("GET /api/guest/orders/{id}", "another session's order", .guest, 404) { _ in
            let other = try await GuestFixtures.newSession(at: try await F.guestTable.value())
            return MatrixRequest(method: "GET", path: "/api/guest/orders/\(try await F.guestOrder(by: other))")
        },
        Endpoint("POST /api/orders/{id}/accept", .tillStaff, 200) { _ in
            let order = try await F.guestOrder(by: try await GuestFixtures.newSession(at: try await F.guestTable.value()))
            return MatrixRequest(method: "POST", path: "/api/orders/\(order)/accept", observe: F.observeOrder(order),
                                 cleanUp: F.offTheQueue(order))
        },
        Endpoint("POST /api/orders/{id}/reject", .tillStaff, 200) { _ in
            let order = try await F.guestOrder(by: try await GuestFixtures.newSession(at: try await F.guestTable.value()))
            return MatrixRequest(method: "POST", path: "/api/orders/\(order)/reject", json: ["reason": "permission matrix"],
                                 observe: F.observeOrder(order))
        },
        Endpoint("GET /api/settings", .anyone, 200) { _ in MatrixRequest(method: "GET", path: "/api/settings") },
    ]

    /// Reports (api.md "Reports"): managers and admins, every report, JSON and CSV alike.
    static let reports: [Endpoint] = ["daily-sales", "hourly-sales", "top-items", "payment-mix", "staff-sales", "z-report"]
        .map { name in
            Endpoint("GET /api/reports/{name}", name, .managers, 200) { _ in
                MatrixRequest(method: "GET", path: "/api/reports/\(name)")
            }
        } + [
            Endpoint("GET /api/reports/{name}", "as CSV", .managers, 200) { _ in
                MatrixRequest(method: "GET", path: "/api/reports/daily-sales?format=csv")
            },
        ]

    // MARK: request makers

    private static func newAccount(role: String) -> MatrixRequest {
        MatrixRequest(method: "POST", path: "/api/staff", json: [
            "username": .string(StaffFixtures.uniqueUsername("matrix")), "display_name": "Matrix",
            "role": .string(role), "password": "a long enough password",
        ])
    }

    private static func editAccount(_ id: Int, _ body: JSON) async throws -> MatrixRequest {
        MatrixRequest(method: "PATCH", path: "/api/staff/\(id)", json: body, observe: F.observeStaff(id))
    }
}
