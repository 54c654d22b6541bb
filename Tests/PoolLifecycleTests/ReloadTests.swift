import Foundation
import PosCoreTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Zero-downtime reload: every pool gets SIGHUP and nginx `-s reload` while cashiers ring up
/// orders, and not one request fails. Run alone, with the pool tests (scripts/test).
@Suite("Reloading every pool and nginx under load fails no request", .serialized)
struct ReloadTests {
    /// How long to wait for one pool's new workers to take over and its old ones to exit.
    static let swapBound = 30.0

    @Test("SIGHUP to each pool, then nginx -s reload, while 6 cashiers run create → submit → pay: 0 failed requests")
    func reloadUnderLoad() async throws {
        let load = try await CashierLoad.prepare()
        let running = Task { await load.run(clients: 6) }
        try await Task.sleep(for: .seconds(1))
        let before = load.snapshot

        var swaps: [(String, Double)] = []
        let started = ContinuousClock.now
        for service in ServicePool.allServices {
            let seconds = try await ServicePool(name: service).reload(within: Self.swapBound)
            swaps.append((service, seconds))
        }
        swaps.append(("nginx", try await Gateway.reload(within: Self.swapBound)))
        let reloading = ContinuousClock.now - started
        let during = load.snapshot

        try await Task.sleep(for: .seconds(1))
        load.stop()
        await running.value
        let after = load.snapshot

        let figures = ReloadFigures(requests: during.requests - before.requests, flows: during.flows - before.flows,
                                    failures: after.failures.count, totalRequests: after.requests,
                                    reloading: reloading, swaps: swaps)
        figures.report()
        #expect(swaps.allSatisfy { $0.1 >= 0 }, "every pool and nginx swapped: \(swaps)")
        #expect(figures.requests > 0, "requests were served while reloading")
        #expect(after.failures.isEmpty, "failed requests: \(after.failures.prefix(10))")
        #expect(after.flows > before.flows)
        for service in ServicePool.allServices {
            #expect(try await GatewayClient.shared.send("GET", "/api/health/\(service)").status == 200, "\(service) healthy after")
        }
    }

    @Test("A broken binary is refused: its workers die before they are ready and the old ones keep serving; a good one is taken")
    func reloadTakesOnlyAWorkingBinary() async throws {
        let pool = ServicePool(name: "menu")
        let manager = try pool.managerPID()
        let before = pool.workers(of: manager)
        // The file the workers run (the manager's own may be an earlier, since deleted, one).
        let binary = try pool.executablePath(of: try #require(before.first))
        let aside = binary + ".reload-test"
        let files = FileManager.default

        // Deploy a "binary" that exits at once, the way a deploy replaces one (a rename over it).
        #expect(rename(binary, aside) == 0)
        try "#!/bin/sh\nexit 1\n".write(toFile: binary + ".new", atomically: false, encoding: .utf8)
        chmod(binary + ".new", 0o755)
        rename(binary + ".new", binary)
        #expect(kill(manager, SIGHUP) == 0)
        try await Task.sleep(for: .seconds(1.5))
        let afterBroken = pool.workers(of: manager)
        let statuses = try await (0..<20).asyncMap { _ in try await GatewayClient.shared.send("GET", "/api/health/menu").status }

        // Deploy a working copy (a new file, as `install` makes), and reload again.
        try? files.removeItem(atPath: binary + ".new")
        try files.copyItem(atPath: aside, toPath: binary + ".new")
        chmod(binary + ".new", 0o755)
        rename(binary + ".new", binary)
        unlink(aside)
        let seconds = try await pool.reload(within: Self.swapBound)
        let executables = Set(pool.workers(of: manager).map { (try? pool.executablePath(of: $0)) ?? "?" })

        #expect(afterBroken == before, "the old workers \(before.sorted()) keep serving, now \(afterBroken.sorted())")
        #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses)")
        #expect(seconds >= 0)
        #expect(executables == [binary], "the new workers run the deployed file: \(executables)")
    }
}

/// What a reload run measured, printed with the test output and kept in
/// `$POS_VAR_DIR/reload-figures.txt`.
struct ReloadFigures {
    let requests: Int
    let flows: Int
    let failures: Int
    let totalRequests: Int
    let reloading: Duration
    let swaps: [(String, Double)]

    func report() {
        let perPool = swaps.map { "\($0.0) \(Int($0.1 * 1000)) ms" }.joined(separator: ", ")
        let text = """
            reload figures: \(requests) requests (\(flows) cashier flows) while reloading \(swaps.count - 1) pools and nginx \
            one after another in \(reloading.formatted(.units(allowed: [.milliseconds]))); \
            \(failures) failed of \(totalRequests) in the whole run.
            time from reload signal until only new workers run: \(perPool)

            """
        print(text, terminator: "")
        try? text.write(toFile: TestEnvironment.varDirectory + "/reload-figures.txt", atomically: true, encoding: .utf8)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
