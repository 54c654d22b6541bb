import Foundation
import PosCoreTesting
import PosHTTP
import PosMoney
import Testing

/// `GET /api/reports/{name}` as a client sees it: who may read, CSV and JSON alike, the errors.
@Suite("Report requests: roles, formats, ranges")
struct ReportRequestTests {
    let gateway = GatewayClient.shared
    static let names = ["daily-sales", "hourly-sales", "top-items", "payment-mix", "staff-sales", "z-report"]

    @Test("CSV (?format=csv or Accept: text/csv) has a header row and the JSON's rows, field for field", arguments: names)
    func csvAndJSONGiveTheSameRows(name: String) async throws {
        let day = try await ReportDay.shared.value()
        let manager = try await StaffFixtures.shared(.manager)
        let query = "from=\(day.yesterday)&to=\(day.date)"
        let json = try requireJSON(try await gateway.send("GET", "/api/reports/\(name)?\(query)", token: manager.token)
            .expecting(200, "\(name) as JSON"))
        let rows = json["items"]?.arrayValue ?? []
        #expect(!rows.isEmpty, "the report day has \(name) rows")
        let byParameter = try await gateway.send("GET", "/api/reports/\(name)?\(query)&format=csv", token: manager.token)
        let byAccept = try await gateway.send("GET", "/api/reports/\(name)?\(query)", headers: ["Accept": "text/csv"],
                                              token: manager.token)
        for response in [byParameter, byAccept] {
            #expect(response.status == 200, "\(response)")
            #expect(response.contentType?.hasPrefix("text/csv") == true)
            let records = try Self.parseCSV(response.text)
            let header = try #require(records.first)
            guard case .object(let first)? = rows.first else { continue }
            #expect(header == first.map(\.0), "the header names the JSON's members in order")
            let expected = rows.map { row -> [String] in
                guard case .object(let members) = row else { return [] }
                return members.map { member in
                    switch member.1 {
                    case .int(let value): String(value)
                    case .string(let text): text
                    default: ""
                    }
                }
            }
            #expect(Array(records.dropFirst()) == expected)
            #expect(response.text.hasSuffix("\r\n"), "records end with CRLF")
        }
        // ?format=json wins over Accept.
        let explicit = try await gateway.send("GET", "/api/reports/\(name)?\(query)&format=json", headers: ["Accept": "text/csv"],
                                              token: manager.token)
        #expect(explicit.json == json)
    }

    @Test("RFC 4180 quoting: commas, quotes and line breaks are quoted, quotes doubled; plain fields as they are")
    func csvQuoting() {
        #expect(CSV.record(["a", "b,c", "say \"hi\"", "two\nlines", "cr\r", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\r\n")
        #expect(CSV.field("e\u{301}\"") == "\"e\u{301}\"\"\"", "a quote with a combining mark after it is still doubled")
        #expect(CSV.document(header: ["x"], rows: [["1"], ["2"]]) == "x\r\n1\r\n2\r\n")
    }

    @Test("Managers and admins read reports; cashiers and baristas get 403, no token 401")
    func onlyManagersReadReports() async throws {
        for role in [Role.manager, .admin] {
            let session = try await StaffFixtures.shared(role)
            let response = try await gateway.send("GET", "/api/reports/daily-sales", token: session.token)
            #expect(response.status == 200, "\(role): \(response)")
        }
        for role in [Role.cashier, .barista] {
            let session = try await StaffFixtures.shared(role)
            for name in Self.names {
                let response = try await gateway.send("GET", "/api/reports/\(name)?format=csv", token: session.token)
                #expect(response.status == 403, "\(role) \(name): \(response)")
                #expect(response.isProblem)
            }
        }
        let anonymous = try await gateway.send("GET", "/api/reports/daily-sales")
        #expect(anonymous.status == 401 && anonymous.isProblem, "\(anonymous)")
    }

    @Test("An unknown report is a 404 problem")
    func unknownReport() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        for name in ["weekly-sales", "report_daily_sales", "DAILY-SALES", "daily-sales%20"] {
            let response = try await gateway.send("GET", "/api/reports/\(name)", token: manager.token)
            #expect(response.status == 404 && response.isProblem, "\(name): \(response)")
        }
    }

    @Test("Bad dates, reversed or too long ranges, a bad format are 422 naming the parameter", arguments: [
        ("daily-sales?from=2026-02-30", "from"), ("daily-sales?to=26-01-01", "to"), ("top-items?from=2026-1-01", "from"),
        ("hourly-sales?from=2026-03-02&to=2026-03-01", "to"), ("payment-mix?from=2025-01-01&to=2026-01-02", "to"),
        ("z-report?date=2026-13-01", "date"), ("z-report?date=2026-01-01&from=2026-01-01", "date"),
        ("staff-sales?format=xlsx", "format"), ("daily-sales?date=null", "date"), ("daily-sales?from=0999-12-31&to=1000-01-01", "from"),
    ])
    func badRanges(query: String, field: String) async throws {
        let manager = try await StaffFixtures.shared(.manager)
        let response = try await gateway.send("GET", "/api/reports/\(query)", token: manager.token)
        #expect(response.status == 422 && response.isProblem, "\(query): \(response)")
        #expect(response.errorFields.contains(field), "\(query): \(response)")
    }

    @Test("366 days is the longest range; a leap day is a date; both dates default to the current business date")
    func rangeLimitsAndDefaults() async throws {
        let manager = try await StaffFixtures.shared(.manager)
        for query in ["from=2024-01-01&to=2024-12-31", "from=2024-02-29&to=2024-02-29", "", "from=&to="] {
            let response = try await gateway.send("GET", "/api/reports/daily-sales?\(query)", token: manager.token)
            #expect(response.status == 200, "\(query): \(response)")
        }
        let day = try await ReportDay.shared.value()
        // The test clock moves "today" to the report day: the defaults are that day alone.
        let response = try await gateway.send("GET", "/api/reports/daily-sales",
                                              headers: ["X-Pos-Test-Now": String(ReportDay.clock(try #require(BusinessDay.dayNumber(of: day.date)), 12, 0))],
                                              token: manager.token)
        let rows = try requireJSON(try response.expecting(200, "daily-sales by default")).self["items"]?.arrayValue ?? []
        #expect(rows.map { $0["business_date"] } == [.string(day.date)])
    }

    /// RFC 4180 records: quoted fields may hold commas, CR, LF and doubled quotes.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field); field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        guard field.isEmpty, record.isEmpty, !quoted else { throw OrderFixtureError("CSV does not end with CRLF: \(text)") }
        return records
    }
}
