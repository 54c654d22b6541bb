/// Reads and validates a JSON object request body, collecting every field's problem so the
/// client gets them all at once. Malformed JSON is a 400; a wrong type, a missing required
/// field or an out-of-range value is recorded and `finish()` throws one 422 listing them.
/// Unknown members are ignored (clients may send fields this version does not read).
public struct JSONBody {
    public let object: JSON
    private let prefix: String
    public private(set) var errors: [HTTPError.FieldError] = []

    public init(_ request: HTTPRequest) throws {
        if request.bodyTooLarge { throw HTTPError.payloadTooLarge(HTTPRequest.maxBodyBytes) }
        if let type = request.header("content-type"), !type.lowercased().hasPrefix("application/json") {
            throw HTTPError(status: 415, slug: "unsupported-media-type", title: "Unsupported media type",
                            detail: "Send the body as application/json.")
        }
        guard !request.body.isEmpty else { throw HTTPError.badRequest("The request body must be a JSON object.") }
        let value: JSON
        do {
            value = try JSONParser.parse(request.body)
        } catch JSONParser.Failure.malformed(let reason) {
            throw HTTPError.badRequest("The body is not valid JSON: \(reason).")
        }
        // (A number with a fraction is an object inside the parser: see `JSON.nonIntegerMarker`.)
        guard case .object = value, !value.isNonIntegerNumber else {
            throw HTTPError.badRequest("The request body must be a JSON object.")
        }
        self.init(object: value, prefix: "")
    }

    /// A nested object, with field names reported as `prefix.name`.
    public init(object: JSON, prefix: String) {
        self.object = object
        self.prefix = prefix
    }

    public func has(_ key: String) -> Bool { object[key] != nil }

    public mutating func fail(_ key: String, _ message: String) {
        errors.append(HTTPError.FieldError(field: prefix + key, message: message))
    }

    /// Adds errors found by a nested reader.
    public mutating func merge(_ nested: JSONBody) { errors += nested.errors }

    /// Throws 422 with every collected error, if any.
    public func finish() throws {
        if !errors.isEmpty { throw HTTPError.unprocessable(errors) }
    }

    // MARK: - Typed members

    /// A string of `length` characters (after trimming outer whitespace when `trim`) that
    /// `rule` allows and that fits a `VARCHAR(length.upperBound)` column (see `TextRule`).
    public mutating func string(_ key: String, required: Bool = true, length: ClosedRange<Int>,
                                rule: TextRule = .singleLine, trim: Bool = true,
                                allowed: Set<Character>? = nil) -> String? {
        guard let value = object[key], value != .null else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .string(var text) = value else {
            fail(key, "must be a string")
            return nil
        }
        // Characters are checked as sent (a trailing line break is refused, as the OpenAPI
        // pattern says), the length after trimming.
        let sent = text
        if trim { text = text.trimmedWhitespace() }
        if let problem = TextRule.lengthProblem(text, length: length) ?? rule.characterProblem(sent) {
            fail(key, problem)
            return nil
        }
        if let allowed, !text.allSatisfy({ allowed.contains($0) }) {
            fail(key, "contains characters that are not allowed")
            return nil
        }
        return text
    }

    /// The `reason` every audited change (cancel, reject, discount, refund, cash movement)
    /// requires: one line of 1 to 500 characters, as the audit log's `reason` column holds.
    public mutating func reason() -> String? {
        string("reason", length: 1...500)
    }

    /// A whole number in `range`.
    public mutating func int(_ key: String, required: Bool = true, range: ClosedRange<Int>) -> Int? {
        guard let value = object[key], value != .null else {
            if required { fail(key, "is required") }
            return nil
        }
        return checkInt(key, value, range: range)
    }

    /// For PATCH: `.absent`, `.null` (explicitly cleared) or a whole number in `range`.
    public mutating func nullableInt(_ key: String, range: ClosedRange<Int>) -> Presence<Int> {
        guard let value = object[key] else { return .absent }
        if value == .null { return .null }
        guard let number = checkInt(key, value, range: range) else { return .invalid }
        return .value(number)
    }

    /// For PATCH: `.absent`, `.null` or a string as `string(_:length:rule:)` reads it.
    public mutating func nullableString(_ key: String, length: ClosedRange<Int>,
                                        rule: TextRule = .singleLine) -> Presence<String> {
        guard let value = object[key] else { return .absent }
        if value == .null { return .null }
        guard let text = string(key, length: length, rule: rule) else { return .invalid }
        return .value(text)
    }

    public mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = object[key], value != .null else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .bool(let flag) = value else {
            fail(key, "must be true or false")
            return nil
        }
        return flag
    }

    /// An array of at most `maxCount` elements.
    public mutating func array(_ key: String, required: Bool = true, maxCount: Int) -> [JSON]? {
        guard let value = object[key], value != .null else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .array(let elements) = value else {
            fail(key, "must be an array")
            return nil
        }
        guard elements.count <= maxCount else {
            fail(key, "may hold at most \(maxCount) elements")
            return nil
        }
        return elements
    }

    /// Readers for each element of an array of objects, named `key[i].`; non-objects are errors.
    public mutating func objects(_ key: String, required: Bool = true, maxCount: Int) -> [JSONBody]? {
        guard let elements = array(key, required: required, maxCount: maxCount) else { return nil }
        var readers: [JSONBody] = []
        for (index, element) in elements.enumerated() {
            guard case .object = element, !element.isNonIntegerNumber else {
                fail("\(key)[\(index)]", "must be an object")
                continue
            }
            readers.append(JSONBody(object: element, prefix: "\(prefix)\(key)[\(index)]."))
        }
        return readers
    }

    /// Whole numbers in an array (ids), each in `range`.
    public mutating func ints(_ key: String, required: Bool = true, maxCount: Int, range: ClosedRange<Int>) -> [Int]? {
        guard let elements = array(key, required: required, maxCount: maxCount) else { return nil }
        var numbers: [Int] = []
        for (index, element) in elements.enumerated() {
            if let number = checkInt("\(key)[\(index)]", element, range: range) { numbers.append(number) }
        }
        return numbers.count == elements.count ? numbers : nil
    }

    private mutating func checkInt(_ key: String, _ value: JSON, range: ClosedRange<Int>) -> Int? {
        // 230.0 arrives as .int(230) (the parser reads whole numbers however written); a number
        // past Int is out of range like any other, only a fraction is "not a whole number".
        if value.isNonIntegerNumber {
            fail(key, value.isWholeNumberBeyondInt ? "must be between \(range.lowerBound) and \(range.upperBound)" : "must be a whole number")
            return nil
        }
        guard case .int(let number) = value else {
            fail(key, "must be a whole number")
            return nil
        }
        guard range.contains(number) else {
            fail(key, "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }
}

/// A PATCH member: left out, explicitly null, a valid value, or present but invalid.
public enum Presence<Value> {
    case absent, null, value(Value), invalid

    public var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }
}

extension String {
    func trimmedWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
