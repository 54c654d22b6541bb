import Foundation

/// The cafe's trading day: the local date in the configured time zone, where the day starts at
/// `dayStartHour` (a sale at 00:30 with a start hour of 4 belongs to the previous day).
public struct BusinessDay: Sendable {
    public let timeZone: TimeZone
    public let dayStartHour: Int

    public init(timeZoneIdentifier: String, dayStartHour: Int) throws {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw ConfigurationError(message: "POS_TIMEZONE=\(timeZoneIdentifier) is not a known time zone")
        }
        guard (0...23).contains(dayStartHour) else {
            throw ConfigurationError(message: "POS_DAY_START_HOUR must be 0-23")
        }
        timeZone = zone
        self.dayStartHour = dayStartHour
    }

    /// `YYYY-MM-DD` of the business day that `epochSeconds` falls in.
    public func date(atEpochSeconds epochSeconds: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let shifted = Date(timeIntervalSince1970: TimeInterval(epochSeconds - dayStartHour * 3600))
        let parts = calendar.dateComponents([.year, .month, .day], from: shifted)
        let month = parts.month ?? 1, day = parts.day ?? 1
        return "\(parts.year ?? 1970)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The local hour (0–23, wall clock in `timeZone`, not shifted by `dayStartHour`) at
    /// `epochSeconds`: what the hourly report groups by, stored with an order when it is created.
    public func localHour(atEpochSeconds epochSeconds: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.component(.hour, from: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date from year 1000 to 9999 (MariaDB's DATE), or
    /// nil when the text is not exactly such a date (Feb 29 only in leap years).
    public static func dayNumber(of text: String) -> Int? {
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
