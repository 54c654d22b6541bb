import Foundation
import PosCoreTesting
import PosHTTP

/// A guest session as the guest page holds it.
struct GuestSession: Sendable {
    let token: String
    let tableID: Int
    let tableLabel: String

    var authorization: String { "Guest \(token)" }
}

/// Tables, guest sessions and guest orders made through the gateway: tables by a manager,
/// sessions and orders as a guest would, waiting out the gateway's per-address session limit
/// (other tests open sessions at the same time).
enum GuestFixtures {
    static let gateway = GatewayClient.shared

    /// A new active table (unique label), made by the shared manager: its JSON.
    static func newTable(_ prefix: String = "T") async throws -> JSON {
        let manager = try await StaffFixtures.shared(.manager)
        let label = "\(prefix) \(Int.random(in: 100_000_000...999_999_999))"
        return try requireJSON(try await gateway.send("POST", "/api/guest/tables", json: ["label": .string(label)],
                                                      token: manager.token).expecting(201, "create table \(label)"))
    }

    /// The table the shared guest sessions sit at.
    static let sharedTable = Once { try await newTable("Shared") }

    /// `POST /api/guest/sessions`, retried while the per-address limit says 429.
    static func open(tableToken: String) async throws -> TestResponse {
        try await gateway.sendRetryingWhenRateLimited("POST", "/api/guest/sessions", json: ["table_token": .string(tableToken)])
    }

    /// A new session at `table` (default: a shared table).
    static func newSession(at table: JSON? = nil) async throws -> GuestSession {
        let table = if let table { table } else { try await sharedTable.value() }
        guard let token = table["token"]?.stringValue else { throw OrderFixtureError("a table without a token: \(table)") }
        let json = try requireJSON(try await open(tableToken: token).expecting(201, "open a guest session"))
        guard let session = json["session_token"]?.stringValue, let id = json["table"]?["id"]?.intValue,
              let label = json["table"]?["label"]?.stringValue else { throw OrderFixtureError("a session without a token: \(json)") }
        return GuestSession(token: session, tableID: id, tableLabel: label)
    }

    /// A request as `session`'s guest sends it (`Authorization: Guest …`).
    static func send(_ method: String, _ path: String, json: JSON? = nil, headers: [String: String] = [:],
                     as session: GuestSession) async throws -> TestResponse {
        try await gateway.send(method, path, json: json, headers: headers.merging(["Authorization": session.authorization]) { $1 })
    }

    /// `POST /api/guest/orders` with `lines` as `session`; the caller checks the answer.
    static func place(_ lines: [JSON], note: String? = nil, as session: GuestSession) async throws -> TestResponse {
        var body: [(String, JSON)] = [("items", .array(lines))]
        if let note { body.append(("note", .string(note))) }
        return try await send("POST", "/api/guest/orders", json: .object(body), as: session)
    }

    /// A pending order of one small latte placed by `session` (a new one at the shared table
    /// by default): its JSON.
    static func pendingOrder(by session: GuestSession? = nil) async throws -> JSON {
        let menu = try await OrderFixtures.menu()
        let session = if let session { session } else { try await newSession() }
        return try requireJSON(try await place([OrderFixtures.line(menu.latteID, modifiers: [menu.smallID])], as: session)
            .expecting(201, "a guest places an order"))
    }

    /// Whether the kitchen queue (every page, every station) shows order `id`.
    static func kitchenQueueHas(_ id: Int) async throws -> Bool {
        let barista = try await StaffFixtures.shared(.barista)
        var cursor: String?
        for _ in 0..<200 {
            let path = "/api/kitchen/queue?limit=200" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try requireJSON(try await gateway.send("GET", path, token: barista.token).expecting(200, "GET \(path)"))
            if (page["items"]?.arrayValue ?? []).contains(where: { $0["id"] == .int(id) }) { return true }
            guard let next = page["next_cursor"]?.stringValue else { return false }
            cursor = next
        }
        return false
    }

    static func id(_ json: JSON) throws -> Int {
        guard let id = json["id"]?.intValue else { throw OrderFixtureError("no id in \(json)") }
        return id
    }
}
