import Testing
@testable import PosHTTP

/// Integer members as the document promises them: JSON Schema's "integer" includes 230.0.
@Suite("Whole-number fields")
struct WholeNumberFieldTests {
    private func body(_ text: String) throws -> JSONBody {
        try JSONBody(HTTPRequest(method: "POST", path: "/x", headers: ["content-type": "application/json"],
                                 body: Array(text.utf8)))
    }

    @Test func aZeroFractionIsTheWholeNumber() throws {
        var reader = try body(#"{"price_cents": 230.0, "ids": [3.0, 4e0], "stock": 1.00e1}"#)
        #expect(reader.int("price_cents", range: 0...1000) == 230)
        #expect(reader.ints("ids", maxCount: 5, range: 1...10) == [3, 4])
        guard case .value(10) = reader.nullableInt("stock", range: 0...100) else { Issue.record("stock should be 10"); return }
        try reader.finish()
    }

    @Test func aFractionIsStillRefused() throws {
        var reader = try body(#"{"price_cents": 230.5}"#)
        #expect(reader.int("price_cents", range: 0...1000) == nil)
        #expect(reader.errors.map(\.message) == ["must be a whole number"])
    }

    @Test(arguments: [#"{"n": 2300.0}"#, #"{"n": 1e30}"#, #"{"n": -99999999999999999999.0}"#])
    func wholeNumbersOutOfRangeAreOutOfRange(_ text: String) throws {
        var reader = try body(text)
        #expect(reader.int("n", range: 0...1000) == nil)
        #expect(reader.errors.map(\.message) == ["must be between 0 and 1000"])
    }
}
