extension HTTPRequest {
    /// `?name=2026-11-25T09:30:00Z` (any RFC 3339 time: fractional seconds, an offset; or a bare
    /// date) as MariaDB DATETIME text in UTC; nil when absent or empty, 422 naming the parameter
    /// when it is not such a time.
    public func queryDateTime(_ name: String) throws -> String? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = Clock.databaseDateTime(fromRFC3339: text) else {
            throw HTTPError.unprocessable(field: name, "must be an RFC 3339 time like 2026-11-25T09:30:00Z")
        }
        return value
    }

    /// `?name=12` as a positive id; nil when absent or empty, 422 when not a positive whole number
    /// that fits in 64 bits (the document's int64). An id no row has simply matches nothing.
    public func queryID(_ name: String) throws -> Int? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0 else {
            throw HTTPError.unprocessable(field: name, "must be a positive whole number")
        }
        return value
    }

    /// `?name=` as one of `values`; nil when absent, 422 listing the choices otherwise.
    public func queryChoice<Value: RawRepresentable & CaseIterable>(_ name: String, of _: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = Value(rawValue: text) else {
            throw HTTPError.unprocessable(field: name, "must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
