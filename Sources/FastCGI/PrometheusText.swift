/// Prometheus text exposition (format 0.0.4) read back and added up: the pool's processes each
/// expose their own registry, and a scrape shows their sum.
///
/// Samples are keyed by their whole series text (`name{labels}`), so two processes' series add
/// up when they are written alike, which registries of the same code do. Families keep the
/// order in which they were first seen; a family's samples stay together under its `# TYPE`.
struct PrometheusText {
    enum Kind: String { case counter, gauge, histogram, summary, untyped }

    private struct Family {
        var kind: Kind
        var header: [String]
        var series: [String] = []
    }

    private var families: [String: Family] = [:]
    private var familyOrder: [String] = []
    private var values: [String: Double] = [:]

    init() {}

    /// Adds every sample of `text`; with `countersOnly`, gauges are skipped (what an exited
    /// process leaves behind: its counters and histograms still count, its gauges no longer hold).
    mutating func add(_ text: String, countersOnly: Bool = false) {
        var family = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                let words = line.split(separator: " ", maxSplits: 3)
                guard words.count >= 3, words[1] == "TYPE" || words[1] == "HELP" else { continue }
                family = String(words[2])
                if families[family] == nil {
                    families[family] = Family(kind: .untyped, header: [])
                    familyOrder.append(family)
                }
                if words[1] == "TYPE", words.count == 4 { families[family]?.kind = Kind(rawValue: String(words[3])) ?? .untyped }
                if !(families[family]?.header.contains(String(line)) ?? true) { families[family]?.header.append(String(line)) }
                continue
            }
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = String(line[..<space])
            if family.isEmpty || !series.hasPrefix(family) {
                family = String(series.prefix { $0 != "{" })
                if families[family] == nil {
                    families[family] = Family(kind: .untyped, header: [])
                    familyOrder.append(family)
                }
            }
            if countersOnly && families[family]?.kind == .gauge { continue }
            if values[series] == nil { families[family]?.series.append(series) }
            values[series, default: 0] += value
        }
    }

    /// The sum, as exposition text.
    func rendered() -> String {
        var text = ""
        for name in familyOrder {
            guard let family = families[name], !family.series.isEmpty else { continue }
            for line in family.header { text += line + "\n" }
            for series in family.series { text += series + " " + Self.format(values[series] ?? 0) + "\n" }
        }
        return text
    }

    /// The value of one series (`name{labels}` exactly as written), or nil.
    func value(_ series: String) -> Double? { values[series] }

    private static func format(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
