import Foundation

/// Where the end-to-end tests find the running stack. `scripts/test` exports every variable;
/// the defaults are what it uses, so a stack started by hand the same way is found too.
///
///   POS_BASE_URL        the gateway (http://127.0.0.1:18080)
///   POS_VAR_DIR         the stack's var dir (<repository>/var/test): pid files, sockets, secrets
///   POS_ADMIN_PASSWORD  admin's password (else $POS_VAR_DIR/secrets/admin-password)
///   POS_DB_SOCKET, POS_DB_NAME   the stack's MariaDB
public enum TestEnvironment {
    public static var baseURL: String {
        let url = value("POS_BASE_URL") ?? "http://127.0.0.1:18080"
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    public static var varDirectory: String {
        value("POS_VAR_DIR") ?? repositoryRoot.appendingPathComponent("var/test").path
    }

    public static var adminPassword: String {
        if let password = value("POS_ADMIN_PASSWORD") { return password }
        let file = varDirectory + "/secrets/admin-password"
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return "test-admin-password-2026"
    }

    public static var databaseSocket: String { value("POS_DB_SOCKET") ?? varDirectory + "/mariadb/mysqld.sock" }
    public static var databaseName: String { value("POS_DB_NAME") ?? "cafe_pos" }

    /// The checkout this file was compiled from (for nginx/, scripts/ and the OpenAPI file).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // PosCoreTesting
        .deletingLastPathComponent() // Sources
        .deletingLastPathComponent()

    /// The variable's value; nil when unset or empty.
    public static func value(_ name: String) -> String? {
        guard let text = ProcessInfo.processInfo.environment[name], !text.isEmpty else { return nil }
        return text
    }
}
