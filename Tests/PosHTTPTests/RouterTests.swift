import Testing
@testable import PosHTTP

@Suite("Router")
struct RouterTests {
    private func router() -> HTTPRouter<Void> {
        var router = HTTPRouter<Void>()
        router.get("/api/menu") { _, _ in .text("menu") }
        router.get("/api/menu/items/:id") { request, _ in .text("item \(try request.id())") }
        router.patch("/api/menu/items/:id") { _, _ in .text("patched") }
        return router
    }

    @Test func matchesLiteralAndParameterisedPaths() throws {
        let (_, matched) = try router().match(HTTPRequest(method: "GET", path: "/api/menu/items/42"))
        #expect(matched.pathParameters == ["id": "42"])
        #expect(try matched.id() == 42)
    }

    @Test func unknownPathIsRouteNotFound() {
        let error = #expect(throws: HTTPError.self) { try router().match(HTTPRequest(method: "GET", path: "/api/menu/nope")) }
        #expect(error?.status == 404)
        #expect(error?.slug == "route-not-found")
    }

    @Test func wrongMethodIs405WithAllow() {
        let error = #expect(throws: HTTPError.self) { try router().match(HTTPRequest(method: "DELETE", path: "/api/menu/items/1")) }
        #expect(error?.status == 405)
        #expect(error?.headers.first { $0.name == "Allow" }?.value == "GET, HEAD, PATCH")
    }

    @Test("A fixed path is never taken for a parameter: PATCH /items/featured is 405, not item \"featured\"")
    func literalSegmentsWinOverParameters() throws {
        var router = router()
        router.get("/api/menu/items/featured") { _, _ in .text("featured") }

        let (_, matched) = try router.match(HTTPRequest(method: "GET", path: "/api/menu/items/featured"))
        let error = #expect(throws: HTTPError.self) { try router.match(HTTPRequest(method: "PATCH", path: "/api/menu/items/featured")) }

        #expect(matched.pathParameters.isEmpty, "the literal route, not /items/:id")
        #expect(error?.status == 405)
        #expect(error?.headers.first { $0.name == "Allow" }?.value == "GET, HEAD")
    }

    @Test(arguments: ["abc", "0", "-1", "1.5", "99999999999999999999"])
    func nonNumericIdsAreNotFound(_ id: String) throws {
        let (_, matched) = try router().match(HTTPRequest(method: "GET", path: "/api/menu/items/\(id)"))
        let error = #expect(throws: HTTPError.self) { try matched.id() }
        #expect(error?.status == 404)
    }

    @Test func headIsServedByGet() throws {
        let (_, matched) = try router().match(HTTPRequest(method: "HEAD", path: "/api/menu"))
        #expect(matched.method == "HEAD")
        let error = #expect(throws: HTTPError.self) { try router().match(HTTPRequest(method: "HEAD", path: "/api/nope")) }
        #expect(error?.status == 404)
    }
}
