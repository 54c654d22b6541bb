import MariaDB
import PosHTTP

/// A table guests order from. Its token goes in the table's QR code.
struct GuestTable: Sendable {
    static let labelLength = 1...32

    let id: Int
    let label: String
    let token: String
    let active: Bool
    let version: Int
    let createdAt: String
    let updatedAt: String

    static let columns = "id, label, token, active, version, created_at, updated_at"

    init(row: Row) throws {
        id = try row.int("id")
        label = try row.string("label")
        token = try row.string("token")
        active = try row.bool("active")
        version = try row.int("version")
        createdAt = try row.timestamp("created_at")
        updatedAt = try row.timestamp("updated_at")
    }

    /// The page the table's QR code opens: `<base>/guest/?t=<token>`.
    func guestURL(base: String) -> String { "\(base)/guest/?t=\(token)" }

    func json(base: String) -> JSON {
        ["id": .int(id), "label": .string(label), "token": .string(token), "active": .bool(active),
         "guest_url": .string(guestURL(base: base)), "version": .int(version),
         "created_at": .string(createdAt), "updated_at": .string(updatedAt)]
    }
}
