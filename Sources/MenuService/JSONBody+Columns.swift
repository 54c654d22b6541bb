import PosCore

extension JSONBody {
    /// A string bound for a `VARCHAR(length.upperBound)` column: `length` in characters as the
    /// API counts them, and also at most `length.upperBound` Unicode scalars, which is how
    /// MariaDB counts, so a valid value always fits its column.
    mutating func columnString(_ key: String, required: Bool = true, length: ClosedRange<Int>) -> String? {
        guard let text = string(key, required: required, length: length) else { return nil }
        guard text.unicodeScalars.count <= length.upperBound else {
            fail(key, "must be \(length.lowerBound) to \(length.upperBound) characters long")
            return nil
        }
        return text
    }

    /// For PATCH and optional create fields: `.absent`, `.null` or a valid column string.
    mutating func nullableColumnString(_ key: String, length: ClosedRange<Int>) -> Presence<String> {
        guard let value = object[key] else { return .absent }
        if value == .null { return .null }
        guard let text = columnString(key, length: length) else { return .invalid }
        return .value(text)
    }
}
