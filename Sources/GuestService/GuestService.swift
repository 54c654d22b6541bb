import PosCore

/// Guest ordering's own part: tables and their QR codes, guest sessions and the gateway's
/// guest-session check, and the front ends' settings. Guest orders themselves are the order
/// service's (README "Guest ordering").
public enum GuestService: PosService {
    public static let name = "guest"

    public static func registerRoutes(_ router: inout Router) {
        TableController.register(&router)
        SessionController.register(&router)
        SettingsController.register(&router)
    }
}
