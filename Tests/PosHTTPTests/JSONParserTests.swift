import Testing
@testable import PosHTTP

@Suite("JSON parsing")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSON { try JSONParser.parse(Array(text.utf8)) }

    @Test func parsesObjectsInOrderWithEveryKind() throws {
        let value = try parse(#"{"b": 1, "a": [true, false, null], "s": "x\u00e9\n", "n": -42}"#)
        #expect(value == ["b": 1, "a": [true, false, nil], "s": "xé\n", "n": -42])
        #expect(String(decoding: value.serialized(), as: UTF8.self) == #"{"b":1,"a":[true,false,null],"s":"xé\n","n":-42}"#)
    }

    @Test(arguments: [
        "", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{\"a\":01}", "{\"a\":1} x", "// c\n{}",
        "{\"a\":\"\u{01}\"}", "{\"a\":\"\\ud800\"}", "{\"a\":1,\"a\":2}", "nul", "-", "1.", "{\"a\" 1}",
    ])
    func rejectsMalformedInput(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        #expect((try? parse(String(repeating: "[", count: 10) + String(repeating: "]", count: 10))) != nil)
    }

    @Test func keepsFractionsAndHugeNumbersOutOfIntegers() throws {
        #expect(try parse("1.5").isNonIntegerNumber)
        #expect(try parse("99999999999999999999").isNonIntegerNumber)
        #expect(try parse("9223372036854775807") == .int(Int.max))
    }

    // JSON Schema counts 230.0 as an integer, so a client (or a generator) may send it.
    @Test(arguments: [("230.0", 230), ("2.3e2", 230), ("2300E-1", 230), ("1e3", 1000), ("-0.0", 0), ("-12.50e1", -125),
                      ("0e-99999999", 0), ("9223372036854775807.000", Int.max), ("-9223372036854775808.0", Int.min)])
    func readsWholeNumbersHoweverWritten(_ text: String, _ value: Int) throws {
        #expect(try parse(text) == .int(value))
    }

    @Test(arguments: ["230.5", "1e-2", "2.35e1", "0.0000001", "1e-99999999"])
    func keepsFractionsOut(_ text: String) throws {
        let value = try parse(text)
        #expect(value.isNonIntegerNumber)
        #expect(!value.isWholeNumberBeyondInt)
    }

    @Test(arguments: ["1e19", "9223372036854775808.0", "-9223372036854775809", "1e99999999"])
    func knowsWholeNumbersPastInt(_ text: String) throws {
        let value = try parse(text)
        #expect(value.isNonIntegerNumber)
        #expect(value.isWholeNumberBeyondInt)
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func escapesControlCharactersWhenSerializing() {
        let text = String(decoding: JSON.string("a\"b\\c\u{01}").serialized(), as: UTF8.self)
        #expect(text == #""a\"b\\c\u0001""#)
    }
}
