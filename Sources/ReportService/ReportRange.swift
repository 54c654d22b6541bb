import PosHTTP
import PosMoney

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

    /// `?from=&to=` (each defaults to `today`), or `?date=` alone (from = to = date; the Z
    /// report's usual form, taken by every report alike). 422 naming the parameter when a date is not a real `YYYY-MM-DD`
    /// date, when `to` is before `from`, when the range is longer than `maxDays`, or when
    /// `date` comes with `from` or `to`.
    init(_ request: HTTPRequest, today: String) throws {
        func value(_ name: String) -> String? {
            guard let text = request.query[name], !text.isEmpty else { return nil }
            return text
        }
        if let date = value("date") {
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

    static func dayNumber(_ text: String) -> Int? { BusinessDay.dayNumber(of: text) }
}
