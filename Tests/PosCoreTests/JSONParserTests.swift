import Testing
@testable import PosCore

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
        #expect(try parse("1e3").isNonIntegerNumber)
        #expect(try parse("99999999999999999999").isNonIntegerNumber)
        #expect(try parse("9223372036854775807") == .int(Int.max))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func escapesControlCharactersWhenSerializing() {
        let text = String(decoding: JSON.string("a\"b\\c\u{01}").serialized(), as: UTF8.self)
        #expect(text == #""a\"b\\c\u0001""#)
    }
}
