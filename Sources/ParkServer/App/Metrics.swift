import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Request counters and timings in the Prometheus text format, kept in-process (no extra
/// dependency: the format is a few lines of text).
public final class ParkMetrics: Sendable {
    private struct Key: Hashable { var method: String; var status: UInt }
    private struct State { var counts: [Key: Int] = [:]; var seconds: Double = 0; var requests = 0 }
    private let state = NIOLockedValueBox(State())
    public init() {}

    func record(method: String, status: UInt, seconds: Double) {
        state.withLockedValue { s in
            s.counts[Key(method: method, status: status), default: 0] += 1
            s.seconds += seconds
            s.requests += 1
        }
    }

    /// The exposition text, with gauges supplied by the caller (e.g. row counts).
    public func render(gauges: [(name: String, help: String, value: Int)]) -> String {
        let s = state.withLockedValue { $0 }
        var out = "# HELP parkos_http_requests_total HTTP requests answered, by method and status.\n"
        out += "# TYPE parkos_http_requests_total counter\n"
        for (k, v) in s.counts.sorted(by: { ($0.key.method, $0.key.status) < ($1.key.method, $1.key.status) }) {
            out += "parkos_http_requests_total{method=\"\(k.method)\",status=\"\(k.status)\"} \(v)\n"
        }
        out += "# HELP parkos_http_request_duration_seconds Time spent answering HTTP requests.\n"
        out += "# TYPE parkos_http_request_duration_seconds summary\n"
        out += "parkos_http_request_duration_seconds_sum \(String(format: "%.6f", s.seconds))\n"
        out += "parkos_http_request_duration_seconds_count \(s.requests)\n"
        for g in gauges {
            out += "# HELP \(g.name) \(g.help)\n# TYPE \(g.name) gauge\n\(g.name) \(g.value)\n"
        }
        return out
    }
}

struct MetricsMiddleware: AsyncMiddleware {
    let metrics: ParkMetrics
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next.respond(to: request)
        let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        metrics.record(method: request.method.rawValue, status: response.status.code, seconds: secs)
        return response
    }
}
