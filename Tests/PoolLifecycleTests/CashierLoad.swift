import Foundation
import PosCoreTesting
import PosHTTP
import Synchronization

/// Cashiers ringing up orders as fast as the stack answers: each client loops create → submit →
/// pay until stopped, and every answer that is not the flow's success status, or no answer at
/// all, is a failure.
///
/// Each request goes on a new connection (`Connection: close`). With keep-alive, an nginx reload
/// closes the old workers' idle client connections, and a request sent on one at that instant
/// meets a closed connection: a browser resends it (the API's Idempotency-Key makes that safe),
/// but this test's client, URLSession on Linux, failed once that way (nginx logged a 408 after
/// 10 s for a POST whose body never came). That race is the client's, in every HTTP/1.1 server's graceful
/// reload, and is not what this test measures: whether the gateway and the pools lose requests.
final class CashierLoad: Sendable {
    struct Figures: Sendable {
        var requests = 0
        var flows = 0
        var failures: [String] = []
    }

    private let gateway = GatewayClient.shared
    private let token: String
    private let itemID: Int
    private let figures = Mutex(Figures())
    private let stopped = Atomic<Bool>(false)

    /// A cashier's token and a fresh item (made by a manager) to ring up.
    static func prepare() async throws -> CashierLoad {
        let manager = try await StaffFixtures.shared(.manager)
        let cashier = try await StaffFixtures.shared(.cashier)
        let tag = UUID().uuidString.prefix(8)
        let category = try await GatewayClient.shared.send("POST", "/api/menu/categories", json: ["name": .string("Reload \(tag)")],
                                                           token: manager.token).expecting(201, "create a category")
        let item = try await GatewayClient.shared.send("POST", "/api/menu/items", json: [
            "category_id": .int(try category.json?["id"]?.intValue ?? 0), "name": .string("Reload tea \(tag)"),
            "price_cents": 250, "tax_rate_bp": 700,
        ], token: manager.token).expecting(201, "create an item")
        guard let itemID = item.json?["id"]?.intValue else { throw PoolError("no item id in \(item)") }
        return CashierLoad(token: cashier.token, itemID: itemID)
    }

    private init(token: String, itemID: Int) {
        self.token = token
        self.itemID = itemID
    }

    /// What was counted so far.
    var snapshot: Figures { figures.withLock { $0 } }

    /// Runs `clients` concurrent cashiers until `stop()`; returns when all have finished their flow.
    func run(clients: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask { while !self.stopped.load(ordering: .relaxed) { await self.flow() } }
            }
        }
    }

    func stop() { stopped.store(true, ordering: .relaxed) }

    private func flow() async {
        guard let order = await step("create", 201, "POST", "/api/orders",
                                     json: ["type": "takeaway", "items": [["item_id": .int(itemID), "quantity": 1]]],
                                     headers: ["Idempotency-Key": UUID().uuidString]),
              let id = order["id"]?.intValue, let total = order["total_cents"]?.intValue else { return }
        guard await step("submit", 200, "POST", "/api/orders/\(id)/submit", json: [:]) != nil else { return }
        guard await step("pay", 201, "POST", "/api/payments",
                         json: ["order_id": .int(id), "method": "cash", "amount_cents": .int(total), "tendered_cents": .int(total)],
                         headers: ["Idempotency-Key": UUID().uuidString]) != nil else { return }
        figures.withLock { $0.flows += 1 }
    }

    /// One request; its JSON when the status is `expected`, else nil with the failure recorded.
    private func step(_ name: String, _ expected: Int, _ method: String, _ path: String, json: JSON,
                      headers: [String: String] = [:]) async -> JSON? {
        let outcome: String
        do {
            let response = try await gateway.send(method, path, json: json, headers: headers.merging(["Connection": "close"]) { $1 },
                                                  token: token)
            if response.status == expected, let body = response.json {
                figures.withLock { $0.requests += 1 }
                return body
            }
            outcome = "\(name): \(response.status) \(String(decoding: response.body.prefix(200), as: UTF8.self))"
        } catch {
            outcome = "\(name): no answer (\(error))"
        }
        figures.withLock {
            $0.requests += 1
            $0.failures.append(outcome)
        }
        return nil
    }
}
