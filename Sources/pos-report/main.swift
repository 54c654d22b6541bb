import PosCore
import ReportService

ServiceMain.run(ReportService.self)
