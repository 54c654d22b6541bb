import PosCore

/// The business dates a report covers, both ends inclusive, as `YYYY-MM-DD`.
struct ReportRange: Sendable, Equatable {
    /// The longest range one request may ask for, in days.
    static let maxDays = 366

    let from: String
    let to: String

    init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// `?from=&to=` (each defaults to `today`), or for a report that takes it `?date=` alone
    /// (from = to = date). 422 naming the parameter when a date is not a real `YYYY-MM-DD`
    /// date, when `to` is before `from`, when the range is longer than `maxDays`, or when
    /// `date` comes with `from` or `to`.
    init(_ request: HTTPRequest, takesDate: Bool, today: String) throws {
        func value(_ name: String) -> String? {
            guard let text = request.query[name], !text.isEmpty else { return nil }
            return text
        }
        if takesDate, let date = value("date") {
            guard value("from") == nil, value("to") == nil else {
                throw HTTPError.unprocessable(field: "date", "give either date or from and to, not both")
            }
            guard Self.dayNumber(date) != nil else {
                throw HTTPError.unprocessable(field: "date", "must be a date like 2026-11-25")
            }
            self.init(from: date, to: date)
            return
        }
        let from = value("from") ?? today, to = value("to") ?? today
        var errors: [HTTPError.FieldError] = []
        let first = Self.dayNumber(from), last = Self.dayNumber(to)
        if first == nil { errors.append(.init(field: "from", message: "must be a date like 2026-11-25")) }
        if last == nil { errors.append(.init(field: "to", message: "must be a date like 2026-11-25")) }
        if let first, let last {
            if last < first {
                errors.append(.init(field: "to", message: "must not be before from (\(from))"))
            } else if last - first + 1 > Self.maxDays {
                errors.append(.init(field: "to", message: "the range may cover at most \(Self.maxDays) days"))
            }
        }
        guard errors.isEmpty else { throw HTTPError.unprocessable(errors) }
        self.init(from: from, to: to)
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date from year 1000 to 9999 (MariaDB's DATE), or
    /// nil when the text is not exactly such a date (Feb 29 only in leap years).
    static func dayNumber(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        // Days from civil (H. Hinnant's algorithm), proleptic Gregorian.
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
