import GuestService
import MenuService
import OrderService
import PaymentService
import PosCore
import PosCoreTesting
import PosHTTP
import ReportService
import Testing
import UserService

/// The shipped OpenAPI document and the running services describe the same API, both ways:
/// every route of every service is documented, and every documented operation is a route
/// (checked against the routers, and through the gateway).
@Suite("OpenAPI document matches the services")
struct OpenAPICoverageTests {
    /// Every service behind the gateway. A new service goes here (and in `scripts/lib/services`).
    static var services: [any PosService.Type] {
        [UserService.self, MenuService.self, OrderService.self, PaymentService.self, GuestService.self, ReportService.self]
    }

    /// Operations that nginx answers itself, with no service behind them.
    static let gatewayOperations: Set<String> = ["GET /healthz", "GET /api/openapi.json"]

    /// The health check every service gets from `ServiceMain`, documented once for all.
    static let healthOperation = "GET /api/health/{service}"

    /// A service's public routes as documented operations (`PATCH /api/staff/{id}`); the
    /// gateway's `/internal/` routes and the health route are left out.
    static func documentedForm(of service: any PosService.Type) -> [String] {
        var router = Router()
        service.registerRoutes(&router)
        return router.routes
            .filter { !$0.pattern.hasPrefix("/internal/") && !$0.pattern.hasPrefix("/api/health/") }
            .map { route in
                let path = route.pattern.split(separator: "/", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    .joined(separator: "/")
                return "\(route.method) \(path)"
            }
    }

    @Test("The services listed here are the ones the stack runs")
    func servicesAreTheDeployedOnes() throws {
        #expect(Set(Self.services.map { $0.name }) == Set(try RepositoryFiles.serviceNames()),
                "OpenAPICoverageTests.services and scripts/lib/services differ")
    }

    @Test("Every route of every service is documented", arguments: Self.services.map { $0.name })
    func everyRouteIsDocumented(service name: String) throws {
        let service = try #require(Self.services.first { $0.name == name })
        let documented = Set(try OpenAPIDocument.fromRepository().operations.map(\.description))

        let routes = Self.documentedForm(of: service)
        #expect(!routes.isEmpty, "the \(name) service registers no routes")
        let undocumented = routes.filter { !documented.contains($0) }
        #expect(undocumented.isEmpty, "routes of the \(name) service missing from nginx/html/openapi.json")
    }

    @Test("Every documented operation is a route of a service, or answered by nginx")
    func everyDocumentedOperationIsARoute() throws {
        let document = try OpenAPIDocument.fromRepository()
        let routes = Set(Self.services.flatMap(Self.documentedForm(of:)))
        let known = routes.union(Self.gatewayOperations).union([Self.healthOperation])

        #expect(document.operations.count > 30)
        let unrouted = document.operations.map(\.description).filter { !known.contains($0) }.sorted()
        #expect(unrouted.isEmpty, "operations in nginx/html/openapi.json that no service has a route for")
    }

    @Test("The health check is documented for every service, and only for those")
    func healthCheckNamesEveryService() throws {
        let document = try OpenAPIDocument.fromRepository()
        let health = try #require(document.operations.first { $0.description == Self.healthOperation },
                                  "\(Self.healthOperation) is not documented")
        let values = try #require(document.pathParameterEnum(health, "service"), "{service} has no enum")
        #expect(Set(values) == Set(Self.services.map { $0.name }))
        #expect(values.count == Set(values).count, "the {service} enum repeats a value: \(values)")
    }

    /// With an admin token (a guest session where only that is accepted) and no body, a
    /// documented operation may be refused (400, 404 for id 999999, 422, …) but must reach a
    /// route: not the gateway's catch-all or a service's route-not-found, not 405, never a 5xx.
    @Test("Every documented operation reaches a route through the gateway")
    func everyDocumentedOperationIsRouted() async throws {
        let gateway = GatewayClient.shared
        let document = try OpenAPIDocument.fromRepository()
        // Its own session: the probe logs out, which ends the session it uses.
        let admin = try await StaffFixtures.login(username: "admin", password: TestEnvironment.adminPassword)
            .expecting(200, "log in as admin")
        let token = try #require(admin.json?["token"]?.stringValue)
        let guest = try await GuestFixtures.newSession()
        // Logout last, so every other probe still has a live token.
        let isLogout: (OpenAPIDocument.Operation) -> Bool = { $0.path == "/api/auth/logout" }
        let operations = document.operations.filter { !isLogout($0) } + document.operations.filter(isLogout)
        #expect(operations.count > 30)

        for operation in operations {
            for path in document.concretePaths(operation) {
                let authorization = operation.securitySchemes == ["guest"] ? guest.authorization : "Bearer \(token)"
                let response = try await gateway.sendRetryingWhenRateLimited(operation.method, path,
                                                                              headers: ["Authorization": authorization])
                let routeMiss = response.problemType == "/problems/route-not-found" || response.status == 405
                #expect(!routeMiss, "\(operation.method) \(path) is documented but not routed: \(response)")
                #expect(response.status < 500, "\(operation.method) \(path) without a body: \(response)")
                #expect(response.status != 401, "\(operation.method) \(path) refused its credentials: \(response)")
            }
        }
    }
}
