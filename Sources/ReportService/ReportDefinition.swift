import MariaDB

/// One report of `GET /api/reports/{name}`: the view it reads, its columns in the order api.md
/// lists them, and the query that gives its rows for a range of business dates.
struct ReportDefinition: Sendable {
    /// A column as api.md and the view name it, and how its values are read.
    struct Column: Sendable {
        enum Kind: Sendable { case integer, text }
        let name: String
        let kind: Kind
    }

    /// `daily-sales`, as in the URL.
    let name: String
    /// The SQL view in `sql/views/` it reads.
    let view: String
    let columns: [Column]
    /// The columns the view's rows are added up by over the range (a view with one row per
    /// business date and item, summed per item); empty when the view's rows are the report's rows.
    let sumBy: [String]
    let orderBy: String

    /// The report's rows for business dates `range`, both ends inclusive. Column names and the
    /// view are fixed by code; the dates are bound.
    func query(_ range: ReportRange) -> SQLQuery {
        let filter: SQLQuery = "business_date BETWEEN \(range.from) AND \(range.to)"
        guard !sumBy.isEmpty else {
            let list = columns.map(\.name).joined(separator: ", ")
            return "SELECT \(unsafeRaw: list) FROM \(unsafeRaw: view) WHERE \(filter) ORDER BY \(unsafeRaw: orderBy)"
        }
        // Every column is a key or a sum: text columns (names) go with their key (item_id).
        let list = columns.map { column in
            sumBy.contains(column.name) || column.kind == .text
                ? column.name : "CAST(SUM(\(column.name)) AS SIGNED) AS \(column.name)"
        }.joined(separator: ", ")
        let keys = (sumBy + columns.filter { $0.kind == .text && !sumBy.contains($0.name) }.map(\.name))
            .joined(separator: ", ")
        return """
            SELECT \(unsafeRaw: list) FROM \(unsafeRaw: view) WHERE \(filter)
            GROUP BY \(unsafeRaw: keys) ORDER BY \(unsafeRaw: orderBy)
            """
    }
}
