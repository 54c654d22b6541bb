import Testing
@testable import PosHTTP

/// If-Match and body versions as api.md and RFC 9110 have them: 412 for a header that does
/// not hold, 409 for a stale body version, `*` for "whatever is current".
@Suite("Versions and If-Match")
struct VersioningTests {
    private func request(ifMatch: String? = nil, body: String = "{}") throws -> (HTTPRequest, JSONBody) {
        var headers = ["content-type": "application/json"]
        headers["if-match"] = ifMatch
        let request = HTTPRequest(method: "PATCH", path: "/x", headers: headers, body: Array(body.utf8))
        return (request, try JSONBody(request))
    }

    private func status(_ check: () throws -> Void) -> Int? {
        do { try check() } catch let error as HTTPError { return error.status } catch { return -1 }
        return nil
    }

    @Test(arguments: ["*", " * "])
    func ifMatchStarMatchesAnyCurrentVersion(_ header: String) throws {
        let (request, body) = try request(ifMatch: header, body: #"{"version": 1}"#)
        #expect(status { try request.checkVersion(7, body: body) } == nil, "the header wins over a stale body version")
    }

    @Test(arguments: [("3", 3), ("\"3\"", 3), ("W/\"3\"", 3)])
    func ifMatchCarriesAVersion(_ header: String, _ version: Int) throws {
        let (request, body) = try request(ifMatch: header)
        #expect(status { try request.checkVersion(version, body: body) } == nil)
        #expect(status { try request.checkVersion(version + 1, body: body) } == 412)
    }

    @Test(arguments: ["", "abc", "\"3\", \"4\"", "-1"])
    func anIfMatchThatCannotHoldIs412(_ header: String) throws {
        let (request, body) = try request(ifMatch: header)
        #expect(status { try request.checkVersion(3, body: body) } == 412)
    }

    @Test(arguments: [0, 2, 9_223_372_036_854_775_807])
    func aBodyVersionThatIsNotCurrentIsStale(_ version: Int) throws {
        let (request, body) = try request(body: #"{"version": \#(version)}"#)
        #expect(status { try request.checkVersion(1, body: body) } == 409)
    }

    @Test func aBodyVersionWithAZeroFractionIsThatVersion() throws {
        let (request, body) = try request(body: #"{"version": 4.0}"#)
        #expect(status { try request.checkVersion(4, body: body) } == nil)
    }

    @Test(arguments: [#"{"version": -1}"#, #"{"version": 1.5}"#, #"{"version": "3"}"#, #"{"version": 9223372036854775808}"#])
    func aMalformedBodyVersionIs422EvenUnderIfMatch(_ text: String) throws {
        for header in [nil, "*", "1"] {
            let (request, body) = try request(ifMatch: header, body: text)
            #expect(status { try request.checkVersion(1, body: body) } == 422, "If-Match: \(header ?? "none")")
        }
    }
}
