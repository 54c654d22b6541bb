import PosCore
import UserService

ServiceMain.run(UserService.self)
