import PosCoreTesting
import Testing

/// BOLA/BFLA through the real gateway: every row of `Endpoint.matrix` × {no token, a forged
/// token, barista, cashier, manager, admin, a guest session} gets exactly the answer api.md
/// allows, and a refused request changes nothing.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    @Test("Each caller gets exactly the answer api.md allows", arguments: Endpoint.matrix, Caller.allCases)
    func answerIsTheAllowedOne(endpoint: Endpoint, caller: Caller) async throws {
        let request = try await endpoint.request(caller)
        let expected = endpoint.access.expectedStatus(for: caller, success: endpoint.success)
        let before = try await request.observe?()
        if request.observe != nil { #expect(before != nil, "the fixture of \(endpoint.testDescription) can be read") }
        var authorization = try await caller.authorization()
        if let own = request.ownSession { authorization = "Bearer \(own.token)" }
        if caller == .guest, let own = request.ownGuest { authorization = own.authorization }
        var headers = request.headers
        if let authorization { headers["Authorization"] = authorization }

        let response = try await GatewayClient.shared.sendRetryingWhenRateLimited(
            request.method, request.path, json: request.json, headers: headers)

        #expect(response.status == expected, "\(caller.rawValue) → \(endpoint.testDescription): \(response)")
        if expected == 401 || expected == 403 || (endpoint.access.isGuest && expected == 404) {
            #expect(response.isProblem, "\(response)")
            if let observe = request.observe {
                let after = try await observe()
                #expect(after == before, "a refused \(endpoint.route) changed \(String(describing: before)) into \(String(describing: after))")
            }
        }
        try await request.cleanUp?()
    }

    @Test("The matrix has a row for every route of every service, and no other")
    func everyRouteHasARow() {
        let routes = Set(OpenAPICoverageTests.services.flatMap(OpenAPICoverageTests.documentedForm(of:)))
        let rows = Set(Endpoint.matrix.map(\.route))
        #expect(routes.subtracting(rows).isEmpty, "routes without a row in Endpoint.matrix")
        #expect(rows.subtracting(routes).isEmpty, "rows for routes no service serves")
    }
}
