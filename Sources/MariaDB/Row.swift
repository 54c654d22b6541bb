/// One result row. Columns are looked up by name; values arrive as the text or bytes the
/// server sent, and are decoded on access with a `DatabaseError` (code `decoding`) on mismatch.
public struct Row: Sendable {
    let columns: ColumnIndex
    let values: [[UInt8]?]

    init(columns: ColumnIndex, values: [[UInt8]?]) {
        self.columns = columns
        self.values = values
    }

    /// A row built in memory, as the server would send it (for fixtures and unit tests).
    public init(_ values: [(column: String, value: String?)]) {
        columns = ColumnIndex(names: values.map(\.column))
        self.values = values.map { $0.value.map { Array($0.utf8) } }
    }

    /// Whether the result has a column of that name.
    public func has(_ column: String) -> Bool {
        columns.positions[column] != nil
    }

    public func isNull(_ column: String) throws -> Bool {
        try raw(column) == nil
    }

    public func int(_ column: String) throws -> Int {
        guard let value = try optionalInt(column) else { throw decodingError(column, "is NULL") }
        return value
    }

    public func optionalInt(_ column: String) throws -> Int? {
        guard let bytes = try raw(column) else { return nil }
        guard let value = Int(String(decoding: bytes, as: UTF8.self)) else {
            throw decodingError(column, "is not an integer")
        }
        return value
    }

    public func bool(_ column: String) throws -> Bool {
        try int(column) != 0
    }

    public func string(_ column: String) throws -> String {
        guard let value = try optionalString(column) else { throw decodingError(column, "is NULL") }
        return value
    }

    public func optionalString(_ column: String) throws -> String? {
        guard let bytes = try raw(column) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func optionalBytes(_ column: String) throws -> [UInt8]? {
        try raw(column)
    }

    public func bytes(_ column: String) throws -> [UInt8] {
        guard let bytes = try raw(column) else { throw decodingError(column, "is NULL") }
        return bytes
    }

    /// A DATETIME column (stored in UTC) as an RFC 3339 string: `2026-11-25T09:30:00Z`.
    public func timestamp(_ column: String) throws -> String {
        guard let value = try optionalTimestamp(column) else { throw decodingError(column, "is NULL") }
        return value
    }

    public func optionalTimestamp(_ column: String) throws -> String? {
        guard let bytes = try raw(column) else { return nil }
        // "YYYY-MM-DD HH:MM:SS[.ffffff]" → seconds precision, UTC. On the bytes: a row list
        // reads several per row, and String's prefix/suffix/count walk characters.
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: " ") else { throw decodingError(column, "is not a DATETIME") }
        var text = bytes[0..<19]
        text[10] = UInt8(ascii: "T")
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    private func raw(_ column: String) throws -> [UInt8]? {
        guard let index = columns.positions[column] else {
            throw decodingError(column, "is not in the result")
        }
        return values[index]
    }

    private func decodingError(_ column: String, _ problem: String) -> DatabaseError {
        DatabaseError(function: "Row", code: DatabaseError.decoding, message: "column \(column) \(problem)")
    }
}

/// Column name → position, shared by every row of one result.
final class ColumnIndex: Sendable {
    let positions: [String: Int]
    init(names: [String]) {
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        self.positions = positions
    }
}

/// What a write reports back.
public struct ExecuteResult: Sendable {
    public let affectedRows: Int
    public let lastInsertID: Int
}
