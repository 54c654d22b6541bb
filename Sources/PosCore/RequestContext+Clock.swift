import PosHTTP
import PosMoney

extension RequestContext {
    /// The test-only header that sets a request's clock (`POS_ENABLE_TEST_HOOKS=1` only).
    public static let testClockHeader = "X-Pos-Test-Now"

    /// The moment a request's writes are stamped with (business dates, the order's local hour):
    /// the wall clock; with test hooks on, the epoch seconds of an `X-Pos-Test-Now` header
    /// when it holds a whole number from 1 to 2^33 (so a test can ring up a day of its own,
    /// past midnight included, without waiting for it). Stored `created_at` times stay real.
    public func nowEpochSeconds(_ request: HTTPRequest) -> Int {
        if environment.testHooks, let text = request.header(Self.testClockHeader), let value = Int(text),
           (1...(1 << 33)).contains(value) {
            return value
        }
        return Clock.nowEpochSeconds()
    }
}

extension RequestContext {
    /// `YYYY-MM-DD` of the business day a request's writes belong to (`nowEpochSeconds`):
    /// stored with every order, payment, refund, shift and cash movement when it is written.
    public func businessDate(_ request: HTTPRequest) -> String {
        environment.businessDay.date(atEpochSeconds: nowEpochSeconds(request))
    }
}
