import MariaDB
#if canImport(Glibc)
import Glibc
#endif

/// The database that scripts/test started: root over its unix socket, or a service's own
/// account with the password scripts/up generated. There is no silent skip: without the
/// stack the tests fail with the connection error.
public enum TestDatabase {
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public static var socket: String { environment("POS_DB_SOCKET") ?? "/run/mysqld/mysqld.sock" }
    public static var name: String { environment("POS_DB_NAME") ?? "cafe_pos" }

    /// Root over the socket, for set-up and for inspecting what the services wrote.
    public static var configuration: DatabaseConfiguration {
        DatabaseConfiguration(socket: socket, user: "root", password: "", database: name)
    }

    public static func connect() throws -> Connection {
        try Connection(configuration)
    }

    /// A service account (`pos_menu`, …), with the password from `$POS_VAR_DIR/secrets/db-<account>`.
    public static func connect(as account: String) throws -> Connection {
        let varDir = environment("POS_VAR_DIR") ?? "var/test"
        let password = try readSecret("\(varDir)/secrets/db-\(account)")
        return try Connection(DatabaseConfiguration(socket: socket, user: account, password: password, database: name))
    }

    static func readSecret(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else {
            throw DatabaseError(function: "read \(path)", code: Int(errno), message: "cannot read the account's password")
        }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, 256, file) != nil else { return "" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
    }
}
