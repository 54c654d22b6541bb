import MenuService
import PosCore
import PosCoreTesting
import Testing
import UserService

/// The shipped OpenAPI document and the running services describe the same API.
@Suite("OpenAPI document matches the services")
struct OpenAPICoverageTests {
    @Test("Every route of the user and menu services is documented")
    func everyRouteIsDocumented() throws {
        var router = Router()
        UserService.registerRoutes(&router)
        MenuService.registerRoutes(&router)
        let documented = Set(try OpenAPIDocument.fromRepository().operations.map(\.description))

        let routes = router.routes.filter { !$0.pattern.hasPrefix("/internal/") && !$0.pattern.hasPrefix("/api/health/") }
        #expect(routes.count > 10)
        for route in routes {
            let path = route.pattern.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            #expect(documented.contains("\(route.method) \(path)"), "\(route.method) \(path) is not in nginx/html/openapi.json")
        }
    }

    /// With an admin token and no body, a documented operation may be refused (400, 404 for
    /// id 999999, 422, …) but must reach a route: not the gateway's catch-all or a service's
    /// route-not-found, not 405, and never a 5xx.
    @Test("Every documented operation reaches a route through the gateway")
    func everyDocumentedOperationIsRouted() async throws {
        let gateway = GatewayClient.shared
        let document = try OpenAPIDocument.fromRepository()
        // Its own session: the probe logs out, which ends the session it uses.
        let admin = try await StaffFixtures.login(username: "admin", password: TestEnvironment.adminPassword)
            .expecting(200, "log in as admin")
        let token = try #require(admin.json?["token"]?.stringValue)
        // Logout last, so every other probe still has a live token.
        let isLogout: (OpenAPIDocument.Operation) -> Bool = { $0.path == "/api/auth/logout" }
        let operations = document.operations.filter { !isLogout($0) } + document.operations.filter(isLogout)
        #expect(operations.count > 10)

        for operation in operations {
            for path in document.concretePaths(operation) {
                let response = try await gateway.sendRetryingWhenRateLimited(operation.method, path, token: token)
                let routeMiss = response.problemType == "/problems/route-not-found" || response.status == 405
                #expect(!routeMiss, "\(operation.method) \(path) is documented but not routed: \(response)")
                #expect(response.status < 500, "\(operation.method) \(path) without a body: \(response)")
                #expect(response.status != 401, "\(operation.method) \(path) refused admin's token: \(response)")
            }
        }
    }
}
