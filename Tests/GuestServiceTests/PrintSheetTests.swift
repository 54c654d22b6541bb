import Foundation
@testable import GuestService
import Testing

@Suite("Printed QR sheets")
struct PrintSheetTests {
    static func cards(_ count: Int) -> [PrintSheet.Card] {
        (1...count).map { PrintSheet.Card(label: "Table \($0)", url: "http://cafe.example/guest/?t=token\($0)") }
    }

    @Test("Six cards per A4 page, a page break after each but the last")
    func pagesOfSix() throws {
        let html = try PrintSheet(cafeName: "Cafe", tables: Self.cards(13)).html()

        #expect(html.contains("@page { size: A4"))
        #expect(html.components(separatedBy: "<section class=\"page\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<figure class=\"card\">").count - 1 == 13)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 13)
        for number in 1...13 { #expect(html.contains(">Table \(number)</span>")) }
    }

    @Test("Labels and the cafe's name are escaped: stored text never becomes markup")
    func textIsEscaped() throws {
        let hostile = "<script>alert(1)</script>&\"'"
        let html = try PrintSheet(cafeName: hostile, tables: [.init(label: hostile, url: "http://cafe.example/guest/?t=x")]).html()

        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"))
    }

    @Test("No active table: a page that says so")
    func noTables() throws {
        let html = try PrintSheet(cafeName: "Cafe", tables: []).html()
        #expect(html.contains("No active tables."))
        #expect(!html.contains("<section"))
    }
}
