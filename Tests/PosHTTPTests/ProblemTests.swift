import Testing
@testable import PosHTTP

@Suite("Problem details")
struct ProblemTests {
    @Test func problemCarriesTypeTitleStatusDetail() {
        let response = HTTPResponse.problem(.conflict("Item 3 is sold out.", slug: "sold-out"))
        #expect(response.status == 409)
        #expect(response.header("content-type") == "application/problem+json")
        let body = try? JSONParser.parse(response.body)
        #expect(body == ["type": "/problems/sold-out", "title": "Conflict", "status": 409, "detail": "Item 3 is sold out."])
    }

    @Test func rateLimitProblemHasRetryAfter() {
        let response = HTTPResponse.problem(.tooManyRequests(retryAfterSeconds: 30, "slow down"))
        #expect(response.status == 429)
        #expect(response.header("retry-after") == "30")
    }

    @Test func staleIfMatchIs412AndStaleBodyVersionIs409() throws {
        let header = HTTPRequest(method: "PATCH", path: "/x", headers: ["if-match": "\"3\""])
        #expect((#expect(throws: HTTPError.self) { try header.checkVersion(4, body: nil) })?.status == 412)
        try header.checkVersion(3, body: nil)

        let bodyRequest = HTTPRequest(method: "PATCH", path: "/x", headers: ["content-type": "application/json"],
                                      body: Array(#"{"version": 2}"#.utf8))
        let body = try JSONBody(bodyRequest)
        #expect((#expect(throws: HTTPError.self) { try bodyRequest.checkVersion(4, body: body) })?.status == 409)
    }
}
