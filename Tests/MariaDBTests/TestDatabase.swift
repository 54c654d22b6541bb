import MariaDB
#if canImport(Glibc)
import Glibc
#endif

/// The test database started by scripts/test, as root over its unix socket.
/// POS_DB_SOCKET and POS_DB_NAME come from scripts/test; there is no silent skip.
enum TestDatabase {
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static var configuration: DatabaseConfiguration {
        DatabaseConfiguration(socket: environment("POS_DB_SOCKET") ?? "/run/mysqld/mysqld.sock", user: "root",
                              password: environment("POS_DB_ROOT_PASSWORD") ?? "",
                              database: environment("POS_DB_NAME") ?? "cafe_pos")
    }

    static func connect() throws -> Connection {
        try Connection(configuration)
    }
}
