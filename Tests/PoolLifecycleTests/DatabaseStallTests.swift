import Foundation
import PosCoreTesting
import PosHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Stops the stack's MariaDB with SIGSTOP (a hung server: connections stay open, nothing
/// answers) and resumes it. Run alone, with the pool tests (scripts/test).
@Suite("A stalled database gives bounded 503s, then the services recover", .serialized)
struct DatabaseStallTests {
    let gateway = GatewayClient.shared
    /// Connector/C read timeout (POS_DB_TIMEOUT_SECONDS, 5 s) plus one reconnect attempt
    /// (2 s connect timeout), with room for a loaded 2-core machine.
    static let bound: Duration = .seconds(15)

    private func databasePID() throws -> pid_t {
        let file = TestEnvironment.varDirectory + "/mariadb/mariadbd.pid"
        guard let text = Proc.read(file), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              Proc.isRunning(pid) else { throw PoolError("no running MariaDB in \(file)") }
        return pid
    }

    @Test("Every service answers 503 problem+json with Retry-After within the bound while MariaDB is stopped")
    func stalledDatabase() async throws {
        let services = ["user", "menu", "order", "payment", "guest"]
        for service in services {
            #expect(try await gateway.send("GET", "/api/health/\(service)").status == 200, "\(service) is healthy before")
        }
        let database = try databasePID()
        #expect(kill(database, SIGSTOP) == 0)
        // Resumed whatever happens below, or every later test would hang.
        defer { kill(database, SIGCONT) }
        // SIGSTOP takes effect as each thread next enters the kernel: a busy server goes on
        // answering for some milliseconds (seen: 200s within 4 ms of kill). Wait until every
        // thread is stopped.
        let stopped = await eventually(within: 5, every: 0.01) { Proc.allThreadsStopped(database) }
        try #require(stopped, "MariaDB (pid \(database)) did not stop")

        let clock = ContinuousClock()
        try await withThrowingTaskGroup(of: (String, TestResponse, Duration).self) { group in
            for service in services {
                group.addTask {
                    let started = clock.now
                    let response = try await gateway.send("GET", "/api/health/\(service)")
                    return (service, response, clock.now - started)
                }
            }
            group.addTask {
                let started = clock.now
                let response = try await gateway.send("POST", "/api/auth/login", json: ["username": "nobody", "password": "whatever-it-is"])
                return ("login", response, clock.now - started)
            }
            for try await (what, response, took) in group {
                #expect(response.status == 503, "\(what): \(response)")
                #expect(response.isProblem, "\(what): \(response)")
                #expect(response.header("Retry-After") != nil, "\(what): \(response)")
                #expect(took < Self.bound, "\(what) answered after \(took)")
            }
        }

        kill(database, SIGCONT)
        for service in services {
            let recovered = await eventually(within: 15, every: 0.25) {
                (try? await gateway.send("GET", "/api/health/\(service)").status) == 200
            }
            #expect(recovered, "\(service) answers 200 again once MariaDB resumes")
        }
    }
}
