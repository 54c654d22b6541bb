import MariaDB
import PosCore
import PosHTTP

/// `GET /api/reports/{name}?from=&to=` (or `?date=`, the Z report's usual form): managers and admins only.
enum ReportController {
    static func register(_ router: inout Router) {
        router.get("/api/reports/:name", show)
    }

    /// 200 `{"items": [row, …]}`, or the same rows as CSV (`?format=csv`, or `Accept: text/csv`
    /// without `?format=json`). 401 without a token, 403 for cashiers and baristas, 404 for a
    /// name no report has, 422 for a bad date, a reversed or too long range, or a bad format.
    static func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.require(Role.managers)
        let name = request.pathParameters["name"] ?? ""
        guard let report = ReportCatalog.named(name) else {
            throw HTTPError.notFound("No report is called \"\(name)\"; reports are "
                + ReportCatalog.all.map(\.name).joined(separator: ", ") + ".")
        }
        let format = try ReportFormat(request)
        let range = try ReportRange(request, today: context.businessDate(request))
        let table = try ReportTable(report, rows: try context.db.query(report.query(range)))
        switch format {
        case .json:
            return .json(["items": .array(table.jsonRows)])
        case .csv:
            var response = HTTPResponse.text(table.csv, contentType: CSV.contentType)
            response.headers.append(("Content-Disposition",
                                     "attachment; filename=\"\(report.name)_\(range.from)_\(range.to).csv\""))
            return response
        }
    }
}

/// How a report is answered: JSON unless the client asks for CSV.
enum ReportFormat: String, CaseIterable {
    case json, csv

    /// `?format=json|csv` decides (422 for anything else); without it, CSV when the Accept
    /// header names `text/csv`.
    init(_ request: HTTPRequest) throws {
        if let format = try request.queryChoice("format", of: ReportFormat.self) {
            self = format
        } else if let accept = request.header("Accept")?.lowercased(), accept.contains("text/csv") {
            self = .csv
        } else {
            self = .json
        }
    }
}
