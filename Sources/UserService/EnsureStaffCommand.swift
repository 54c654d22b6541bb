import ArgumentParser
import MariaDB
import PosCore
import PosHTTP

/// `pos-user ensure-staff --username U --role R [--display-name D]`, password in
/// `POS_STAFF_PASSWORD`: creates the account if it does not exist; never changes an existing one.
/// Bad options or a missing password are a usage error (exit 64) before the database is touched.
struct EnsureStaffCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensure-staff",
        abstract: "Create a staff account unless one with that username exists (an existing one is left unchanged).",
        discussion: "The password (8-256 characters) is read from POS_STAFF_PASSWORD, never from the command line.")

    @Option(help: ArgumentHelp("Login name: lower-case letters, digits, '.', '_' or '-'.", valueName: "name"))
    var username: String

    @Option(help: "The account's role.")
    var role: Role

    @Option(help: ArgumentHelp("Name shown on receipts and in the console (default: the username).", valueName: "text"))
    var displayName: String?

    init() {}

    mutating func validate() throws {
        username = username.lowercased()
        guard Staff.usernameLength.contains(username.count), username.allSatisfy(Staff.usernameCharacters.contains) else {
            throw ValidationError("--username must be 3-64 characters: letters, digits, '.', '_' or '-'")
        }
        guard let password = ProcessEnvironment()["POS_STAFF_PASSWORD"], Staff.passwordLength.contains(password.count) else {
            throw ValidationError("POS_STAFF_PASSWORD must hold the password (8-256 characters)")
        }
    }

    func run(environment: ServiceEnvironment, logger: Logger) throws {
        let password = ProcessEnvironment()["POS_STAFF_PASSWORD"] ?? ""
        let db = try Connection(environment.database)
        let repository = StaffRepository(db: db)
        if try repository.exists(username: username) {
            print("staff \(username) exists; left unchanged")
            return
        }
        let staff = try repository.create(username: username, displayName: displayName ?? username,
                                          role: role, passwordHash: try Secrets.hashPassword(password))
        print("staff \(username) created with id \(staff.id) as \(role.rawValue)")
    }
}

extension Role: ExpressibleByArgument {}
