#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time as the API shows it: RFC 3339 UTC with seconds.
public enum Clock {
    public static func nowEpochSeconds() -> Int {
        Int(time(nil))
    }

    public static func nowRFC3339() -> String {
        rfc3339(epochSeconds: nowEpochSeconds())
    }

    public static func rfc3339(epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday)))T"
            + "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec)))Z"
    }

    /// Parses an RFC 3339 time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (or a bare date, as
    /// midnight UTC), to MariaDB's DATETIME text in UTC; nil when it is not such a time.
    /// Stored times have whole seconds, so a fraction is dropped: `…:05.9Z` matches rows of
    /// second 5. Times before 1970 become 1970-01-01 00:00:00, earlier than anything stored.
    public static func databaseDateTime(fromRFC3339 text: String) -> String? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            guard bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        func byte(_ index: Int, _ allowed: String) -> Bool { index < bytes.count && allowed.utf8.contains(bytes[index]) }
        guard bytes.count >= 10, let year = digits(0..<4), byte(4, "-"), let month = digits(5..<7), byte(7, "-"),
              let day = digits(8..<10), (1...12).contains(month), (1...daysIn(month, of: year)).contains(day) else { return nil }
        var (hour, minute, second, offsetSeconds) = (0, 0, 0, 0)
        if bytes.count > 10 {
            guard byte(10, "Tt"), let h = digits(11..<13), byte(13, ":"), let m = digits(14..<16), byte(16, ":"),
                  let s = digits(17..<19), h < 24, m < 60, s <= 60 else { return nil }
            (hour, minute, second) = (h, m, s)
            var index = 19
            if byte(index, ".") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index > start else { return nil }
            }
            if byte(index, "Zz"), index + 1 == bytes.count {
                offsetSeconds = 0
            } else if byte(index, "+-"), index + 6 == bytes.count, let oh = digits(index + 1..<index + 3), byte(index + 3, ":"),
                      let om = digits(index + 4..<index + 6), oh < 24, om < 60 {
                offsetSeconds = (oh * 3600 + om * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday) = (Int32(year - 1900), Int32(month - 1), Int32(day))
        (parts.tm_hour, parts.tm_min, parts.tm_sec) = (Int32(hour), Int32(minute), Int32(second))
        // timegm normalises a leap second (:60) into the next minute.
        var utc = time_t(max(0, Int(timegm(&parts)) - offsetSeconds))
        gmtime_r(&utc, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday))) "
            + "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec)))"
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
