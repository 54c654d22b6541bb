#if canImport(Glibc)
import Glibc
#endif
@testable import PosCore
import PosMoney
import Testing

/// Settings read with a pattern (`POS_CURRENCY`, `POS_LOCALE`, `POS_GUEST_BASE_URL`): a bad
/// value stops the service at start with a message naming the variable, never a silent default.
@Suite("Configuration values checked against a pattern")
struct ConfigurationTests {
    /// A variable of this test's own, so parallel tests never see it.
    static func read(_ value: String?, default fallback: String = "EUR") throws -> String {
        let name = "POS_TEST_CONFIGURATION_\(Int.random(in: 0..<1_000_000_000))"
        if let value { setenv(name, value, 1) }
        defer { unsetenv(name) }
        return try ProcessEnvironment().matching(name, default: fallback, #/[A-Z]{3}/#, "three capital letters")
    }

    @Test("Unset or empty: the default; a matching value: itself")
    func defaultsAndValues() throws {
        #expect(try Self.read(nil) == "EUR")
        #expect(try Self.read("") == "EUR")
        #expect(try Self.read("USD") == "USD")
    }

    @Test("A value that does not match as a whole is an error naming the variable", arguments: ["usd", "EURO", " EUR", "EU", "€"])
    func badValues(value: String) {
        let error = #expect(throws: ConfigurationError.self) { try Self.read(value) }
        #expect(error?.message.contains("POS_TEST_CONFIGURATION_") == true)
        #expect(error?.message.contains("three capital letters") == true)
    }

    @Test("A trailing slash never doubles in a guest URL")
    func trailingSlashes() {
        #expect("http://cafe.example/".trimmingSuffix("/") == "http://cafe.example")
        #expect("http://cafe.example//".trimmingSuffix("/") == "http://cafe.example")
        #expect("http://cafe.example".trimmingSuffix("/") == "http://cafe.example")
    }
}
