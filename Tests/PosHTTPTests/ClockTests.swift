import PosHTTP
import Testing

@Suite("Times as the API shows them")
struct ClockTests {
    @Test func timestampsAreRFC3339UTC() {
        #expect(Clock.rfc3339(epochSeconds: 1_795_599_000) == "2026-11-25T09:30:00Z")
        #expect(Clock.databaseDateTime(fromRFC3339: "2026-11-25T09:30:00Z") == "2026-11-25 09:30:00")
        #expect(Clock.databaseDateTime(fromRFC3339: "2026-11-25") == "2026-11-25 00:00:00")
        #expect(Clock.databaseDateTime(fromRFC3339: "2026-13-25") == nil)
        #expect(Clock.databaseDateTime(fromRFC3339: "yesterday") == nil)
    }
}
