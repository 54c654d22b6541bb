import FastCGI
import MariaDB
import Testing
@testable import PosCore
import PosHTTP

@Suite("Requests from the gateway")
struct GatewayRequestTests {
    @Test func identityComesOnlyFromGatewayParameters() {
        let spoofed = HTTPRequest(fastCGI: FastCGIRequest(params: [
            "REQUEST_METHOD": "GET", "DOCUMENT_URI": "/api/staff",
            "HTTP_X_POS_STAFF_ID": "1", "HTTP_X_POS_STAFF_ROLE": "admin", "HTTP_X_POS_STAFF_USERNAME": "admin",
        ], body: []))
        #expect(spoofed.identity == nil)
        #expect(throws: HTTPError.self) { try spoofed.require(Role.managers) }

        let real = HTTPRequest(fastCGI: FastCGIRequest(params: [
            "REQUEST_METHOD": "GET", "DOCUMENT_URI": "/api/staff",
            "POS_STAFF_ID": "7", "POS_STAFF_ROLE": "cashier", "POS_STAFF_USERNAME": "kim",
        ], body: []))
        #expect(real.identity == Identity(staffID: 7, username: "kim", role: .cashier))
        let forbidden = #expect(throws: HTTPError.self) { try real.require(Role.managers) }
        #expect(forbidden?.status == 403)
    }

    @Test func queryStringIsPercentDecoded() {
        let request = HTTPRequest(fastCGI: FastCGIRequest(params: ["QUERY_STRING": "since=2026-11-25T09%3A30%3A00Z&type=a+b"], body: []))
        #expect(request.query == ["since": "2026-11-25T09:30:00Z", "type": "a b"])
    }
}

@Suite("Errors a client sees")
struct ErrorMappingTests {
    @Test func anUnreachableDatabaseIs503WithRetryAfter() {
        for code in [2002, 2003, 2006, 2013, DatabaseError.deadlock, DatabaseError.commitOutcomeUnknown] {
            let problem = RequestDispatcher.problem(for: DatabaseError(function: "connect", code: code, message: "no"))
            #expect(problem.status == 503, "code \(code)")
            #expect(problem.headers.contains { $0.name == "Retry-After" })
        }
    }

    @Test func anythingElseIsABare500WithoutDetails() {
        let problem = RequestDispatcher.problem(for: DatabaseError(function: "q", code: 1064, message: "syntax near 'secret'"))
        #expect(problem.status == 500)
        #expect(!problem.detail.contains("secret"))
    }

    @Test func httpErrorsPassThrough() {
        #expect(RequestDispatcher.problem(for: HTTPError.conflict("sold out")).status == 409)
    }
}
