import Foundation
import MariaDB

/// The database that scripts/test started (found through `TestEnvironment`): root over its
/// unix socket, or a service's own account with the password scripts/up generated. There is
/// no silent skip: without the stack the tests fail with the connection error.
public enum TestDatabase {
    /// Root over the socket, for set-up and for inspecting what the services wrote.
    public static var configuration: DatabaseConfiguration {
        DatabaseConfiguration(socket: TestEnvironment.databaseSocket, user: "root", password: "",
                              database: TestEnvironment.databaseName)
    }

    public static func connect() throws -> Connection {
        try Connection(configuration)
    }

    /// A service account (`pos_menu`, …), with the password from `$POS_VAR_DIR/secrets/db-<account>`.
    public static func connect(as account: String) throws -> Connection {
        let path = TestEnvironment.varDirectory + "/secrets/db-\(account)"
        guard let password = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DatabaseError(function: "read \(path)", code: 2, message: "cannot read the account's password")
        }
        var configuration = configuration
        configuration.user = account
        configuration.password = password.trimmingCharacters(in: .whitespacesAndNewlines)
        return try Connection(configuration)
    }
}
