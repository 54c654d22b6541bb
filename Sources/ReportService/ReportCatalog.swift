/// Every report of `GET /api/reports/{name}`, with the columns of api.md's "Reports" table.
enum ReportCatalog {
    private static func integers(_ names: String...) -> [ReportDefinition.Column] {
        names.map { .init(name: $0, kind: .integer) }
    }
    private static let date = ReportDefinition.Column(name: "business_date", kind: .text)

    static let dailyColumns = [date] + integers(
        "orders", "items_sold", "gross_sales_cents", "discounts_cents", "net_sales_cents", "tax_cents", "total_cents",
        "tips_cents", "refunds_cents", "collected_cents")

    static let all: [ReportDefinition] = [
        .init(name: "daily-sales", view: "report_daily_sales", columns: dailyColumns, sumBy: [],
              orderBy: "business_date"),
        .init(name: "hourly-sales", view: "report_hourly_sales",
              columns: [date] + integers("hour", "orders", "net_sales_cents"), sumBy: [],
              orderBy: "business_date, hour"),
        .init(name: "top-items", view: "report_top_items",
              columns: integers("item_id") + [.init(name: "name", kind: .text), .init(name: "category", kind: .text)]
                  + integers("quantity", "net_sales_cents"),
              sumBy: ["item_id"], orderBy: "quantity DESC, net_sales_cents DESC, item_id"),
        .init(name: "payment-mix", view: "report_payment_mix",
              columns: [date, .init(name: "method", kind: .text)]
                  + integers("payments", "amount_cents", "tips_cents", "refunds_cents"),
              sumBy: [], orderBy: "business_date, method"),
        .init(name: "staff-sales", view: "report_staff_sales",
              columns: [date] + integers("staff_id") + [.init(name: "username", kind: .text)]
                  + integers("orders", "net_sales_cents", "tips_cents"),
              sumBy: [], orderBy: "business_date, staff_id"),
        .init(name: "z-report", view: "report_z_report",
              columns: dailyColumns + integers("cash_cents", "card_cents", "cash_movements_cents", "shifts",
                                               "over_short_cents"),
              sumBy: [], orderBy: "business_date"),
    ]

    static func named(_ name: String) -> ReportDefinition? {
        all.first { $0.name == name }
    }
}
