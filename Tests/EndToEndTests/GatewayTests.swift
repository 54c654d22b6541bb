import Foundation
import PosCoreTesting
import PosHTTP
import Testing

@Suite("The gateway")
struct GatewayTests {
    let gateway = GatewayClient.shared

    @Test("GET /healthz answers 200 JSON")
    func gatewayHealth() async throws {
        let response = try await gateway.send("GET", "/healthz")

        #expect(response.status == 200, "\(response)")
        #expect(response.contentType?.hasPrefix("application/json") == true)
        #expect(response.json?["status"] == "ok")
    }

    @Test("Every service answers its health check through the gateway", arguments: try RepositoryFiles.serviceNames())
    func serviceHealth(service: String) async throws {
        let response = try await gateway.send("GET", "/api/health/\(service)")

        #expect(response.status == 200, "\(response)")
        #expect(response.json?["status"] == "ok")
    }

    @Test("GET /api/openapi.json is the repository's OpenAPI 3.1 document")
    func openAPIDocument() async throws {
        let response = try await gateway.send("GET", "/api/openapi.json")

        #expect(response.status == 200, "\(response)")
        let served = try #require(response.json, "the document is valid JSON")
        let version = try #require(served["openapi"]?.stringValue)
        #expect(version.hasPrefix("3.1."), "openapi: \(version)")
        #expect(served["paths"]?["/api/menu"] != nil)
        #expect(served == (try OpenAPIDocument.fromRepository().json), "nginx serves nginx/html/openapi.json")
    }

    @Test("GET /api/openapi.json needs no token and refuses writes with 405")
    func openAPIDocumentIsReadOnly() async throws {
        let response = try await gateway.send("POST", "/api/openapi.json", json: [:])

        #expect(response.status == 405, "\(response)")
        #expect(response.isProblem)
    }
}

/// Files of this checkout that the tests compare the running stack with.
enum RepositoryFiles {
    static func read(_ relativePath: String) throws -> [UInt8] {
        let path = TestEnvironment.repositoryRoot.appendingPathComponent(relativePath).path
        guard let data = FileManager.default.contents(atPath: path) else { throw MissingFile(path: path) }
        return Array(data)
    }

    /// The services of `scripts/lib/services`, one name per line (`#` comments, blank lines).
    static func serviceNames() throws -> [String] {
        String(decoding: try read("scripts/lib/services"), as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    struct MissingFile: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read \(path)" }
    }
}
