import MariaDB
import PosCore
import Testing
@testable import OrderService

@Suite("Receipts")
struct ReceiptFormatterTests {
    @Test func moneyIsPrintedFromCents() {
        let formatter = ReceiptFormatter(order: try! sampleOrder(), cafeName: "Test")
        #expect(formatter.money(1234) == "12.34")
        #expect(formatter.money(5) == "0.05")
        #expect(formatter.money(-105) == "-1.05")
        #expect(formatter.money(0) == "0.00")
    }

    @Test func everyLineFitsFortyTwoColumns() throws {
        let text = ReceiptFormatter(order: try sampleOrder(), cafeName: "The Very Long Named Corner Cafe And Bakery Of Main Street").text()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 42, "\(line)")
        }
        #expect(text.contains("TOTAL"))
        #expect(text.contains("Order #7"))
    }

    @Test func totalsAreRightAligned() {
        let formatter = ReceiptFormatter(order: try! sampleOrder(), cafeName: "Test")
        let line = formatter.columns("TOTAL", "12.34")
        #expect(line.count == 42)
        #expect(line.hasPrefix("TOTAL "))
        #expect(line.hasSuffix(" 12.34"))
    }

    @Test func htmlEscapesWhatItShows() throws {
        let html = ReceiptFormatter(order: try sampleOrder(), cafeName: "<b>Cafe</b>").html()
        #expect(html.contains("&lt;b&gt;Cafe"))
        #expect(!html.contains("<b>Cafe"))
    }

    private func sampleOrder() throws -> Order {
        var order = try Order(row: TestRows.order())
        order.lines = [OrderLine(id: 1, itemID: 3, name: "Extraordinarily Large Seasonal Pumpkin Spice Latte", quantity: 2,
                                 basePriceCents: 420, taxRateBP: 1000, station: "bar", note: "extra hot please, very very hot",
                                 modifiers: [LineModifier(optionID: 9, name: "Oat", priceDeltaCents: 60)])]
        return order
    }
}

enum TestRows {
    static func order() -> Row {
        Row([("id", "11"), ("number", "7"), ("status", "open"), ("type", "dine_in"), ("table_label", "4"), ("note", nil),
             ("source", "staff"), ("business_date", "2026-11-25"), ("subtotal_cents", "960"), ("discount_cents", "96"),
             ("tax_cents", "86"), ("total_cents", "950"), ("discount_percent_bp", "1000"), ("discount_amount_cents", nil),
             ("discount_reason", "regular <customer>"), ("tax_mode", "exclusive"), ("version", "3"), ("created_by", "2"),
             ("created_at", "2026-11-25 09:30:00"), ("updated_at", "2026-11-25 09:31:00"), ("submitted_at", nil)])
    }
}
