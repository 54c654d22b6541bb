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

    public func today() -> String {
        date(atEpochSeconds: Clock.nowEpochSeconds())
    }

    /// The local hour (0–23, wall clock in `timeZone`, not shifted by `dayStartHour`) at
    /// `epochSeconds`: what the hourly report groups by, stored with an order when it is created.
    public func localHour(atEpochSeconds epochSeconds: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.component(.hour, from: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
    }
}
