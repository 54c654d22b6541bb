import Foundation
import PosCoreTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `GET /metrics/<service>` adds up every worker of the pool (and what workers that exited
/// counted). Run alone, with the pool tests (scripts/test): it reloads the menu pool.
@Suite("Metrics: a scrape adds up every worker's counts", .serialized)
struct MetricsTests {
    let gateway = GatewayClient.shared
    let pool = ServicePool(name: "menu")
    // The health route: it always reaches the pool (nginx serves the public menu itself from the
    // files the menu service publishes, api.d/menu.conf).
    static let menuRequests = #"pos_http_requests_total{service="menu",route="/api/health/menu",method="GET",status="200"}"#
    static let menuLatencyCount = #"pos_http_request_duration_seconds_count{service="menu",route="/api/health/menu",method="GET"}"#

    @Test("N requests spread over the menu workers show as N in one scrape, and still after every worker is replaced")
    func scrapeSumsWorkers() async throws {
        let before = try await settledScrape()
        let requests = 60
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<requests { group.addTask { (try? await gateway.send("GET", "/api/health/menu").status) ?? 0 } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        try #require(statuses.allSatisfy { $0 == 200 }, "\(statuses)")

        let expected = (before.value(Self.menuRequests) ?? 0) + Double(requests)
        var seen = before
        let counted = try await eventually(within: 3, every: 0.1) {
            seen = try await scrape()
            return seen.value(Self.menuRequests) == expected
        }
        #expect(counted, "scrape shows \(seen.value(Self.menuRequests) ?? -1), expected \(expected)")
        #expect(seen.value(Self.menuLatencyCount) == (before.value(Self.menuLatencyCount) ?? 0) + Double(requests),
                "the latency histogram counted each request once")

        // The scrape is the sum of the workers' own snapshots (and of workers gone before).
        let files = snapshotFiles()
        let perFile = files.mapValues { Scrape($0).value(Self.menuRequests) ?? 0 }
        let workersThatServed = perFile.filter { $0.key.hasPrefix("worker-") && $0.value > 0 }
        #expect(workersThatServed.count >= 2, "requests spread over the workers: \(perFile)")
        #expect(perFile.values.reduce(0, +) == expected, "files \(perFile) add up to the scrape")
        let manager = try pool.managerPID()
        #expect(seen.value(#"pos_pool_workers{service="menu"}"#) == Double(pool.workers(of: manager).count))

        // Replace every worker: their counts move to retired.prom, the sum stays.
        let reloadsBefore = seen.value(#"pos_pool_reloads_total{service="menu"}"#) ?? 0
        _ = try await pool.reload(within: 30)
        let afterReload = try await scrape()
        #expect(afterReload.value(Self.menuRequests) == expected, "after a reload: \(afterReload.value(Self.menuRequests) ?? -1)")
        #expect(afterReload.value(#"pos_pool_reloads_total{service="menu"}"#) == reloadsBefore + 1)
    }

    @Test("Every pool exposes its metrics; database and pool series are there from the start")
    func everyPoolHasMetrics() async throws {
        for service in ServicePool.allServices {
            let response = try await gateway.send("GET", "/metrics/\(service)")
            #expect(response.status == 200, "\(service): \(response)")
            #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let scrape = Scrape(String(decoding: response.body, as: UTF8.self))
            for series in ["pos_db_reconnects_total", "pos_db_deadlock_retries_total", "pos_pool_worker_restarts_total"] {
                #expect(scrape.value("\(series){service=\"\(service)\"}") != nil, "\(service) has \(series)")
            }
            #expect(scrape.value("pos_db_errors_total{service=\"\(service)\",kind=\"unavailable\"}") != nil)
        }
        let unknown = try await gateway.send("GET", "/metrics/nope")
        #expect(unknown.status == 404)
    }

    @Test("From any other address (127.0.0.2) a scrape is refused with 403 problem+json")
    func otherAddressesAreRefused() throws {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code} %{content_type}", "--max-time", "5",
                          "--interface", "127.0.0.2", "\(TestEnvironment.baseURL)/metrics/menu"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        curl.waitUntilExit()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(answer == "403 application/problem+json", "\(answer)")
    }

    /// A scrape that no late snapshot will change: a worker writes its snapshot within 250 ms
    /// of a change, so a count still moving means a previous test's requests are being
    /// written (LogReopenTests sends ~100 just before): two equal scrapes 300 ms apart.
    private func settledScrape() async throws -> Scrape {
        var previous = try await scrape()
        for _ in 0..<20 {
            try await Task.sleep(for: .milliseconds(300))
            let next = try await scrape()
            if next.value(Self.menuRequests) == previous.value(Self.menuRequests) { return next }
            previous = next
        }
        return previous
    }

    private func scrape() async throws -> Scrape {
        let response = try await gateway.send("GET", "/metrics/menu").expecting(200, "scrape the menu pool")
        return Scrape(String(decoding: response.body, as: UTF8.self))
    }

    /// The pool's snapshot files by name (`worker-<pid>.prom`, `retired.prom`, `manager.prom`).
    private func snapshotFiles() -> [String: String] {
        let directory = "\(TestEnvironment.varDirectory)/run/menu/menu.metrics"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".prom") { files[name] = Proc.read("\(directory)/\(name)") ?? "" }
        return files
    }
}

/// Prometheus text as a test reads it: the value of a series written exactly.
struct Scrape {
    private var values: [String: Double] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            values[String(line[..<space]), default: 0] += value
        }
    }

    func value(_ series: String) -> Double? { values[series] }
}
