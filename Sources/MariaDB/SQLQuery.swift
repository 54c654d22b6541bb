/// A value bound to a `?` placeholder. Values never become part of the SQL text.
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)
    case bytes([UInt8])
}

/// Types that can be bound as statement parameters.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int: SQLBindable { public var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .int(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Substring: SQLBindable { public var sqlValue: SQLValue { .text(String(self)) } }
extension Array: SQLBindable where Element == UInt8 { public var sqlValue: SQLValue { .bytes(self) } }
extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// SQL written as string interpolation: every interpolated value becomes a `?` placeholder and
/// a bound parameter, so `"SELECT … WHERE id = \(id)"` can never splice input into the SQL.
/// Text that must be SQL (a column list chosen by code) needs the loud `unsafeRaw:` label.
public struct SQLQuery: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    public private(set) var sql: String
    public private(set) var binds: [SQLValue]

    public init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
    }

    public var description: String { sql }

    /// The present conditions joined with AND (`TRUE` when none), for optional filters: each
    /// filter given becomes a plain indexable condition instead of `(? IS NULL OR col = ?)`,
    /// which the optimizer cannot use an index for.
    public static func all(_ conditions: [SQLQuery?]) -> SQLQuery {
        let present = conditions.compactMap { $0 }
        guard var joined = present.first else { return "TRUE" }
        for condition in present.dropFirst() {
            joined = "\(joined) AND \(condition)"
        }
        return joined
    }

    /// `parts` joined by `separator` (fixed SQL text), their bound values in order: the rows of
    /// a multi-row `VALUES (…), (…)`, say.
    public static func joined(_ parts: [SQLQuery], separator: String = ", ") -> SQLQuery {
        var joined = SQLQuery(stringLiteral: "")
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.sql += separator }
            joined.sql += part.sql
            joined.binds.append(contentsOf: part.binds)
        }
        return joined
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [SQLValue] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation(_ value: some SQLBindable) {
            sql += "?"
            binds.append(value.sqlValue)
        }

        /// An optional value: NULL when nil.
        public mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            sql += "?"
            binds.append(value.sqlValue)
        }

        /// `IN (…)` lists, e.g. `WHERE id IN (\(list: ids))`. The list is padded to the next
        /// power of two by repeating its last value (same meaning for IN), so a connection
        /// prepares a few statements per query instead of one per list length.
        public mutating func appendInterpolation(list values: [some SQLBindable]) {
            guard let last = values.last else {
                sql += "NULL"
                return
            }
            var size = 1
            while size < values.count { size *= 2 }
            sql += Array(repeating: "?", count: size).joined(separator: ", ")
            binds.append(contentsOf: values.map(\.sqlValue))
            binds.append(contentsOf: Array(repeating: last.sqlValue, count: size - values.count))
        }

        /// Splices text into the SQL itself. Only for fragments the code chooses from a fixed
        /// set (a sort column, a composed query); never for anything that came from a request.
        public mutating func appendInterpolation(unsafeRaw fragment: String) {
            sql += fragment
        }

        /// Embeds another query, keeping its bound values in order.
        public mutating func appendInterpolation(_ query: SQLQuery) {
            sql += query.sql
            binds.append(contentsOf: query.binds)
        }
    }

    /// Whether the statement only reads (safe to retry after a lost connection).
    var isReadOnly: Bool {
        let head = sql.drop(while: { $0 == " " || $0 == "\n" || $0 == "(" }).prefix(6).uppercased()
        return head == "SELECT"
    }
}
