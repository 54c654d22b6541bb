import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PosCore
import PosCoreTesting
import PosHTTP
import Testing

/// Tables and their QR codes (manager+), and the front ends' settings.
@Suite("Guest tables, QR codes, settings")
struct GuestTableTests {
    let gateway = GatewayClient.shared

    @Test("A manager adds, lists, renames and disables tables; labels are unique; versions guard edits")
    func tableLifecycle() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let table = try await GuestFixtures.newTable()
        let id = try GuestFixtures.id(table)
        let token = try #require(table["token"]?.stringValue)
        #expect(Secrets.isTokenShaped(token))
        #expect(table["active"] == true)
        #expect(table["guest_url"]?.stringValue?.hasSuffix("/guest/?t=\(token)") == true)

        let duplicate = try await gateway.send("POST", "/api/guest/tables", json: ["label": table["label"] ?? ""], token: manager.token)
        #expect(duplicate.status == 409 && duplicate.problemType == "/problems/label-taken", "\(duplicate)")
        for bad: JSON in [[:], ["label": ""], ["label": .string(String(repeating: "x", count: 33))], ["label": "a\nb"], ["label": 5]] {
            let response = try await gateway.send("POST", "/api/guest/tables", json: bad, token: manager.token)
            #expect(response.status == 422 && response.errorFields == ["label"], "\(bad): \(response)")
        }

        let listed = try requireJSON(try await gateway.send("GET", "/api/guest/tables?limit=200", token: manager.token)
            .expecting(200, "list"))
        #expect((listed["items"]?.arrayValue ?? []).contains { $0["id"] == .int(id) && $0["token"] == .string(token) })

        let newLabel = "Renamed \(Int.random(in: 100_000...999_999))"
        let renamed = try requireJSON(try await gateway.send("PATCH", "/api/guest/tables/\(id)", json: ["label": .string(newLabel)],
                                                             headers: ["If-Match": "1"], token: manager.token).expecting(200, "rename"))
        #expect(renamed["label"] == .string(newLabel))
        #expect(renamed["version"] == 2)
        #expect(renamed["token"] == .string(token), "renaming keeps the printed code valid")
        let stale = try await gateway.send("PATCH", "/api/guest/tables/\(id)", json: ["active": false], headers: ["If-Match": "1"],
                                           token: manager.token)
        #expect(stale.status == 412, "\(stale)")
        let staleBody = try await gateway.send("PATCH", "/api/guest/tables/\(id)", json: ["active": false, "version": 1], token: manager.token)
        #expect(staleBody.status == 409, "\(staleBody)")
        #expect(try await gateway.send("PATCH", "/api/guest/tables/999999999", json: ["active": false], token: manager.token).status == 404)
        let renaming = try await OrderFixtures.auditEntry(type: "guest_table_changed", since: Date(timeIntervalSinceNow: -60),
                                                          token: manager.token) { $0["entity_id"] == .int(id) }
        #expect(renaming?["detail"]?["label"] == .string(newLabel))
        #expect(renaming?["actor_id"] == .int(manager.id))
        #expect(try await gateway.send("PATCH", "/api/guest/tables/\(id)", json: ["active": "no"], token: manager.token).status == 422)
    }

    @Test("The QR code is an SVG of the table's guest URL (read back with zbarimg)")
    func qrCodeDecodesToTheGuestURL() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let table = try await GuestFixtures.newTable()
        let id = try GuestFixtures.id(table)
        let url = try #require(table["guest_url"]?.stringValue)

        let response = try await gateway.send("GET", "/api/guest/tables/\(id)/qr.svg", token: manager.token).expecting(200, "QR code")
        #expect(response.contentType?.hasPrefix("image/svg+xml") == true)
        let document = try XMLDocument(data: Data(response.body))
        #expect(document.rootElement()?.name == "svg")
        // Version v has 17 + 4v modules per side; plus a quiet zone of 4 on each side.
        let viewBox = document.rootElement()?.value(of: "viewBox")?.split(separator: " ").compactMap { Int($0) }
        let side = try #require(viewBox?.last)
        #expect((side - 8 - 17) % 4 == 0 && (1...40).contains((side - 8 - 17) / 4), "viewBox \(String(describing: viewBox))")

        #expect(try QRReader.decode(svg: response.body) == url)
        #expect(try await gateway.send("GET", "/api/guest/tables/999999999/qr.svg", token: manager.token).status == 404)
    }

    @Test("The print sheet holds every active table's code and label, no disabled one, text escaped")
    func printSheetListsActiveTables() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let hostile = try await GuestFixtures.newTable("<b>&amp;")
        let disabled = try await GuestFixtures.newTable("Off")
        try await gateway.send("PATCH", "/api/guest/tables/\(try GuestFixtures.id(disabled))", json: ["active": false], token: manager.token)
            .expecting(200, "disable")

        // Other tests add and disable tables meanwhile: tables active both before and after the
        // sheet was made must be on it; the card count lies between the two lists.
        let before = try await activeTables(manager.token)
        let response = try await gateway.send("GET", "/api/guest/tables/print", token: manager.token).expecting(200, "print sheet")
        let after = try await activeTables(manager.token)
        #expect(response.contentType?.hasPrefix("text/html") == true)
        let html = response.text
        #expect(html.contains("@page { size: A4"))

        let cards = html.components(separatedBy: "<figure class=\"card\">").count - 1
        let stable = Set(before.keys).intersection(after.keys)
        #expect(cards >= stable.count && cards <= Set(before.keys).union(after.keys).count, "one card per active table: \(cards)")
        for id in stable {
            let label = try #require(before[id])
            #expect(html.contains(">\(Self.escaped(label))</span>"), "\(label) is on the sheet")
        }
        #expect(!html.contains(">\(try #require(disabled["label"]?.stringValue))</span>"), "a disabled table is not printed")
        #expect(!html.contains("<b>&amp;"), "labels are escaped")
        #expect(html.contains(Self.escaped(try #require(hostile["label"]?.stringValue))))
    }

    @Test("GET /api/settings: the configured money and day settings, public, with ETag and 304")
    func settings() async throws {
        let response = try await gateway.send("GET", "/api/settings").expecting(200, "settings")
        let json = try requireJSON(response)
        #expect(json["currency"]?.stringValue?.count == 3)
        #expect(json["locale"]?.stringValue?.isEmpty == false)
        #expect(json["time_zone"]?.stringValue?.isEmpty == false)
        #expect(json["cafe_name"]?.stringValue?.isEmpty == false)
        #expect((0...23).contains(json["business_day_start_hour"]?.intValue ?? -1))
        let quote = try requireJSON(try await gateway.send("POST", "/api/orders/quote", json: [
            "type": "takeaway", "items": [OrderFixtures.line(try await OrderFixtures.menu().croissantID)],
        ]).expecting(200, "quote"))
        #expect(json["prices_include_tax"] == quote["prices_include_tax"], "the same tax mode the pricing uses")

        let etag = try #require(response.header("etag"))
        let again = try await gateway.send("GET", "/api/settings", headers: ["If-None-Match": etag])
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(try await gateway.send("POST", "/api/settings", json: [:]).status == 405)
    }

    /// Active tables by id, with their labels (every page of the list).
    private func activeTables(_ token: String) async throws -> [Int: String] {
        var active: [Int: String] = [:]
        var cursor: String?
        repeat {
            let page = try requireJSON(try await gateway.send("GET", "/api/guest/tables?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""),
                                                              token: token).expecting(200, "list tables"))
            for table in page["items"]?.arrayValue ?? [] where table["active"] == true {
                if let id = table["id"]?.intValue, let label = table["label"]?.stringValue { active[id] = label }
            }
            cursor = page["next_cursor"]?.stringValue
        } while cursor != nil
        return active
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// Reads a QR code the way a phone would, with tools from Debian: rsvg-convert renders the SVG
/// to PNG, zbarimg decodes it (both installed by scripts/up).
enum QRReader {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func decode(svg: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgFile = directory.appendingPathComponent("code.svg"), pngFile = directory.appendingPathComponent("code.png")
        try Data(svg).write(to: svgFile)
        _ = try run("/usr/bin/rsvg-convert", ["--format=png", "--output=\(pngFile.path)", svgFile.path])
        let output = try run("/usr/bin/zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", pngFile.path])
        return output.trimmingCharacters(in: .newlines)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension XMLElement {
    /// An attribute's value by its local name (FoundationXML on Linux finds no attribute of a
    /// namespaced element by name alone).
    func value(of attribute: String) -> String? {
        attributes?.first { $0.localName == attribute || $0.name == attribute }?.stringValue
    }
}
