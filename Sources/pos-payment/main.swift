import PaymentService
import PosCore

ServiceMain.run(PaymentService.self)
