import Testing
@testable import PosCore

@Suite("Query parameters")
struct QueryParameterTests {
    private enum Color: String, CaseIterable { case red, green }

    private func request(_ query: String) -> HTTPRequest {
        HTTPRequest(method: "GET", path: "/x", query: HTTPRequest.parseQuery(query))
    }

    @Test func timesAreCheckedAndConverted() throws {
        #expect(try request("since=2026-11-25T09:30:00Z").queryDateTime("since") == "2026-11-25 09:30:00")
        #expect(try request("").queryDateTime("since") == nil)
        let error = #expect(throws: HTTPError.self) { try request("since=yesterday").queryDateTime("since") }
        #expect(error?.status == 422)
        #expect(error?.fieldErrors.first?.field == "since")
    }

    @Test func idsArePositiveWholeNumbers() throws {
        #expect(try request("order_id=12").queryID("order_id") == 12)
        for bad in ["0", "-3", "abc", "1.5", "99999999999999999999"] {
            #expect(throws: HTTPError.self) { try request("order_id=\(bad)").queryID("order_id") }
        }
    }

    @Test func choicesNameTheAllowedValues() throws {
        #expect(try request("color=green").queryChoice("color", of: Color.self) == .green)
        let error = #expect(throws: HTTPError.self) { try request("color=blue").queryChoice("color", of: Color.self) }
        #expect(error?.fieldErrors.first?.message == "must be one of red, green")
    }
}
