import MariaDB
import PosHTTP
#if canImport(Glibc)
import Glibc
#endif

/// `GET /api/health/<service>`: 200 when this worker's database connection answers.
enum HealthRoute {
    static func register(_ router: inout Router, service: String) {
        router.get("/api/health/\(service)") { request, context in
            if context.environment.testHooks, let text = request.query["delay_ms"], let delay = Int(text),
               (0...30_000).contains(delay) {
                usleep(UInt32(delay) * 1000)
            }
            do {
                try context.db.ping()
            } catch {
                context.logger.error("health check: database unreachable: \(error)", requestID: request.requestID)
                throw HTTPError.serviceUnavailable("The \(service) service cannot reach its database.")
            }
            return .json(["status": "ok", "service": .string(service)])
        }
    }
}
