import PosCoreTesting
import PosHTTP
import Testing

/// The counter's day through the gateway: a cashier rings up an order, the bar makes it, the
/// cashier hands it over and prints the receipt. Money is worked out by hand in each test
/// (README "Money": tax-exclusive, half up, once per tax rate per order).
@Suite("Orders: cashier → bar → handover")
struct OrderFlowTests {
    let gateway = GatewayClient.shared

    @Test("A takeaway latte with oat milk and two croissants: priced to the cent, made at the bar, handed over, printed")
    func cashierToBarToHandover() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let barista = try await StaffFixtures.shared(.barista)

        // The cashier rings it up.
        let created = try await OrderFixtures.create(OrderFixtures.latteAndTwoCroissants(menu), token: cashier.token)

        #expect(created.status == 201, "\(created)")
        let order = try requireJSON(created)
        let id = try #require(order["id"]?.intValue)
        #expect(order["status"] == "open")
        #expect(order["type"] == "takeaway")
        #expect(order["source"] == "staff")
        #expect(order["created_by"] == .int(cashier.id))
        let number = try #require(order["number"]?.intValue)
        #expect(number > 0)
        let lines = order["items"]?.arrayValue ?? []
        #expect(lines.count == 2, "\(lines)")
        let latte = try #require(lines.first { $0["item_id"] == .int(menu.latteID) }, "a latte line")
        #expect(latte["name"] == .string(menu.latteName))
        #expect(latte["quantity"] == 1)
        #expect(latte["unit_price_cents"] == 530, "4.20 + Large 0.60 + Oat 0.50")
        #expect(latte["line_total_cents"] == 530)
        let modifiers = latte["modifiers"]?.arrayValue ?? []
        #expect(modifiers.map { $0["option_id"] } == [.int(menu.largeID), .int(menu.oatID)])
        #expect(modifiers.map { $0["name"] } == ["Large", "Oat"])
        #expect(modifiers.map { $0["price_delta_cents"] } == [60, 50])
        let croissants = try #require(lines.first { $0["item_id"] == .int(menu.croissantID) }, "a croissant line")
        #expect(croissants["name"] == .string(menu.croissantName))
        #expect(croissants["quantity"] == 2)
        #expect(croissants["unit_price_cents"] == 275)
        #expect(croissants["line_total_cents"] == 550)
        #expect(croissants["modifiers"] == [])
        // 530 at 10 % = 53.0 → 53; 550 at 7 % = 38.5 → 39 (half up); 1080 + 92 = 1172.
        #expect(order["subtotal_cents"] == 1_080)
        #expect(order["discount_cents"] == 0)
        #expect(order["tax_cents"] == 92)
        #expect(order["total_cents"] == 1_172)
        #expect(order["paid_cents"] == 0)
        #expect(order["balance_cents"] == 1_172)
        #expect(order["payment_status"] == "unpaid")

        // Sent to the kitchen.
        let submitted = try await OrderFixtures.post(id, "submit", token: cashier.token)
        #expect(submitted.status == 200, "\(submitted)")
        #expect(submitted.json?["status"] == "submitted")

        // The barista sees it on the bar's queue with only the bar's line.
        let barQueue = try await gateway.send("GET", "/api/kitchen/queue?station=bar", token: barista.token)
        #expect(barQueue.status == 200, "\(barQueue)")
        let ticket = try #require(barQueue.json?["items"]?.arrayValue?.first { $0["id"] == .int(id) },
                                  "order \(id) is on the bar queue: \(barQueue)")
        #expect(ticket["number"] == .int(number))
        let barLines = ticket["items"]?.arrayValue ?? []
        #expect(barLines.map { $0["item_id"] } == [.int(menu.latteID)], "only the latte is made at the bar")
        #expect(barLines.first?["modifiers"]?.arrayValue?.map { $0["name"] } == ["Large", "Oat"],
                "the barista sees how to make it")
        #expect(!barLines.contains { $0["item_id"] == .int(menu.croissantID) }, "the station-less croissant is not the bar's")
        let wholeQueue = try await gateway.send("GET", "/api/kitchen/queue", token: barista.token)
        let wholeTicket = wholeQueue.json?["items"]?.arrayValue?.first { $0["id"] == .int(id) }
        #expect(Set(wholeTicket?["items"]?.arrayValue?.compactMap { $0["item_id"]?.intValue } ?? []) == [menu.latteID, menu.croissantID],
                "without a station the ticket has every line: \(wholeQueue)")

        // The barista marks it ready: it leaves the queue.
        let ready = try await OrderFixtures.post(id, "ready", token: barista.token)
        #expect(ready.status == 200, "\(ready)")
        #expect(ready.json?["status"] == "ready")
        let queueAfter = try await gateway.send("GET", "/api/kitchen/queue?station=bar", token: barista.token)
            .expecting(200, "the bar queue after ready")
        #expect(queueAfter.json?["items"]?.arrayValue?.contains { $0["id"] == .int(id) } == false)

        // The cashier hands it over.
        let completed = try await OrderFixtures.post(id, "complete", token: cashier.token)
        #expect(completed.status == 200, "\(completed)")
        #expect(completed.json?["status"] == "completed")
        #expect(completed.json?["total_cents"] == 1_172, "the total does not move along the way")

        // The receipt: 42 columns of plain text with the same total.
        let receipt = try await gateway.send("GET", "/api/orders/\(id)/receipt", token: cashier.token)
        #expect(receipt.status == 200, "\(receipt)")
        #expect(receipt.contentType?.hasPrefix("text/plain") == true, "\(receipt)")
        let rows = receipt.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count > 5)
        #expect(rows.allSatisfy { $0.count <= 42 }, "lines longer than 42: \(rows.filter { $0.count > 42 })")
        #expect(rows.contains { $0.lowercased().contains("total") && !$0.lowercased().contains("subtotal") && $0.hasSuffix("11.72") },
                "a total line of 11.72:\n\(receipt.text)")
        #expect(rows.contains { $0.contains(menu.latteName) && $0.hasSuffix("5.30") }, "\(receipt.text)")
        #expect(rows.contains { $0.contains(menu.croissantName) && $0.hasSuffix("5.50") }, "\(receipt.text)")
        #expect(receipt.text.contains("10.80"), "the subtotal")
        #expect(receipt.text.contains("0.92"), "the tax")

        let html = try await gateway.send("GET", "/api/orders/\(id)/receipt", headers: ["Accept": "text/html"], token: cashier.token)
        #expect(html.status == 200, "\(html)")
        #expect(html.contentType?.hasPrefix("text/html") == true, "\(html)")
        #expect(html.text.contains("11.72"))
    }

    @Test("The bar queue lists submitted orders oldest first")
    func barQueueIsOldestFirst() async throws {
        let barista = try await StaffFixtures.shared(.barista)
        let ids = try await OrderFixtures.submittedBarOrders(3)

        let queue = try await gateway.send("GET", "/api/kitchen/queue?station=bar", token: barista.token)

        #expect(queue.status == 200, "\(queue)")
        let listed = (queue.json?["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }.filter(ids.contains)
        #expect(listed == ids, "in the order they were sent: \(queue)")
        try await OrderFixtures.handOver(ids)
    }

    @Test("Prices a client sends are ignored: the menu's price is charged")
    func clientPricesAreIgnored() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        let cheapLatte: JSON = [
            "item_id": .int(menu.latteID), "quantity": 1, "modifiers": [.int(menu.largeID), .int(menu.oatID)],
            "unit_price_cents": 1, "line_total_cents": 1,
        ]

        let created = try await gateway.send("POST", "/api/orders", json: [
            "type": "takeaway", "items": [cheapLatte], "subtotal_cents": 1, "tax_cents": 0, "total_cents": 1,
        ], token: cashier.token)

        #expect(created.status == 201, "\(created)")
        let order = try requireJSON(created)
        let id = try #require(order["id"]?.intValue)
        #expect(order["items"]?.arrayValue?.first?["unit_price_cents"] == 530)
        #expect(order["items"]?.arrayValue?.first?["line_total_cents"] == 530)
        // 530 at 10 % = 53.
        #expect(order["subtotal_cents"] == 530)
        #expect(order["tax_cents"] == 53)
        #expect(order["total_cents"] == 583)

        // The same on a line added later: 2 croissants at 2.75 whatever the client says.
        let added = try await OrderFixtures.post(id, "items", json: [
            "item_id": .int(menu.croissantID), "quantity": 2, "unit_price_cents": 1, "line_total_cents": 1,
        ], token: cashier.token)

        #expect(added.status == 201, "\(added)")
        let after = try requireJSON(added)
        let croissants = after["items"]?.arrayValue?.first { $0["item_id"] == .int(menu.croissantID) }
        #expect(croissants?["unit_price_cents"] == 275)
        #expect(croissants?["line_total_cents"] == 550)
        // 530 at 10 % = 53; 550 at 7 % = 38.5 → 39; 1080 + 92 = 1172.
        #expect(after["subtotal_cents"] == 1_080)
        #expect(after["tax_cents"] == 92)
        #expect(after["total_cents"] == 1_172)
    }

    @Test("A quote, without a token, gives the same totals as creating the same order")
    func quoteMatchesCreatedOrder() async throws {
        let menu = try await OrderFixtures.menu()
        let cashier = try await StaffFixtures.shared(.cashier)
        // A small latte with almond milk (4.20 + 0.70 = 4.90) and three croissants rung up one
        // by one (3 × 2.75): 490 at 10 % = 49.0 → 49; 825 at 7 % = 57.75 → 58 (rounded once for
        // the rate, not 19.25 → 19 three times = 57); subtotal 1315, tax 107, total 1422.
        let croissant = OrderFixtures.line(menu.croissantID)
        let cart: [JSON] = [OrderFixtures.line(menu.latteID, modifiers: [menu.smallID, menu.almondID]),
                            croissant, croissant, croissant]

        let quote = try await gateway.send("POST", "/api/orders/quote", json: ["type": "takeaway", "items": .array(cart)])
        let order = try await OrderFixtures.newOrder(cart, token: cashier.token)

        #expect(quote.status == 200, "\(quote)")
        let quoted = try requireJSON(quote)
        #expect(quoted["subtotal_cents"] == 1_315)
        #expect(quoted["discount_cents"] == 0)
        #expect(quoted["tax_cents"] == 107)
        #expect(quoted["total_cents"] == 1_422)
        #expect(quoted["items"]?.arrayValue?.map { $0["unit_price_cents"] } == [490, 275, 275, 275])
        #expect(quoted["items"]?.arrayValue?.map { $0["line_total_cents"] } == [490, 275, 275, 275])
        for field in ["subtotal_cents", "discount_cents", "tax_cents", "total_cents"] {
            #expect(quoted[field] == order[field], "\(field): quote \(quoted), order \(order)")
        }
    }
}
