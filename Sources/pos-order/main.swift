import OrderService
import PosCore

ServiceMain.run(OrderService.self)
