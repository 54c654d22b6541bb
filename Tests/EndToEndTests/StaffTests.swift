import PosCoreTesting
import PosHTTP
import Testing

@Suite("Managing staff")
struct StaffTests {
    let gateway = GatewayClient.shared

    @Test("A manager creates a cashier")
    func managerCreatesCashier() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let username = StaffFixtures.uniqueUsername("cashier")

        let response = try await gateway.send("POST", "/api/staff", json: [
            "username": .string(username), "display_name": "Ada Cashier", "role": "cashier", "password": "correct horse battery",
        ], token: manager.token)

        #expect(response.status == 201, "\(response)")
        let staff = try #require(response.json)
        #expect(staff["id"]?.intValue != nil)
        #expect(staff["username"] == .string(username))
        #expect(staff["display_name"] == "Ada Cashier")
        #expect(staff["role"] == "cashier")
        #expect(staff["active"] == true)
        #expect(staff["created_at"]?.stringValue?.hasSuffix("Z") == true)
        #expect(!response.text.lowercased().contains("password"))
        #expect(!response.text.lowercased().contains("hash"))
        let login = try await StaffFixtures.login(username: username, password: "correct horse battery")
        #expect(login.status == 200, "the new cashier can log in: \(login)")
    }

    @Test("A manager may not create managers or admins", arguments: ["manager", "admin"])
    func managerCannotCreateManagersOrAdmins(role: String) async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let username = StaffFixtures.uniqueUsername(role)

        let response = try await gateway.send("POST", "/api/staff", json: [
            "username": .string(username), "display_name": "Would-be boss", "role": .string(role), "password": "a long password",
        ], token: manager.token)

        #expect(response.status == 403, "\(response)")
        #expect(response.isProblem)
        let login = try await StaffFixtures.login(username: username, password: "a long password")
        #expect(login.status == 401, "no account was created: \(login)")
    }

    @Test("A manager may not edit an admin's account")
    func managerCannotEditAdmin() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let admin = try await StaffFixtures.admin()

        let response = try await gateway.send("PATCH", "/api/staff/\(admin.id)", json: ["display_name": "Demoted"],
                                              token: manager.token)

        #expect(response.status == 403, "\(response)")
        #expect(response.isProblem)
    }

    @Test("A taken username is 409")
    func duplicateUsernameIsConflict() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let existing = try await StaffFixtures.createAccount(.barista)

        let response = try await gateway.send("POST", "/api/staff", json: [
            "username": .string(existing.username), "display_name": "Twin", "role": "barista", "password": "another password",
        ], token: manager.token)

        #expect(response.status == 409, "\(response)")
        #expect(response.isProblem)
        let login = try await StaffFixtures.login(username: existing.username, password: existing.password)
        #expect(login.status == 200, "the first account is untouched: \(login)")
    }

    @Test("Invalid fields are 422 naming every field")
    func invalidFieldsAreNamed() async throws {
        let manager = try await StaffFixtures.shared(.manager)

        let invalid = try await gateway.send("POST", "/api/staff", json: [
            "username": "A!", "display_name": "", "role": "chef", "password": "short",
        ], token: manager.token)
        let empty = try await gateway.send("POST", "/api/staff", json: [:], token: manager.token)
        let wrongTypes = try await gateway.send("POST", "/api/staff", json: [
            "username": 42, "display_name": ["Ada"], "role": true, "password": 12345678,
        ], token: manager.token)

        for response in [invalid, empty, wrongTypes] {
            #expect(response.status == 422, "\(response)")
            #expect(response.isProblem)
            #expect(Set(response.errorFields).isSuperset(of: ["username", "display_name", "role", "password"]),
                    "\(response)")
        }
    }

    @Test("The staff list is an {items, next_cursor} envelope that pages by cursor")
    func staffListPages() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        _ = try await StaffFixtures.shared(.cashier) // with admin and the manager: at least three accounts

        let first = try await gateway.send("GET", "/api/staff?limit=2", token: manager.token)

        #expect(first.status == 200, "\(first)")
        let items = try #require(first.json?["items"]?.arrayValue)
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["username"]?.stringValue != nil && $0["role"]?.stringValue != nil })
        #expect(!first.text.lowercased().contains("password"))
        let cursor = try #require(first.json?["next_cursor"]?.stringValue, "a third account exists: \(first)")

        let second = try await gateway.send("GET", "/api/staff?limit=2&cursor=\(cursor)", token: manager.token)

        #expect(second.status == 200, "\(second)")
        let firstIDs = Set(items.compactMap { $0["id"]?.intValue })
        let secondIDs = Set((second.json?["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue })
        #expect(!secondIDs.isEmpty)
        #expect(firstIDs.isDisjoint(with: secondIDs))
        #expect(second.json?["next_cursor"] != nil, "next_cursor is always present (null on the last page)")
    }
}
