import Foundation
import Testing
@testable import FastCGI
#if canImport(Glibc)
import Glibc
#endif

@Suite("A pool's metrics add up across its processes")
struct MetricsSnapshotsTests {
    static let workerA = """
        # TYPE pos_http_requests_total counter
        pos_http_requests_total{service="menu",route="/api/menu",method="GET",status="200"} 3
        # TYPE pos_http_request_duration_seconds histogram
        pos_http_request_duration_seconds_bucket{service="menu",route="/api/menu",method="GET",le="0.005"} 2
        pos_http_request_duration_seconds_bucket{service="menu",route="/api/menu",method="GET",le="+Inf"} 3
        pos_http_request_duration_seconds_sum{service="menu",route="/api/menu",method="GET"} 0.012
        pos_http_request_duration_seconds_count{service="menu",route="/api/menu",method="GET"} 3
        # TYPE pos_http_in_flight gauge
        pos_http_in_flight{service="menu"} 1

        """
    static let workerB = """
        # TYPE pos_http_requests_total counter
        pos_http_requests_total{service="menu",route="/api/menu",method="GET",status="200"} 4
        pos_http_requests_total{service="menu",route="/api/menu",method="GET",status="304"} 1
        # TYPE pos_http_request_duration_seconds histogram
        pos_http_request_duration_seconds_bucket{service="menu",route="/api/menu",method="GET",le="0.005"} 5
        pos_http_request_duration_seconds_bucket{service="menu",route="/api/menu",method="GET",le="+Inf"} 5
        pos_http_request_duration_seconds_sum{service="menu",route="/api/menu",method="GET"} 0.01
        pos_http_request_duration_seconds_count{service="menu",route="/api/menu",method="GET"} 5
        # TYPE pos_http_in_flight gauge
        pos_http_in_flight{service="menu"} 2

        """

    @Test("Two workers' exposition texts sum per series, each family once under its TYPE line")
    func sumOfTwoTexts() {
        var sum = PrometheusText()
        sum.add(Self.workerA)
        sum.add(Self.workerB)
        let text = sum.rendered()

        #expect(sum.value(#"pos_http_requests_total{service="menu",route="/api/menu",method="GET",status="200"}"#) == 7)
        #expect(sum.value(#"pos_http_request_duration_seconds_count{service="menu",route="/api/menu",method="GET"}"#) == 8)
        #expect(sum.value(#"pos_http_request_duration_seconds_sum{service="menu",route="/api/menu",method="GET"}"#) == 0.022)
        #expect(sum.value(#"pos_http_in_flight{service="menu"}"#) == 3)
        #expect(text.components(separatedBy: "# TYPE pos_http_requests_total counter").count == 2)
        // The 304 series, seen only in the second text, stays inside its family.
        let lines = text.split(separator: "\n")
        let counterEnd = lines.firstIndex { $0.hasPrefix("# TYPE pos_http_request_duration_seconds") }!
        #expect(lines[..<counterEnd].contains { $0.contains(#"status="304""#) })
    }

    @Test("A reaped worker's counters move to retired.prom, its gauges go; the scrape's sum stays the same")
    func retiredWorkerKeepsItsCounts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let snapshots = MetricsSnapshots(directory: directory)
        try snapshots.prepare()
        snapshots.write(Array(Self.workerA.utf8), as: MetricsSnapshots.workerFile(101))
        snapshots.write(Array(Self.workerB.utf8), as: MetricsSnapshots.workerFile(102))
        let series = #"pos_http_requests_total{service="menu",route="/api/menu",method="GET",status="200"}"#

        var before = PrometheusText()
        before.add(snapshots.aggregate())
        snapshots.retire(pid: 101)
        var after = PrometheusText()
        after.add(snapshots.aggregate())

        #expect(before.value(series) == 7)
        #expect(after.value(series) == 7)
        #expect(after.value(#"pos_http_in_flight{service="menu"}"#) == 2, "only the live worker's gauge")
        #expect(access(directory + "/" + MetricsSnapshots.workerFile(101), F_OK) != 0)
        // A new manager starts from zero.
        try snapshots.prepare()
        #expect(snapshots.aggregate().isEmpty)
    }
}
