import PosCore

/// Staff, roles, login and the gateway's token check; also serves the audit log.
public enum UserService: PosService {
    public static let name = "user"

    public static func registerRoutes(_ router: inout Router) {
        AuthController.register(&router)
        StaffController.register(&router)
        AuditController.register(&router)
    }

    /// `ensure-staff` (see `EnsureStaffCommand`).
    public static var commands: [any ServiceCommand.Type] { [EnsureStaffCommand.self] }
}
