import PosCore

/// Reports for managers and BI tools: each report reads one SQL view of `sql/views/`
/// (`report_daily_sales`, …) with the read-only `pos_report` account, and answers its rows as
/// JSON or CSV. The views add up what the order and payment services stored (totals from the one
/// pricing function, business dates from `BusinessDay`), so the reports are the till's numbers.
public enum ReportService: PosService {
    public static let name = "report"

    public static func registerRoutes(_ router: inout Router) {
        ReportController.register(&router)
    }
}
