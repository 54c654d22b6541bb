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

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (or a bare date, as midnight UTC) to MariaDB's DATETIME
    /// text; nil when it is not such a timestamp.
    public static func databaseDateTime(fromRFC3339 text: String) -> String? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            guard bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let year = digits(0..<4), bytes.count >= 10, bytes[4] == 45, let month = digits(5..<7), bytes[7] == 45,
              let day = digits(8..<10), (1...12).contains(month), (1...31).contains(day), year >= 1970 else { return nil }
        var hour = 0, minute = 0, second = 0
        if bytes.count > 10 {
            guard bytes.count == 20, bytes[10] == 84 || bytes[10] == 116, bytes[19] == 90 || bytes[19] == 122,
                  let h = digits(11..<13), bytes[13] == 58, let m = digits(14..<16), bytes[16] == 58, let s = digits(17..<19),
                  h < 24, m < 60, s < 60 else { return nil }
            (hour, minute, second) = (h, m, s)
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
