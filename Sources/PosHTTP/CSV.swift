/// CSV as RFC 4180 writes it: a header row, then one record per row; fields separated by
/// commas, records ended by CRLF. A field holding a comma, a double quote, CR or LF is enclosed
/// in double quotes with each double quote doubled; every other field is written as it is, so
/// the text of a field is never changed (a spreadsheet reading the file gets the JSON's values).
public enum CSV {
    public static let contentType = "text/csv; charset=utf-8; header=present"

    /// The document for `header` and `rows` (each row as many fields as the header).
    public static func document(header: [String], rows: [[String]]) -> String {
        var text = record(header)
        for row in rows { text += record(row) }
        return text
    }

    /// One record with its CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted only when it must be.
    public static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return value
        }
        // By code point: a quote followed by a combining mark is one Character but still a quote.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
