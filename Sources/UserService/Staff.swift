import MariaDB
import PosHTTP

/// A staff account as the API shows it (never with its password hash).
struct Staff: JSONRepresentable {
    let id: Int
    let username: String
    let displayName: String
    let role: Role
    let active: Bool
    let createdAt: String

    init(row: Row) throws {
        id = try row.int("id")
        username = try row.string("username")
        displayName = try row.string("display_name")
        guard let role = Role(rawValue: try row.string("role")) else {
            throw DatabaseError(function: "Staff", code: DatabaseError.decoding, message: "unknown role")
        }
        self.role = role
        active = try row.bool("active")
        createdAt = try row.timestamp("created_at")
    }

    var json: JSON {
        ["id": .int(id), "username": .string(username), "display_name": .string(displayName),
         "role": .string(role.rawValue), "active": .bool(active), "created_at": .string(createdAt)]
    }

    /// Characters a username may contain; usernames are stored lower-case.
    static let usernameCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_.-")
    static let usernameLength = 3...64
    static let passwordLength = 8...256
    static let displayNameLength = 1...100

    /// The lower-cased form of a typed login name, or nil when no account could have it.
    static func possibleUsername(_ typed: String) -> String? {
        let name = typed.lowercased()
        guard TextRule.singleLine.problem(with: name, length: usernameLength) == nil,
              name.allSatisfy({ usernameCharacters.contains($0) }) else { return nil }
        return name
    }
}
