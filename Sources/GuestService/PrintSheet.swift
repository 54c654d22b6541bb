import QRCode

/// Every active table's QR code and label on A4 pages for the browser's print dialog: six
/// cards per page (two columns, three rows), a page break after each page. All text is escaped.
struct PrintSheet {
    struct Card {
        let label: String
        let url: String
    }

    static let cardsPerPage = 6

    let cafeName: String
    let cards: [(card: Card, svg: String)]

    /// Renders each card's QR code; throws `QRCodeError` if a URL cannot be encoded.
    init(cafeName: String, tables: [Card]) throws {
        self.cafeName = cafeName
        cards = try tables.map { card in
            (card, try QRCode(encoding: card.url).svg(moduleSize: 4, title: "Order at table \(card.label)"))
        }
    }

    func html() -> String {
        let name = QRCode.escapeXML(cafeName)
        var pages: [String] = []
        var index = 0
        while index < cards.count {
            let page = cards[index..<min(index + Self.cardsPerPage, cards.count)].map { entry in
                """
                <figure class="card">\(entry.svg)<figcaption><span class="label">\(QRCode.escapeXML(entry.card.label))</span>\
                <span class="hint">Scan to order at this table</span></figcaption></figure>
                """
            }
            pages.append("<section class=\"page\">\n\(page.joined(separator: "\n"))\n</section>")
            index += Self.cardsPerPage
        }
        let body = pages.isEmpty ? "<p class=\"empty\">No active tables.</p>" : pages.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(name): table QR codes</title>
            <style>
            @page { size: A4; margin: 12mm; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14pt/1.3 system-ui, sans-serif; color: #000; background: #fff; }
            .page { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(3, 1fr);
                    gap: 6mm; width: 186mm; height: 273mm; break-after: page; page-break-after: always; }
            .page:last-child { break-after: auto; page-break-after: auto; }
            .card { margin: 0; border: 0.3mm dashed #888; display: flex; flex-direction: column;
                    align-items: center; justify-content: center; break-inside: avoid; }
            .card svg { width: 60mm; height: 60mm; }
            figcaption { text-align: center; }
            .label { display: block; font-size: 20pt; font-weight: bold; }
            .hint { display: block; font-size: 10pt; }
            </style></head>
            <body>
            \(body)
            </body></html>

            """
    }
}
