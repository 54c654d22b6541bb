import Foundation
import PosMoney

/// What to generate: a run of business days of a busy cafe, reproducible from `seed`.
public struct SalesGeneratorOptions: Sendable {
    public var seed: UInt64 = 1
    /// The first business date, `YYYY-MM-DD`.
    public var startDate = "2025-01-01"
    public var days = 365
    /// Orders on an average day (weekdays and seasons move it ±25 %).
    public var ordersPerDay = 1000
    /// Where the `<table>.tsv` files go.
    public var directory: String
    /// The cafe's trading day: every business date and local hour comes from it, as in the services.
    public var businessDay: BusinessDay
    public var taxMode: TaxMode = .exclusive

    public init(directory: String, businessDay: BusinessDay) {
        self.directory = directory
        self.businessDay = businessDay
    }
}

/// Writes a year (or any run of days) of orders, lines, modifiers, payments, split tenders,
/// tips, refunds, shifts and cash movements as the services would have stored them: totals and
/// per-line discount parts from `Pricing.totals`, business dates and hours from `BusinessDay`,
/// payments counted on the business day they happened (some refunds days after the sale).
/// The same options and menu give byte-identical files.
public struct SalesGenerator {
    /// Opening hours: orders per local hour (6 = 06:30–06:59), then the late hours of Friday
    /// and Saturday (24 = 00:00–00:59 of the next calendar day, same business date).
    static let hourWeights: [(hour: Int, weight: Int)] = [
        (6, 2), (7, 8), (8, 14), (9, 12), (10, 9), (11, 9), (12, 13), (13, 12), (14, 8), (15, 7), (16, 6),
        (17, 5), (18, 3), (19, 2),
    ]
    static let lateHourWeights: [(hour: Int, weight: Int)] = [(20, 3), (21, 3), (22, 2), (23, 2), (24, 1)]
    static let morningShiftOpens = 6 * 3600 + 30 * 60
    static let shiftChange = 14 * 3600
    static let openingFloatCents = 15_000

    let options: SalesGeneratorOptions
    let menu: BenchMenu
    let popularity: [Int]
    let startDay: Int
    let tables: GeneratedTables
    var random: SeededRandom
    var ids = RowIDs()
    /// Cash that went into each shift's drawer beyond its float (index = shift id − 1): cash
    /// amounts and tips in, cash refunds out, movements either way.
    var drawerCash: [Int]
    private var stamps: [Int: (date: String, hour: Int)] = [:]

    struct RowIDs {
        var order = 0, line = 0, modifier = 0, payment = 0, refund = 0, movement = 0
    }

    /// Generates everything and returns a one-line summary of the row counts.
    public static func run(_ options: SalesGeneratorOptions, itemsTSV: String, optionsTSV: String) throws -> String {
        var generator = try SalesGenerator(options, menu: BenchMenu(itemsTSV: itemsTSV, optionsTSV: optionsTSV))
        try generator.writeStaff()
        for day in 0..<options.days {
            try generator.generateDay(day)
        }
        try generator.writeShifts()
        try generator.tables.close()
        try generator.tables.writeLoadScript()
        return generator.tables.all.map { "\($0.path.split(separator: "/").last ?? ""): \($0.rows)" }
            .joined(separator: ", ")
    }

    init(_ options: SalesGeneratorOptions, menu: BenchMenu) throws {
        guard let start = BusinessDay.dayNumber(of: options.startDate) else {
            throw GeneratorError("start date \(options.startDate) is not a YYYY-MM-DD date")
        }
        self.options = options
        self.menu = menu
        popularity = menu.popularity
        startDay = start
        tables = try GeneratedTables(directory: options.directory)
        random = SeededRandom(seed: options.seed)
        drawerCash = Array(repeating: 0, count: options.days * 2)
    }

    // MARK: time

    /// Epoch seconds of `localSeconds` after local midnight of business day `day` (0 = start).
    func epoch(day: Int, localSeconds: Int) -> Int {
        let guess = (startDay + day) * 86_400 + localSeconds
        return guess - options.businessDay.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
    }

    /// Business date and local hour of a moment, from `BusinessDay` (cached per quarter hour:
    /// every time zone's offset is a whole number of quarter hours).
    mutating func stamp(_ epochSeconds: Int) -> (date: String, hour: Int) {
        let key = epochSeconds / 900
        if let cached = stamps[key] { return cached }
        let value = (options.businessDay.date(atEpochSeconds: epochSeconds),
                     options.businessDay.localHour(atEpochSeconds: epochSeconds))
        stamps[key] = value
        return value
    }

    static func isLate(day: Int, startDay: Int) -> Bool {
        let weekday = (startDay + day + 4) % 7  // 1970-01-01 was a Thursday; 0 = Sunday
        return weekday == 5 || weekday == 6
    }

    /// Local seconds after midnight at which a day's shifts close.
    func closingTime(day: Int) -> Int {
        Self.isLate(day: day, startDay: startDay) ? 25 * 3600 + 30 * 60 : 20 * 3600 + 30 * 60
    }

    /// Shift id (1-based) of the till's shift open at `localSeconds` of business day `day`.
    func shiftID(day: Int, localSeconds: Int) -> Int {
        day * 2 + (localSeconds < Self.shiftChange ? 1 : 2)
    }

    /// Who rings up at that time: two cashiers per shift, the pairs rotating day by day.
    mutating func cashier(day: Int, localSeconds: Int) -> Int {
        let pair = (day + (localSeconds < Self.shiftChange ? 0 : 1)) % 3
        return 3 + pair * 2 + random.int(0...1)
    }

    // MARK: tables

    func writeStaff() throws {
        let people: [(String, String, String)] = [("owner", "Owner", "admin"), ("manager", "Manager", "manager")]
            + (1...6).map { ("cashier\($0)", "Cashier \($0)", "cashier") }
        for (index, person) in people.enumerated() {
            let t = tables.staff
            t.int(index + 1); t.text(person.0); t.text(person.1); t.text(person.2); t.int(1)
            // Not an Argon2id hash: these accounts cannot log in.
            t.text("!generated")
            t.text(databaseTime(epoch(day: 0, localSeconds: 0)))
            t.endRow()
        }
    }

    mutating func writeShifts() throws {
        for day in 0..<options.days {
            for half in 0..<2 {
                let id = day * 2 + half + 1
                let opens = half == 0 ? Self.morningShiftOpens : Self.shiftChange
                let closes = half == 0 ? Self.shiftChange : closingTime(day: day)
                let expected = Self.openingFloatCents + drawerCash[id - 1]
                let overShort = random.chance(25) ? random.int(-300...300) : 0
                let person = 3 + ((day + half) % 3) * 2
                let t = tables.shifts
                t.int(id); t.text("main"); t.text(stamp(epoch(day: day, localSeconds: opens)).date); t.text("closed")
                t.int(person); t.int(Self.openingFloatCents); t.text(databaseTime(epoch(day: day, localSeconds: opens)))
                t.int(person); t.text(databaseTime(epoch(day: day, localSeconds: closes)))
                t.int(expected + overShort); t.int(expected); t.int(overShort); t.null()
                t.endRow()
            }
        }
    }
}
