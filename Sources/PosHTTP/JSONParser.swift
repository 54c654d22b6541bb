/// A strict RFC 8259 parser. It rejects what many parsers let through (trailing commas,
/// comments, leading zeros, lone surrogates, duplicate keys, nesting deeper than 32) and keeps
/// numbers exact: a number whose value is a whole number that fits in Int is `.int`, however it
/// is written (`230`, `230.0`, `2.3e2`: JSON Schema counts all three as integers); any other
/// number is carried as a marker so validation can report the field instead of rounding money.
public struct JSONParser {
    public enum Failure: Error, Equatable {
        case malformed(String)
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maxDepth = 32

    public static func parse(_ bytes: [UInt8]) throws -> JSON {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Failure.malformed("unexpected data after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func parseValue() throws -> JSON {
        guard index < bytes.count else { throw Failure.malformed("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw Failure.malformed("unexpected character at offset \(index)")
        }
    }

    private mutating func parseObject() throws -> JSON {
        try enter()
        index += 1
        var members: [(String, JSON)] = []
        var keys = Set<String>()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw Failure.malformed("expected a member name at offset \(index)") }
            let key = try parseString()
            guard keys.insert(key).inserted else { throw Failure.malformed("duplicate member \"\(key)\"") }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw Failure.malformed("expected ':' at offset \(index)") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object(members) }
            throw Failure.malformed("expected ',' or '}' at offset \(index)")
        }
    }

    private mutating func parseArray() throws -> JSON {
        try enter()
        index += 1
        var values: [JSON] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array(values) }
        while true {
            skipWhitespace()
            values.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array(values) }
            throw Failure.malformed("expected ',' or ']' at offset \(index)")
        }
    }

    private mutating func parseString() throws -> String {
        index += 1
        var utf8: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Failure.malformed("invalid UTF-8 in string") }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                utf8.append(contentsOf: Array(String(Character(try parseEscape())).utf8))
            case 0x00..<0x20:
                throw Failure.malformed("control character in string at offset \(index)")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw Failure.malformed("unterminated string")
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        guard index < bytes.count else { throw Failure.malformed("unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Failure.malformed("lone surrogate in string")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Failure.malformed("lone surrogate in string") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw Failure.malformed("lone surrogate in string") }
            return scalar
        default: throw Failure.malformed("invalid escape at offset \(index - 1)")
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw Failure.malformed("invalid \\u escape")
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws -> JSON {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw Failure.malformed("invalid number at offset \(start)") }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
            throw Failure.malformed("leading zero in number at offset \(start)")
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        var fractional = false
        if peek(UInt8(ascii: ".")) {
            fractional = true
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw Failure.malformed("invalid number at offset \(start)") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            fractional = true
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw Failure.malformed("invalid number at offset \(start)") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !fractional, let value = Int(text) { return .int(value) }
        // Well-formed but not an integer we can hold: the validator reports the field (422).
        guard case .whole(let value) = Self.wholeNumber(text) else { return .object([(JSON.nonIntegerMarker, .string(text))]) }
        return .int(value)
    }

    enum WholeNumber: Equatable {
        case whole(Int)
        /// A whole number past Int (`1e19`): out of any range the API takes.
        case tooLarge
        /// Not a whole number (`230.5`, `1e-2`).
        case fractional
    }

    /// What a well-formed JSON number is worth as a whole number: `230.0`, `2.3e2` and `-0.0`
    /// are whole. Exact, digit by digit: no floating point.
    static func wholeNumber(_ text: String) -> WholeNumber {
        var number = Substring(text)
        let negative = number.first == "-"
        if negative { number.removeFirst() }
        var exponentText: Substring = "0"
        if let e = number.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentText = number[number.index(after: e)...]
            number = number[..<e]
        }
        var digits = String(number.filter { $0 != "." }.drop { $0 == "0" })
        if digits.isEmpty { return .whole(0) }
        let exponentNegative = exponentText.first == "-"
        if exponentText.first == "-" || exponentText.first == "+" { exponentText.removeFirst() }
        let magnitude = exponentText.drop { $0 == "0" }
        // More than 7 exponent digits: far past Int, or far below 1.
        guard magnitude.count <= 7 else { return exponentNegative ? .fractional : .tooLarge }
        var exponent = (Int(magnitude) ?? 0) * (exponentNegative ? -1 : 1)
        if let dot = number.firstIndex(of: ".") { exponent -= number.distance(from: dot, to: number.endIndex) - 1 }
        while digits.last == "0" { digits.removeLast(); exponent += 1 }
        guard exponent >= 0 else { return .fractional }
        guard digits.count + exponent <= 19,
              let value = Int((negative ? "-" : "") + digits + String(repeating: "0", count: exponent)) else { return .tooLarge }
        return .whole(value)
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw Failure.malformed("nesting deeper than \(Self.maxDepth)") }
    }

    private mutating func expect(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw Failure.malformed("unexpected literal at offset \(index)")
        }
        index += expected.count
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }
}

extension JSON {
    /// A number that is valid JSON but not a whole number that fits in Int (1.5, 1e-3, 1e19) is
    /// carried as an object with this single impossible key, so validators can name the field.
    static let nonIntegerMarker = "\u{0}non-integer"

    var isNonIntegerNumber: Bool { nonIntegerText != nil }

    /// A whole number too large for Int (as opposed to one with a fraction).
    var isWholeNumberBeyondInt: Bool {
        nonIntegerText.map { JSONParser.wholeNumber($0) == .tooLarge } ?? false
    }

    private var nonIntegerText: String? {
        guard case .object(let members) = self, members.count == 1, members[0].0 == Self.nonIntegerMarker else { return nil }
        return members[0].1.stringValue
    }
}
