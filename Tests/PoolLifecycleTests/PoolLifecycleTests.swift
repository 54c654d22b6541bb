import Foundation
import PosCoreTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Kills and stops the menu pool of the running stack, and leaves it running again.
/// Run alone, after the other suites (scripts/test does: swift test --filter PoolLifecycleTests).
@Suite("Worker pools survive crashes and drain on SIGTERM", .serialized)
struct PoolLifecycleTests {
    let gateway = GatewayClient.shared
    let pool = ServicePool(name: "menu")

    @Test("A killed worker is replaced at once and the menu keeps answering")
    func killedWorkerIsReplaced() async throws {
        let manager = try pool.managerPID()
        let before = pool.workers(of: manager)
        let victim = try #require(before.min(), "the \(pool.name) manager (pid \(manager)) has workers")
        let victimTitle = Proc.commandLine(victim)

        #expect(kill(victim, SIGKILL) == 0)

        let replaced = await eventually(within: 1.5, every: 0.05) {
            let now = pool.workers(of: manager)
            return now.count == before.count && !now.contains(victim)
        }
        #expect(replaced, "workers before \(before.sorted()), now \(pool.workers(of: manager).sorted())")
        #expect(try pool.managerPID() == manager, "the manager itself kept running")
        let titles = pool.workers(of: manager).subtracting(before).map(Proc.commandLine)
        #expect(titles == [victimTitle], "the replacement takes the dead worker's slot")

        var statuses: [Int] = []
        for _ in 0..<50 {
            // The health route reaches the pool (nginx answers the public menu itself).
            statuses.append(try await gateway.send("GET", "/api/health/menu").status)
        }
        #expect(statuses.allSatisfy { $0 == 200 }, "GET /api/health/menu statuses after the respawn: \(statuses)")
    }

    @Test("ps tells the pools apart: each worker is \"pos-<service>: worker N\", N = 1…workers",
          arguments: ["user", "menu", "order", "payment", "guest"])
    func workersAreNamedAfterTheirPool(service: String) throws {
        let pool = ServicePool(name: service)
        let titles = pool.workers(of: try pool.managerPID()).map(Proc.commandLine).sorted()

        #expect(!titles.isEmpty)
        #expect(titles == (1...max(1, titles.count)).map { "pos-\(service): worker \($0)" }, "\(titles)")
    }

    @Test("SIGTERM lets in-flight requests finish, then the pool exits and cleans up")
    func sigtermDrainsThePool() async throws {
        let manager = try pool.managerPID()
        let workers = pool.workers(of: manager)
        try #require(!workers.isEmpty)

        let inFlight = Task {
            await withTaskGroup(of: String.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        do {
                            return String(try await gateway.send("GET", "/api/health/\(pool.name)?delay_ms=1500").status)
                        } catch {
                            return "no answer: \(error)"
                        }
                    }
                }
                return await group.reduce(into: [String]()) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(kill(manager, SIGTERM) == 0)

        let answers = await inFlight.value
        let exited = await eventually(within: 15, every: 0.1) { !Proc.isRunning(manager) }
        let workersLeft = workers.filter(Proc.isRunning)
        let socketLeft = pool.exists(pool.socketPath)
        let pidFileLeft = pool.exists(pool.pidFile)

        // Put the pool back before judging, so the stack is whole whatever happened.
        let startStatus = try await pool.start()
        let healthyAgain = try await eventually(within: 20, every: 0.2) {
            try await gateway.send("GET", "/api/health/\(pool.name)").status == 200
        }

        #expect(answers == ["200", "200", "200", "200"], "in-flight requests: \(answers)")
        #expect(exited, "the manager (pid \(manager)) exits within 15 s of SIGTERM")
        #expect(workersLeft.isEmpty, "workers still running: \(workersLeft.sorted())")
        #expect(!socketLeft, "\(pool.socketPath) is removed")
        #expect(!pidFileLeft, "\(pool.pidFile) is removed")
        #expect(startStatus == 0, "scripts/lib/start-service \(pool.name) exit status")
        #expect(healthyAgain, "/api/health/\(pool.name) answers 200 after the restart")
    }
}
