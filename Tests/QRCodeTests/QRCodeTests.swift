import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import QRCode
import Testing

/// libqrencode through the one module that imports it, and the SVG renderer on its own.
@Suite("QR codes")
struct QRCodeTests {
    /// A guest URL as the guest service makes them: base URL, path, 43-character token.
    static let url = "http://127.0.0.1:8080/guest/?t=" + String(repeating: "aZ0-_", count: 8) + "xyz"

    @Test("A guest URL encodes to a symbol of 17 + 4 × version modules with the three finder patterns")
    func encodesAGuestURL() throws {
        let code = try QRCode(encoding: Self.url)

        #expect((1...40).contains(code.version))
        #expect(code.size == 17 + 4 * code.version)
        // 74 bytes at level M need version 5 (ISO/IEC 18004 table 7: version 4-M holds 62, 5-M 84).
        #expect(code.version == 5)
        for (top, left) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            #expect(Self.isFinderPattern(code, top: top, left: left), "finder at \(top),\(left)")
        }
    }

    @Test("The same text always gives the same symbol; another text another one")
    func encodingIsDeterministic() throws {
        #expect(try QRCode(encoding: Self.url) == QRCode(encoding: Self.url))
        #expect(try QRCode(encoding: Self.url) != QRCode(encoding: Self.url + "A"))
    }

    @Test("Empty text and text too long for version 40 are errors, not crashes")
    func refusesWhatCannotBeEncoded() {
        #expect(throws: QRCodeError.self) { try QRCode(encoding: "") }
        #expect(throws: QRCodeError.self) { try QRCode(encoding: String(repeating: "x", count: 4000)) }
    }

    @Test("The SVG draws exactly the dark modules, offset by the quiet zone, in a viewBox of modules")
    func svgDrawsTheDarkModules() {
        // 3 × 3: a dark top row, a dark centre, a dark bottom-right corner.
        let code = QRCode(version: 1, size: 3, modules: [true, true, true,
                                                         false, true, false,
                                                         false, false, true])
        let svg = code.svg(moduleSize: 10, quietZone: 4)

        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 11 11\""))
        #expect(svg.contains("width=\"110\" height=\"110\""))
        #expect(svg.contains("d=\"M4 4h3v1h-3zM5 5h1v1h-1zM6 6h1v1h-1z\""))
    }

    @Test("The SVG of a real code covers exactly its dark modules and parses as XML")
    func svgOfARealCodeIsWellFormed() throws {
        let code = try QRCode(encoding: Self.url)
        let svg = code.svg(title: "Table <5> & \"friends\"")

        let document = try XMLDocument(xmlString: svg)
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.value(of: "viewBox") == "0 0 \(code.size + 8) \(code.size + 8)")
        #expect(root.elements(forName: "title").first?.stringValue == "Table <5> & \"friends\"")
        let path = try #require(root.elements(forName: "path").first?.value(of: "d"))
        #expect(Self.darkModules(ofPath: path, quietZone: 4) == Self.darkModules(of: code))
    }

    // MARK: helpers

    /// 7 × 7: a dark ring, a light ring, a dark 3 × 3 centre.
    static func isFinderPattern(_ code: QRCode, top: Int, left: Int) -> Bool {
        (0..<7).allSatisfy { row in
            (0..<7).allSatisfy { column in
                let ring = min(row, column, 6 - row, 6 - column)
                return code.isDark(row: top + row, column: left + column) == (ring != 1)
            }
        }
    }

    static func darkModules(of code: QRCode) -> Set<[Int]> {
        var dark: Set<[Int]> = []
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) { dark.insert([row, column]) }
        }
        return dark
    }

    /// The modules a path of `Mx yhNv1h-Nz` runs paints.
    static func darkModules(ofPath path: String, quietZone: Int) -> Set<[Int]> {
        var dark: Set<[Int]> = []
        for run in path.split(separator: "M") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count >= 3 else { continue }
            for column in numbers[0]..<(numbers[0] + numbers[2]) {
                dark.insert([numbers[1] - quietZone, column - quietZone])
            }
        }
        return dark
    }
}

extension XMLElement {
    /// An attribute's value by its local name (FoundationXML on Linux finds no attribute of a
    /// namespaced element by name alone).
    func value(of attribute: String) -> String? {
        attributes?.first { $0.localName == attribute || $0.name == attribute }?.stringValue
    }
}
