import PosCore
import PosCoreTesting
import PosHTTP
import Testing

/// A till that retries `POST /api/orders` after a timeout must not ring the order up twice.
@Suite("Orders with an Idempotency-Key")
struct OrderIdempotencyTests {
    let gateway = GatewayClient.shared

    @Test("The same key and body give back the first order; another body with that key is 422")
    func retriedCreateReturnsTheFirstOrder() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let key = "order-\(Secrets.newToken())"
        let body: JSON = ["type": "takeaway", "items": .array(OrderFixtures.latteAndTwoCroissants(menu))]

        let first = try await gateway.send("POST", "/api/orders", json: body, headers: ["Idempotency-Key": key], token: cashier.token)
        #expect(first.status == 201, "\(first)")
        let again = try await gateway.send("POST", "/api/orders", json: body, headers: ["Idempotency-Key": key], token: cashier.token)
        #expect(again.status == 201, "\(again)")
        #expect(again.body == first.body, "the stored response, byte for byte")
        #expect(again.header("Idempotent-Replayed") == "true")

        let id = try #require(first.json?["id"]?.intValue)
        let stored = try await gateway.send("GET", "/api/orders/\(id)", token: cashier.token).expecting(200, "read the order")
        #expect(stored.json?["number"] == first.json?["number"])

        let other: JSON = ["type": "dine_in", "items": .array(OrderFixtures.latteAndTwoCroissants(menu))]
        let misuse = try await gateway.send("POST", "/api/orders", json: other, headers: ["Idempotency-Key": key], token: cashier.token)
        #expect(misuse.status == 422, "\(misuse)")
    }
}
