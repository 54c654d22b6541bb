import MariaDB
import PosCore
import PosHTTP

/// `GET /api/orders/{id}/receipt`: plain text by default, HTML when the client asks for it.
enum ReceiptController {
    static func register(_ router: inout Router) {
        router.get("/api/orders/:id/receipt", receipt)
    }

    static func receipt(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.requireStaff()
        let order = try OrderRepository(db: context.db).require(try request.id())
        let formatter = ReceiptFormatter(order: order, cafeName: context.environment.cafeName)
        let wantsHTML = (request.header("accept") ?? "").contains("text/html") || request.query["format"] == "html"
        return wantsHTML
            ? .text(formatter.html(), contentType: "text/html; charset=utf-8")
            : .text(formatter.text())
    }
}
