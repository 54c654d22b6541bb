import ArgumentParser
import PosCore
import PosMoney
import SalesGenerator
#if canImport(Glibc)
import Glibc
#endif

/// Writes <table>.tsv files and load.sql for scripts/generate-sales to load; POS_TIMEZONE,
/// POS_DAY_START_HOUR and POS_PRICES_INCLUDE_TAX as for the services.
struct GenerateSales: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pos-generate-sales",
        abstract: "Write a reproducible run of sales as TSV files (for scripts/generate-sales).",
        discussion: "POS_TIMEZONE, POS_DAY_START_HOUR and POS_PRICES_INCLUDE_TAX are read as by the services.")

    @Option(help: ArgumentHelp("The folder the TSV files and load.sql are written to.", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("The menu's items, as scripts/generate-sales exports them.", valueName: "file"))
    var items: String

    @Option(help: ArgumentHelp("The menu's options, as scripts/generate-sales exports them.", valueName: "file"))
    var options: String

    @Option(help: "The random seed: the same seed gives the same sales.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("The first business day.", valueName: "yyyy-mm-dd"))
    var start: String?

    @Option(help: "How many business days, 1…3660.")
    var days: Int?

    @Option(help: "Orders per business day, 1…100000.")
    var ordersPerDay: Int?

    func validate() throws {
        if let days, !(1...3660).contains(days) { throw ValidationError("--days must be in 1…3660") }
        if let ordersPerDay, !(1...100_000).contains(ordersPerDay) {
            throw ValidationError("--orders-per-day must be in 1…100000")
        }
    }

    func run() throws {
        let environment = ProcessEnvironment()
        var generator = SalesGeneratorOptions(
            directory: out,
            businessDay: try BusinessDay(timeZoneIdentifier: environment["POS_TIMEZONE"] ?? "UTC",
                                         dayStartHour: try environment.int("POS_DAY_START_HOUR", default: 4, range: 0...23)))
        generator.taxMode = environment["POS_PRICES_INCLUDE_TAX"] == "1" ? .inclusive : .exclusive
        if let seed { generator.seed = seed }
        if let start { generator.startDate = start }
        if let days { generator.days = days }
        if let ordersPerDay { generator.ordersPerDay = ordersPerDay }
        print(try SalesGenerator.run(generator, itemsTSV: try readFile(items), optionsTSV: try readFile(options)))
    }

    private func readFile(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw ValidationError("cannot read \(path)") }
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
}

GenerateSales.main()
