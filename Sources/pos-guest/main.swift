import GuestService
import PosCore

ServiceMain.run(GuestService.self)
