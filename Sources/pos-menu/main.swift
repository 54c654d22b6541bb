import MenuService
import PosCore

ServiceMain.run(MenuService.self)
