import MariaDB
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

    @Test("Stored text cannot forge a receipt line: controls, CR/LF and bidi overrides are printed inert")
    func storedControlCharactersCannotForgeLines() throws {
        let order = try sampleOrder(name: "Latte\u{202E}00.0 LATOT", note: "\u{1B}[31m\r\nFAKE TOTAL 0.00")
        let clean = ReceiptFormatter(order: try sampleOrder(), cafeName: "Test").text()
        let text = ReceiptFormatter(order: order, cafeName: "Test\nCafe").text()

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == clean.split(separator: "\n", omittingEmptySubsequences: false).count, "no extra line:\n\(text)")
        #expect(!lines.contains { $0.hasPrefix("FAKE") }, "\(text)")
        #expect(lines.filter { $0.hasPrefix("TOTAL") }.count == 1)
        for scalar in text.unicodeScalars where scalar != "\n" {
            #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)),
                    "U+\(String(scalar.value, radix: 16)) printed raw")
        }
        for line in lines { #expect(line.count <= 42, "\(line)") }
    }

    private func sampleOrder(name: String = "Extraordinarily Large Seasonal Pumpkin Spice Latte",
                             note: String = "extra hot please, very very hot") throws -> Order {
        var order = try Order(row: TestRows.order())
        order.lines = [OrderLine(id: 1, itemID: 3, name: name, quantity: 2,
                                 basePriceCents: 420, taxRateBP: 1000, station: "bar", note: note,
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
