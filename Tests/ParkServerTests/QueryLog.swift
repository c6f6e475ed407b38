import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// The SQL one request sent, read from the database drivers' own query log ("Executing query"
/// with the statement in its `sql` metadata, logged at the level the store configures), so a
/// test judges what a page does to the database without timing anything.
final class QueryLog: Sendable {
    private let box = NIOLockedValueBox<[String]>([])

    func record(_ sql: String) { box.withLockedValue { $0.append(sql) } }
    func take() -> [String] { box.withLockedValue { let all = $0; $0 = []; return all } }

    /// Routes every request's logger (and so every database handle taken from the request) to
    /// this log. Installed first, so the session lookup counts too.
    struct Middleware: AsyncMiddleware {
        let log: QueryLog
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let log = self.log
            var logger = Logger(label: "parkos.query-log") { _ in Handler(log: log) }
            logger.logLevel = .trace
            request.logger = logger
            return try await next.respond(to: request)
        }
    }

    struct Handler: LogHandler {
        let log: QueryLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message.description == "Executing query", case .string(let sql)? = event.metadata?["sql"] else { return }
            log.record(sql)
        }
    }
}

/// Judges one statement against the scale rule (DESIGN.md): a table that grows with the park is
/// never read whole. A read of such a table is fine when it is limited (`LIMIT`), aggregated
/// (`COUNT`, `SUM`, `GROUP BY`, `DISTINCT`, …), or narrowed by equality on a key that picks one
/// record or one enterprise's records (`id = ?`, `enterprise_id = ?`, …). Tables are growing unless
/// listed as small: a new module's tables are covered without editing this.
enum ScaleRule {
    /// Tables whose size does not grow with the park (reference data, configuration, one row per
    /// user or per year), each with the reason it stays small.
    static let smallTables: [String: String] = [
        "clusters": "reference data", "departments": "reference data", "industry_sections": "reference data",
        "industry_divisions": "reference data", "countries": "reference data (ISO 3166)", "calendar_days": "the holiday calendar",
        "users": "one row per account", "sessions": "read by token hash", "login_throttle": "read by key",
        "audit_head": "one row", "_fluent_migrations": "one row per migration", "assessment_rulesets": "versions of one ruleset",
        "permu_schemes": "scheme versions", "permu_runs": "a few runs a year", "policies": "policy versions",
        "policy_runs": "a few runs a year", "land_uses": "reference data",
        "fdi_recognition_rules": "a few headquarters recognition rule sets",
        "outbound_rule_sets": "versions of the filings rules", "outbound_belt_and_road": "a country list",
        "country_risks": "one row per country",
        "indicators": "the indicator catalogue", "indicator_values": "one row per indicator, month and correction",
        "indicator_targets": "one row per indicator and year",
        "service_categories": "the service catalogue (a few dozen categories)",
    ]

    /// Columns whose equality picks one record or one enterprise's (or lease's, parcel's …) own
    /// records, which do not grow with the park.
    static let narrowingColumns: [String] = [
        "id", "enterprise_id", "lease_id", "parcel_id", "user_id", "token_hash", "entity_id", "credit_code", "unit_key",
        "request_id",
    ]

    static let aggregates = ["count(", "sum(", "avg(", "min(", "max(", "group by", "distinct", "exists("]

    /// The tables a statement reads (after FROM or JOIN), unquoted and lower-cased.
    static func tables(_ sql: String) -> [String] {
        let s = sql.lowercased()
        var out: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?"#)
        for m in pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            if let r = Range(m.range(at: 1), in: s) { out.append(String(s[r])) }
        }
        return out
    }

    /// Why the statement breaks the rule, or nil when it keeps it.
    static func violation(_ sql: String) -> String? {
        let s = sql.lowercased()
        guard s.hasPrefix("select") || s.hasPrefix("with") else { return nil }
        let growing = tables(s).filter { smallTables[$0] == nil }
        guard !growing.isEmpty else { return nil }
        if s.range(of: #"\blimit\s+(\d+|\$\d+|\?)"#, options: .regularExpression) != nil { return nil }
        if aggregates.contains(where: { s.contains($0) }) { return nil }
        let keys = narrowingColumns.joined(separator: "|")
        // A key compared with a bound value (not a join condition between two columns).
        let narrowed = #"(?:^|[\s(.,])"?(?:\#(keys))"?\s*(?:=\s*(?:\$\d+|\?\d*|'[^']*'|\d+)|in\s*\()"#
        if s.range(of: narrowed, options: .regularExpression) != nil { return nil }
        return "reads \(growing.joined(separator: ", ")) whole (no LIMIT, aggregate or key)"
    }
}
