/// `?limit=` (default 50, at most 200) and an opaque `?cursor=` (the last id seen) for lists
/// ordered by id, newest first.
public struct Page: Sendable {
    public let limit: Int
    /// Only ids below this are returned; nil on the first page.
    public let beforeID: Int?

    public init(_ request: HTTPRequest) throws {
        var errors: [HTTPError.FieldError] = []
        var limit = 50
        if let text = request.query["limit"] {
            if let value = Int(text), (1...200).contains(value) { limit = value } else {
                errors.append(.init(field: "limit", message: "must be a whole number from 1 to 200"))
            }
        }
        var beforeID: Int?
        if let text = request.query["cursor"], !text.isEmpty {
            if let value = Int(text), value > 0 { beforeID = value } else {
                errors.append(.init(field: "cursor", message: "is not a cursor this API gave out"))
            }
        }
        if !errors.isEmpty { throw HTTPError.unprocessable(errors) }
        self.limit = limit
        self.beforeID = beforeID
    }

    /// The list envelope: `{items, next_cursor}`. Pass one row more than `limit` to learn
    /// whether another page exists.
    public func envelope<T>(_ rows: [T], id: (T) -> Int, json: (T) -> JSON) -> JSON {
        let page = Array(rows.prefix(limit))
        let next: JSON = rows.count > limit ? .string(String(id(page[page.count - 1]))) : .null
        return ["items": .array(page.map(json)), "next_cursor": next]
    }
}
