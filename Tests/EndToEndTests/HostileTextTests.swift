import Foundation
import PosCoreTesting
import PosHTTP
import Testing

/// Every string field of the API with text an attacker or an unusual keyboard sends: more code
/// points than the column holds in as many characters, control characters, bidi overrides,
/// and the harmless-but-unusual (emoji, combining marks, right-to-left text) that must work.
/// Never a 500; always 422 naming the field, or the value stored as sent.
@Suite("Hostile text in every string field")
struct HostileTextTests {
    /// Refused in every field: they could end a log line, forge a receipt line or reorder it.
    static let hostile = ["nul\u{0}byte", "line\r\nFAKE TOTAL 0.00", "\u{1B}[31mred", "\u{202E}desrever", "para\u{2028}graph", "del\u{7F}"]
    /// Refused in one-line fields, allowed in the one multi-line field (an item's description).
    static let lineBreaks = ["tab\there", "two\nlines"]
    /// Must be accepted and stored as sent.
    static let unusual = ["café ☕️ 👩‍🍳", "\u{200F}שלום", "ma\u{301}s que nada", "Ω≈ç√∫"]

    @Test("Text longer in code points than the column is 422, not 500", arguments: TextField.allCases)
    func tooManyCodePoints(field: TextField) async throws {
        // `limit` characters to Swift, 2 × `limit` code points to MariaDB.
        let response = try await field.send(String(repeating: "e\u{301}", count: field.limit))

        #expect(response.status == 422, "\(field): \(response)")
        #expect(response.errorFields.contains(field.errorField), "\(field): \(response.errorFields)")
    }

    @Test("Text exactly at the limit in code points is stored", arguments: TextField.allCases)
    func exactlyAtTheLimit(field: TextField) async throws {
        let value = String(repeating: "é", count: field.limit)
        let response = try await field.send(value)

        #expect((200...299).contains(response.status), "\(field): \(response)")
    }

    @Test("Control characters and bidi overrides are 422", arguments: TextField.allCases)
    func controlCharacters(field: TextField) async throws {
        for value in Self.hostile + (field.multiline ? [] : Self.lineBreaks) {
            let response = try await field.send(value)
            #expect(response.status == 422, "\(field) with \(value.debugDescription): \(response)")
            #expect(response.errorFields.contains(field.errorField), "\(field): \(response.errorFields)")
        }
    }

    @Test("Emoji, combining marks and right-to-left text are accepted", arguments: TextField.allCases)
    func unusualButHarmless(field: TextField) async throws {
        for value in Self.unusual + (field.multiline ? Self.lineBreaks : []) {
            let response = try await field.send(value)
            #expect((200...299).contains(response.status), "\(field) with \(value.debugDescription): \(response)")
        }
    }

    @Test("A login name no account can have is 401, like any wrong login")
    func impossibleLoginNames() async throws {
        for name in [String(repeating: "e\u{301}", count: 64), "admin\nFAKE LINE", "admin\u{0}", String(repeating: "a", count: 5000)] {
            let response = try await StaffFixtures.login(username: name, password: "not the password")
            #expect(response.status == 401, "\(name.debugDescription.prefix(40)): \(response)")
            #expect(response.isProblem)
        }
    }

    @Test("Invalid UTF-8 in a body is 400 malformed JSON")
    func invalidUTF8() async throws {
        let cashier = try await StaffFixtures.shared(.cashier)
        var body = Array(#"{"type":"takeaway","note":""#.utf8)
        body += [0xC3, 0x28, 0xFF]
        body += Array(#"","items":[]}"#.utf8)

        let response = try await GatewayClient.shared.send("POST", "/api/orders", rawBody: body, token: cashier.token)

        #expect(response.status == 400, "\(response)")
        #expect(response.isProblem)
    }
}
