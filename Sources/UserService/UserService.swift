import PosCore

/// Staff, roles, login and the gateway's token check; also serves the audit log.
public enum UserService: PosService {
    public static let name = "user"

    public static func registerRoutes(_ router: inout Router) {
        AuthController.register(&router)
        StaffController.register(&router)
        AuditController.register(&router)
    }

    public static func runCommand(_ arguments: [String], environment: ServiceEnvironment) throws -> Int32? {
        guard arguments.first == "ensure-staff" else { return nil }
        return try EnsureStaffCommand.run(arguments, environment: environment)
    }
}
