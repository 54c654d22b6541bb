import Testing
@testable import PosHTTP

@Suite("Request body validation")
struct JSONBodyTests {
    private func request(_ body: String, contentType: String = "application/json") -> HTTPRequest {
        HTTPRequest(method: "POST", path: "/x", headers: ["content-type": contentType], body: Array(body.utf8))
    }

    private func status(of error: () throws -> Void) -> Int? {
        do { try error() } catch let error as HTTPError { return error.status } catch { return -1 }
        return nil
    }

    @Test func malformedJSONIsA400() {
        #expect(status { _ = try JSONBody(request("{\"name\": ")) } == 400)
        #expect(status { _ = try JSONBody(request("[1, 2]")) } == 400)
        #expect(status { _ = try JSONBody(request("")) } == 400)
    }

    /// A number with a fraction is carried as a marker object inside the parser: as a whole
    /// body it is still not an object (schemathesis found `2.5` accepted by submit).
    @Test("A body that is not an object is a 400, a number with a fraction too",
          arguments: ["123", "2.5", "1e-89", "\"x\"", "[]", "null", "true"])
    func aBodyThatIsNotAnObjectIsA400(body: String) {
        #expect(status { _ = try JSONBody(request(body)) } == 400)
    }

    @Test func anotherContentTypeIsA415() {
        #expect(status { _ = try JSONBody(request("{}", contentType: "text/plain")) } == 415)
    }

    @Test func oversizeBodyIsA413() {
        let big = HTTPRequest(method: "POST", path: "/x", bodyTooLarge: true)
        #expect(status { _ = try JSONBody(big) } == 413)
    }

    @Test func everyInvalidFieldIsReportedAtOnce() throws {
        var body = try JSONBody(request(#"{"name": 5, "price_cents": 1.5, "tax_rate_bp": 20000, "available": "yes"}"#))
        _ = body.string("name", length: 1...100)
        _ = body.int("price_cents", range: 0...10_000_000)
        _ = body.int("tax_rate_bp", range: 0...10_000)
        _ = body.bool("available")
        _ = body.string("description", length: 0...500)
        let error = try #require(throws: HTTPError.self) { try body.finish() }
        #expect(error.status == 422)
        #expect(error.fieldErrors.map(\.field) == ["name", "price_cents", "tax_rate_bp", "available", "description"])
        #expect(error.problem["errors"]?.arrayValue?.count == 5)
    }

    @Test func nestedFieldsAreNamedByPath() throws {
        var body = try JSONBody(request(#"{"groups": [{"name": "Size"}, {"name": ""}, 3]}"#))
        for var group in body.objects("groups", maxCount: 10) ?? [] {
            _ = group.string("name", length: 1...100)
            body.merge(group)
        }
        let error = try #require(throws: HTTPError.self) { try body.finish() }
        #expect(Set(error.fieldErrors.map(\.field)) == ["groups[2]", "groups[1].name"])
    }

    @Test func patchDistinguishesAbsentNullAndValue() throws {
        var body = try JSONBody(request(#"{"stock": null, "position": 3}"#))
        guard case .null = body.nullableInt("stock", range: 0...10) else { Issue.record("stock should be null"); return }
        guard case .value(3) = body.nullableInt("position", range: 0...10) else { Issue.record("position should be 3"); return }
        guard case .absent = body.nullableInt("missing", range: 0...10) else { Issue.record("missing should be absent"); return }
        try body.finish()
    }

    @Test func stringsAreTrimmedAndLengthChecked() throws {
        var body = try JSONBody(request(#"{"name": "  Latte  ", "code": "ab$"}"#))
        #expect(body.string("name", length: 1...5) == "Latte")
        #expect(body.string("code", length: 1...5, allowed: Set("abc")) == nil)
        #expect(body.errors.map(\.field) == ["code"])
    }

    /// The OpenAPI document's minLength/maxLength count code points (JSON Schema): "e" + U+0301
    /// four times is 8 code points (4 characters on screen) and fits a password of 8 to 256.
    @Test func lengthsCountCodePointsAsTheDocumentDoes() throws {
        let eightCodePoints = String(repeating: "e\u{301}", count: 4)
        let tooLong = String(repeating: "e\u{301}", count: 129)
        var body = try JSONBody(request(#"{"password": "\#(eightCodePoints)", "long": "\#(tooLong)", "short": "e\u0301"}"#))
        #expect(body.string("password", length: 8...256, rule: .secret, trim: false) == eightCodePoints)
        #expect(body.string("long", length: 8...256, rule: .secret, trim: false) == nil)
        #expect(body.string("short", length: 3...64) == nil)
        #expect(body.errors.map(\.field) == ["long", "short"])
    }
}
