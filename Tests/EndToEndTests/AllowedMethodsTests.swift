import Foundation
import PosCoreTesting
import Testing

/// A 405 from nginx names what the path allows (RFC 9110: Allow is required on 405), as the
/// OpenAPI document lists it, plus HEAD wherever GET is allowed.
@Suite("405 answers from the gateway carry Allow")
struct AllowedMethodsTests {
    let gateway = GatewayClient.shared

    static var documentedPaths: [String] {
        get throws { Array(Set(try OpenAPIDocument.fromRepository().operations.map(\.path))).sorted() }
    }

    @Test("TRACE on a documented path is 405 problem+json with the path's methods in Allow",
          arguments: try Self.documentedPaths)
    func trace(path: String) async throws {
        let document = try OpenAPIDocument.fromRepository()
        let operations = document.operations.filter { $0.path == path }
        let documented = Set(operations.map(\.method))
        let expected = documented.contains("GET") ? documented.union(["HEAD"]) : documented

        for concrete in document.concretePaths(try #require(operations.first)) {
            let response = try await gateway.send("TRACE", concrete)

            #expect(response.status == 405, "TRACE \(concrete): \(response)")
            #expect(response.isProblem, "TRACE \(concrete): \(response)")
            #expect(allowed(response) == expected, "TRACE \(concrete): Allow \(response.header("allow") ?? "missing")")
        }
    }

    @Test("A method a gateway route does not take is 405 with that route's Allow",
          arguments: [("PUT", "/api/menu", "GET, HEAD"), ("GET", "/api/auth/login", "POST"),
                      ("DELETE", "/api/orders/quote", "POST"), ("POST", "/healthz", "GET, HEAD"),
                      ("PATCH", "/api/openapi.json", "GET, HEAD"), ("DELETE", "/api/health/menu", "GET, HEAD")])
    func undeclaredMethod(method: String, path: String, allow: String) async throws {
        let response = try await gateway.send(method, path)

        #expect(response.status == 405, "\(response)")
        #expect(response.isProblem, "\(response)")
        #expect(allowed(response) == Self.methods(allow), "Allow \(response.header("allow") ?? "missing")")
    }

    private func allowed(_ response: TestResponse) -> Set<String>? {
        response.header("allow").map(Self.methods)
    }

    private static func methods(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
