import MariaDB
import PosHTTP

/// A report's rows read from its view, ready to be written as JSON or CSV: the same values in
/// the same order either way (integers in decimal, text as it is stored).
struct ReportTable {
    let columns: [ReportDefinition.Column]
    let rows: [[JSON]]

    /// Reads `rows` by the report's columns; a NULL (none of the views has one) is JSON null
    /// and an empty CSV field.
    init(_ report: ReportDefinition, rows: [Row]) throws {
        columns = report.columns
        self.rows = try rows.map { row in
            try report.columns.map { column in
                if try row.isNull(column.name) { return .null }
                switch column.kind {
                case .integer: return .int(try row.int(column.name))
                case .text: return .string(try row.string(column.name))
                }
            }
        }
    }

    var jsonRows: [JSON] {
        rows.map { values in .object(zip(columns, values).map { ($0.name, $1) }) }
    }

    var csv: String {
        CSV.document(header: columns.map(\.name), rows: rows.map { values in
            values.map { value in
                switch value {
                case .int(let number): String(number)
                case .string(let text): text
                default: ""
                }
            }
        })
    }
}
