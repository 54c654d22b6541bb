import PosCore
import SalesGenerator
#if canImport(Glibc)
import Glibc
#endif

// Usage: pos-generate-sales --out DIR --items FILE --options FILE [--seed N] [--start YYYY-MM-DD]
//        [--days N] [--orders-per-day N]
// Writes <table>.tsv files for scripts/generate-sales to load; POS_TIMEZONE, POS_DAY_START_HOUR
// and POS_PRICES_INCLUDE_TAX as for the services.
enum FileDescriptor {
    case standardError
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(2, &bytes, bytes.count)
    }
}

func fail(_ message: String) -> Never {
    FileDescriptor.standardError.write("pos-generate-sales: \(message)\n")
    exit(2)
}

func readFile(_ path: String) -> String {
    guard let file = fopen(path, "r") else { fail("cannot read \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

var arguments: [String: String] = [:]
var rest = Array(CommandLine.arguments.dropFirst())
while rest.count >= 2, rest[0].hasPrefix("--") {
    arguments[String(rest[0].dropFirst(2))] = rest[1]
    rest.removeFirst(2)
}
guard rest.isEmpty, let out = arguments["out"], let items = arguments["items"], let optionsFile = arguments["options"] else {
    fail("usage: pos-generate-sales --out DIR --items FILE --options FILE [--seed N] [--start YYYY-MM-DD] [--days N] [--orders-per-day N]")
}
let environment = ProcessEnvironment()
do {
    var options = SalesGeneratorOptions(
        directory: out,
        businessDay: try BusinessDay(timeZoneIdentifier: environment["POS_TIMEZONE"] ?? "UTC",
                                     dayStartHour: try environment.int("POS_DAY_START_HOUR", default: 4, range: 0...23)))
    options.taxMode = environment["POS_PRICES_INCLUDE_TAX"] == "1" ? .inclusive : .exclusive
    func number(_ name: String, _ range: ClosedRange<Int>) -> Int? {
        guard let text = arguments[name] else { return nil }
        guard let value = Int(text), range.contains(value) else { fail("--\(name) must be a whole number in \(range)") }
        return value
    }
    if let seed = number("seed", 0...Int.max) { options.seed = UInt64(seed) }
    if let start = arguments["start"] { options.startDate = start }
    if let days = number("days", 1...3660) { options.days = days }
    if let perDay = number("orders-per-day", 1...100_000) { options.ordersPerDay = perDay }
    print(try SalesGenerator.run(options, itemsTSV: readFile(items), optionsTSV: readFile(optionsFile)))
} catch {
    fail("\(error)")
}
