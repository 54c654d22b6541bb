import Testing
@testable import PosHTTP

@Suite("Query parameters")
struct QueryParameterTests {
    private enum Color: String, CaseIterable { case red, green }

    private func request(_ query: String) -> HTTPRequest {
        HTTPRequest(method: "GET", path: "/x", query: HTTPRequest.parseQuery(query))
    }

    /// `since=<time>` as a client must send it: `+` percent-encoded (a bare one means a space).
    private func since(_ time: String) -> HTTPRequest {
        request("since=" + time.map { $0 == "+" ? "%2B" : String($0) }.joined())
    }

    @Test func timesAreCheckedAndConverted() throws {
        #expect(try request("since=2026-11-25T09:30:00Z").queryDateTime("since") == "2026-11-25 09:30:00")
        #expect(try request("").queryDateTime("since") == nil)
        let error = #expect(throws: HTTPError.self) { try request("since=yesterday").queryDateTime("since") }
        #expect(error?.status == 422)
        #expect(error?.fieldErrors.first?.field == "since")
    }

    // RFC 3339 allows a fraction and an offset; stored times have whole seconds, in UTC.
    @Test(arguments: [
        ("2026-11-25T09:30:00.123Z", "2026-11-25 09:30:00"),
        ("2026-11-25T09:30:59.999999999z", "2026-11-25 09:30:59"),
        ("2026-11-25t10:30:00+01:00", "2026-11-25 09:30:00"),
        ("2026-11-25T00:30:00.5+01:00", "2026-11-24 23:30:00"),
        ("2026-12-31T22:45:00-01:30", "2027-01-01 00:15:00"),
        ("2024-02-29T00:00:00Z", "2024-02-29 00:00:00"),
        ("0001-01-01T00:00:00Z", "1970-01-01 00:00:00"),
    ])
    func timesWithFractionsAndOffsetsAreUTC(_ text: String, _ stored: String) throws {
        #expect(try since(text).queryDateTime("since") == stored)
    }

    @Test(arguments: ["2026-11-25T09:30:00.Z", "2026-11-25T09:30:00+0100", "2026-11-25T09:30:00", "2026-02-29T00:00:00Z",
                      "2026-04-31", "2026-11-25T24:00:00Z", "2026-11-25T09:30:00+01:00Z", "2026-11-25T09:30:00.5"])
    func malformedTimesAre422(_ text: String) {
        let error = #expect(throws: HTTPError.self) { try since(text).queryDateTime("since") }
        #expect(error?.status == 422)
    }

    @Test func idsArePositiveWholeNumbers() throws {
        #expect(try request("order_id=12").queryID("order_id") == 12)
        #expect(try request("order_id=9223372036854775807").queryID("order_id") == Int.max, "int64, as documented")
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
