import Foundation
import ParkDomain
import Vapor

/// A request as GeoReport v2 shows it. The park works in Shanghai time, so datetimes carry
/// +08:00; the expected datetime is the end of the current deadline's working day.
struct Open311Request: Open311Record {
    var request: ServiceRequest
    var service: String
    var agency: String

    init(_ request: ServiceRequest, service: String, agency: String) {
        self.request = request; self.service = service; self.agency = agency
    }

    static func datetime(_ ms: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    var fields: [(String, Open311Value)] {
        let r = request
        return [
            ("service_request_id", .text(r.reference)),
            ("status", .text(r.state == .closed ? "closed" : "open")),
            ("status_notes", .text(r.state.label.en)),
            ("service_name", .text(service)),
            ("service_code", .text(r.categoryCode)),
            ("description", .text(r.title == r.description ? r.description : "\(r.title)\n\n\(r.description)")),
            ("agency_responsible", .text(agency)),
            ("service_notice", .text(nil)),
            ("requested_datetime", .text(Self.datetime(r.createdAtMillis))),
            ("updated_datetime", .text(Self.datetime(r.updatedAtMillis ?? r.createdAtMillis))),
            ("expected_datetime", .text(r.dueOn.map { $0.iso + "T18:00:00+08:00" })),
            // Requests are about an enterprise, not a place on a map: no address or coordinates.
            ("address", .text(nil)), ("address_id", .text(nil)), ("zipcode", .text(nil)),
            ("lat", .text(nil)), ("long", .text(nil)), ("media_url", .text(nil)),
        ]
    }
}

/// The filters of GET `requests.json`, read and checked (a bad value is refused naming it).
struct Open311Query: Equatable {
    var numbers: [Int]?
    var serviceCodes: [String]?
    var statuses: Set<String>
    var fromMillis: Int64?
    var beforeMillis: Int64?

    /// GeoReport's default window when neither date is given.
    static let defaultWindowDays = 90

    /// "SR-000123" → 123.
    static func number(_ reference: String) -> Int? {
        guard reference.hasPrefix("SR-"), let n = Int(reference.dropFirst(3)), n > 0, n < 1_000_000_000 else { return nil }
        return n
    }

    static func list(_ raw: String?) -> [String]? {
        guard let raw else { return nil }
        let items = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }

    /// A w3 datetime ("2026-02-11T10:00:00+08:00", with or without fractional seconds) or a
    /// day ("2026-02-11", from midnight in Shanghai).
    static func instant(_ raw: String, field: String) throws -> Date {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: raw) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: raw) { return d }
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        if let d = f.date(from: raw) { return d }
        throw Open311Routes.Problem(status: .badRequest, field: field, description: "\(field) is not a w3 datetime (2026-02-11T10:00:00+08:00)")
    }

    static func parse(_ req: Request, now: Date) throws -> Open311Query {
        func param(_ name: String) -> String? { req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        var q = Open311Query(statuses: [])
        if let refs = list(param("service_request_id")) {
            guard refs.count <= PageRequest.maxPerPage else {
                throw Open311Routes.Problem(status: .badRequest, field: "service_request_id", description: "at most \(PageRequest.maxPerPage) ids")
            }
            q.numbers = try refs.map { ref in
                guard let n = number(ref) else {
                    throw Open311Routes.Problem(status: .badRequest, field: "service_request_id", description: "\(ref) is not a request id (SR-000123)")
                }
                return n
            }
            return q
        }
        q.serviceCodes = list(param("service_code"))
        q.statuses = Set(list(param("status")) ?? [])
        guard q.statuses.isSubset(of: ["open", "closed"]) else {
            throw Open311Routes.Problem(status: .badRequest, field: "status", description: "status is open, closed or both")
        }
        let start = try param("start_date").map { try instant($0, field: "start_date") }
        let end = try param("end_date").map { try instant($0, field: "end_date") }
        if let start, let end, start > end {
            throw Open311Routes.Problem(status: .badRequest, field: "end_date", description: "end_date is before start_date")
        }
        func ms(_ d: Date) -> Int64 { Int64((d.timeIntervalSince1970 * 1000).rounded()) }
        if start == nil && end == nil {
            q.fromMillis = ms(now.addingTimeInterval(-Double(defaultWindowDays) * 86_400))
        } else {
            q.fromMillis = start.map(ms)
            q.beforeMillis = end.map(ms)
        }
        return q
    }
}
