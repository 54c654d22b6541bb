import MariaDB
import PosCore

/// `pos-user ensure-staff --username U --role R --display-name D`, password in
/// `POS_STAFF_PASSWORD`: creates the account if it does not exist; never changes an existing one.
enum EnsureStaffCommand {
    static func run(_ arguments: [String], environment: ServiceEnvironment) throws -> Int32 {
        var options: [String: String] = [:]
        var index = 1
        while index + 1 < arguments.count {
            options[arguments[index]] = arguments[index + 1]
            index += 2
        }
        guard let username = options["--username"]?.lowercased(), let roleText = options["--role"],
              let role = Role(rawValue: roleText), let password = ProcessEnvironment()["POS_STAFF_PASSWORD"],
              Staff.passwordLength.contains(password.count),
              Staff.usernameLength.contains(username.count), username.allSatisfy(Staff.usernameCharacters.contains) else {
            print("usage: pos-user ensure-staff --username NAME --role admin|manager|cashier|barista [--display-name TEXT]")
            print("       with the password (8-256 characters) in POS_STAFF_PASSWORD")
            return 2
        }
        let db = try Connection(environment.database)
        let repository = StaffRepository(db: db)
        if try repository.exists(username: username) {
            print("staff \(username) exists; left unchanged")
            return 0
        }
        let staff = try repository.create(username: username, displayName: options["--display-name"] ?? username,
                                          role: role, passwordHash: try Secrets.hashPassword(password))
        print("staff \(username) created with id \(staff.id) as \(role.rawValue)")
        return 0
    }
}
