import PosCoreTesting
import PosHTTP
import Testing

/// Bad requests get an RFC 9457 problem with the right status: never HTML, never a 500.
@Suite("Bad requests")
struct RequestErrorTests {
    let gateway = GatewayClient.shared

    @Test("Malformed JSON is 400 problem+json",
          arguments: [#"{"name": "Soups""#, #"{"name": "Soups",}"#, #"["name"]"#, "name=Soups", ""])
    func malformedJSON(body: String) async throws {
        let manager = try await StaffFixtures.shared(.manager)

        let response = try await gateway.send("POST", "/api/menu/categories", rawBody: Array(body.utf8), token: manager.token)

        #expect(response.status == 400, "\(response)")
        #expect(response.isProblem)
    }

    @Test("Wrong types are 422 naming each field")
    func wrongTypes() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let body = #"{"category_id": "7", "name": 42, "price_cents": 4.5, "tax_rate_bp": "10%", "available": "yes"}"#

        let response = try await gateway.send("POST", "/api/menu/items", rawBody: Array(body.utf8), token: manager.token)

        #expect(response.status == 422, "\(response)")
        #expect(response.isProblem)
        #expect(Set(response.errorFields).isSuperset(of: ["category_id", "name", "price_cents", "tax_rate_bp", "available"]),
                "\(response)")
        #expect(response.json?["errors"]?.arrayValue?.allSatisfy { $0["message"]?.stringValue?.isEmpty == false } == true)
    }

    @Test("A modifier group no order could satisfy is 422 naming the group")
    func impossibleModifierGroup() async throws {
        let manager = try await StaffFixtures.shared(.manager)

        let response = try await gateway.send("POST", "/api/menu/items", json: [
            "category_id": 1, "name": "Impossible", "price_cents": 100, "tax_rate_bp": 1000,
            "modifier_groups": [["name": "Pick two", "min_select": 2, "max_select": 1,
                                 "options": [["name": "Only one", "price_delta_cents": 0]]]],
        ], token: manager.token)

        #expect(response.status == 422, "\(response)")
        #expect(response.errorFields.contains { $0.hasPrefix("modifier_groups") }, "\(response)")
    }

    @Test("A body over 64 KiB is 413 problem+json")
    func oversizeBody() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let body = #"{"name": ""# + String(repeating: "a", count: 70 * 1024) + #""}"#

        let response = try await gateway.send("POST", "/api/menu/categories", rawBody: Array(body.utf8), token: manager.token)

        #expect(response.status == 413, "\(response)")
        #expect(response.isProblem)
    }

    @Test("An unknown path is 404 problem+json, never an HTML page",
          arguments: ["/api/nope", "/nope", "/", "/index.html", "/api/staffing", "/api/menu.json"])
    func unknownPath(path: String) async throws {
        let response = try await gateway.send("GET", path)

        #expect(response.status == 404, "GET \(path): \(response)")
        #expect(response.isProblem, "GET \(path): \(response)")
        #expect(!response.text.lowercased().contains("<html"))
    }

    @Test("An unknown path inside an API is 404 problem+json for a signed-in user",
          arguments: ["/api/nope", "/api/menu/nope", "/api/menu/items/1/nope", "/api/staff/1/nope", "/api/auth/nope"])
    func unknownPathInsideAPI(path: String) async throws {
        let admin = try await StaffFixtures.admin()

        let response = try await gateway.send("GET", path, token: admin.token)

        #expect(response.status == 404, "GET \(path): \(response)")
        #expect(response.isProblem, "GET \(path): \(response)")
        #expect(response.problemType == "/problems/route-not-found", "\(response)")
    }

    @Test("The gateway's internal token check cannot be reached from outside", arguments: ["GET", "POST"])
    func internalAuthCheckIsHidden(method: String) async throws {
        let admin = try await StaffFixtures.admin()

        let anonymous = try await gateway.send(method, "/internal/auth/check")
        let withToken = try await gateway.send(method, "/internal/auth/check", token: admin.token)

        for response in [anonymous, withToken] {
            #expect(response.status == 404, "\(response)")
            #expect(response.isProblem)
            #expect(response.header("x-pos-staff-role") == nil)
            #expect(response.header("x-pos-staff-id") == nil)
        }
    }
}
