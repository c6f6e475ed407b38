import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// A grade as recorded, with who recorded it and when.
public struct CountryRiskRecord: Sendable {
    public var risk: CountryRisk
    public var recordedBy: String
    public var recordedAtMillis: Int64
}

/// An officer's note on a country.
public struct CountryRiskNote: Sendable, Hashable {
    public var id: UUID
    public var countryCode: String
    public var text: String
    public var author: String
    public var createdAtMillis: Int64
}

/// An alert with how many firms were told and how many have read it.
public struct OutboundAlertRow: Sendable {
    public var alert: RiskAlert
    public var publishedBy: String
    public var recipients: Int
    public var read: Int
    /// For a firm's own list: when it read the alert.
    public var readAtMillis: Int64?
}

/// One firm told of an alert, and whether it has read it.
public struct OutboundDeliveryRow: Sendable {
    public var enterpriseID: UUID
    public var enterpriseName: Bilingual
    public var deliveredAtMillis: Int64
    public var readAtMillis: Int64?
    public var readBy: String?
}

/// A service-log entry with the number of firms it served.
public struct OutboundServiceRow: Sendable {
    public var event: ServiceEvent
    public var firms: Int
    public init(event: ServiceEvent, firms: Int) { self.event = event; self.firms = firms }
}

/// Country risk, alerts and the service log: reads in SQL, paged where they grow.
public struct OutboundRiskRepository: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { get throws { try OutboundRows.requireSQL(db) } }

    static func risk(_ r: any SQLRow) throws -> CountryRisk {
        CountryRisk(countryCode: try r.decode(column: "country_code", as: String.self), grade: try r.decode(column: "grade", as: Int.self),
                    political: try r.decode(column: "political", as: Int.self), economic: try r.decode(column: "economic", as: Int.self),
                    businessEnvironment: try r.decode(column: "business_environment", as: Int.self),
                    legal: try r.decode(column: "legal", as: Int.self), sourceYear: try r.decode(column: "source_year", as: Int.self))
    }

    /// The current grade of every graded country (at most one row per country).
    public func currentRisks() async throws -> [CountryRisk] {
        try await sql.raw("SELECT * FROM country_risks ORDER BY country_code").all().map(Self.risk)
    }

    public func currentRisk(_ country: String) async throws -> CountryRisk? {
        try await sql.raw("SELECT * FROM country_risks WHERE country_code = \(bind: country)").first().map(Self.risk)
    }

    /// Every grade recorded for a country, newest first.
    public func history(_ country: String, limit: Int = 50) async throws -> [CountryRiskRecord] {
        try await sql.raw("""
            SELECT * FROM country_risk_history WHERE country_code = \(bind: country)
            ORDER BY source_year DESC, recorded_at_ms DESC LIMIT \(literal: limit)
            """).all().map {
            CountryRiskRecord(risk: try Self.risk($0), recordedBy: try $0.decode(column: "recorded_by", as: String.self),
                              recordedAtMillis: try $0.decode(column: "recorded_at_ms", as: Int64.self))
        }
    }

    public func notes(_ country: String, limit: Int = 50) async throws -> [CountryRiskNote] {
        try await sql.raw("""
            SELECT * FROM country_risk_notes WHERE country_code = \(bind: country) ORDER BY created_at_ms DESC LIMIT \(literal: limit)
            """).all().map {
            CountryRiskNote(id: try $0.decode(column: "id", as: UUID.self), countryCode: country, text: try $0.decode(column: "text", as: String.self),
                            author: try $0.decode(column: "author", as: String.self), createdAtMillis: try $0.decode(column: "created_at_ms", as: Int64.self))
        }
    }

    static func alert(_ r: any SQLRow) throws -> RiskAlert {
        RiskAlert(id: try r.decode(column: "id", as: UUID.self),
                  scope: AlertScope(countryCode: try r.decode(column: "country_code", as: String?.self),
                                    industryCode: try r.decode(column: "industry_code", as: String?.self)),
                  // `title`/`body` hold the Chinese; alerts stored before the English columns read the same in both.
                  title: Bilingual(zh: try r.decode(column: "title", as: String.self),
                                   en: try r.decode(column: "title_en", as: String?.self) ?? r.decode(column: "title", as: String.self)),
                  body: Bilingual(zh: try r.decode(column: "body", as: String.self),
                                  en: try r.decode(column: "body_en", as: String?.self) ?? r.decode(column: "body", as: String.self)),
                  cause: AlertCause(rawValue: try r.decode(column: "cause", as: String.self)) ?? .officer,
                  publishedOn: LocalDate(iso: try r.decode(column: "published_on", as: String.self)) ?? LocalDate(year: 2000, month: 1, day: 1)!)
    }

    /// Alerts newest first, with their receipts; for one country when `country` is set.
    public func alerts(country: String? = nil, page: Int = 1, perPage: Int = 20) async throws -> Page<OutboundAlertRow> {
        let p = try PageRequest(page: page, perPage: perPage)
        var w = SQLQueryString("1 = 1")
        if let country { w.appendInterpolation(unsafeRaw: " AND a.country_code = "); w.appendInterpolation(bind: country) }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM outbound_alerts a WHERE \(w)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT a.*, (SELECT COUNT(*) FROM outbound_alert_deliveries d WHERE d.alert_id = a.id AND d.read_at_ms IS NOT NULL) AS read_count
            FROM outbound_alerts a WHERE \(w) ORDER BY a.created_at_ms DESC, a.id LIMIT \(literal: p.perPage) OFFSET \(literal: p.offset)
            """).all()
        return Page(items: try rows.map {
            OutboundAlertRow(alert: try Self.alert($0), publishedBy: try $0.decode(column: "published_by", as: String.self),
                             recipients: try $0.decode(column: "recipients", as: Int.self), read: try $0.decode(column: "read_count", as: Int.self),
                             readAtMillis: nil)
        }, total: total, page: p.page, perPage: p.perPage)
    }

    public func alert(_ id: UUID) async throws -> OutboundAlertRow? {
        guard let r = try await sql.raw("""
            SELECT a.*, (SELECT COUNT(*) FROM outbound_alert_deliveries d WHERE d.alert_id = a.id AND d.read_at_ms IS NOT NULL) AS read_count
            FROM outbound_alerts a WHERE a.id = \(bind: id)
            """).first() else { return nil }
        return OutboundAlertRow(alert: try Self.alert(r), publishedBy: try r.decode(column: "published_by", as: String.self),
                                recipients: try r.decode(column: "recipients", as: Int.self), read: try r.decode(column: "read_count", as: Int.self),
                                readAtMillis: nil)
    }

    /// The alerts delivered to one firm, newest first, with when it read each.
    public func alerts(for enterpriseID: UUID, page: Int = 1, perPage: Int = 20) async throws -> Page<OutboundAlertRow> {
        let p = try PageRequest(page: page, perPage: perPage)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM outbound_alert_deliveries WHERE enterprise_id = \(bind: enterpriseID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT a.*, d.read_at_ms FROM outbound_alert_deliveries d JOIN outbound_alerts a ON a.id = d.alert_id
            WHERE d.enterprise_id = \(bind: enterpriseID) ORDER BY a.created_at_ms DESC, a.id LIMIT \(literal: p.perPage) OFFSET \(literal: p.offset)
            """).all()
        return Page(items: try rows.map {
            OutboundAlertRow(alert: try Self.alert($0), publishedBy: try $0.decode(column: "published_by", as: String.self),
                             recipients: try $0.decode(column: "recipients", as: Int.self), read: 0,
                             readAtMillis: try $0.decode(column: "read_at_ms", as: Int64?.self))
        }, total: total, page: p.page, perPage: p.perPage)
    }

    /// Who was told of an alert and who has read it, unread first.
    public func deliveries(alertID: UUID, page: Int = 1, perPage: Int = 50) async throws -> Page<OutboundDeliveryRow> {
        let p = try PageRequest(page: page, perPage: perPage)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM outbound_alert_deliveries WHERE alert_id = \(bind: alertID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT d.enterprise_id, d.delivered_at_ms, d.read_at_ms, d.read_by, e.name_zh, e.name_en
            FROM outbound_alert_deliveries d JOIN enterprises e ON e.id = d.enterprise_id WHERE d.alert_id = \(bind: alertID)
            ORDER BY (d.read_at_ms IS NOT NULL), e.name_zh, d.enterprise_id LIMIT \(literal: p.perPage) OFFSET \(literal: p.offset)
            """).all()
        return Page(items: try rows.map {
            OutboundDeliveryRow(enterpriseID: try $0.decode(column: "enterprise_id", as: UUID.self), enterpriseName: try OutboundRepository.names($0),
                                deliveredAtMillis: try $0.decode(column: "delivered_at_ms", as: Int64.self),
                                readAtMillis: try $0.decode(column: "read_at_ms", as: Int64?.self), readBy: try $0.decode(column: "read_by", as: String?.self))
        }, total: total, page: p.page, perPage: p.perPage)
    }

    /// The service log, newest first.
    public func services(page: Int = 1, perPage: Int = 50, enterpriseID: UUID? = nil) async throws -> Page<OutboundServiceRow> {
        let p = try PageRequest(page: page, perPage: perPage)
        var w = SQLQueryString("1 = 1")
        if let e = enterpriseID {
            w.appendInterpolation(unsafeRaw: " AND s.id IN (SELECT service_id FROM outbound_service_firms WHERE enterprise_id = ")
            w.appendInterpolation(bind: e); w.appendInterpolation(unsafeRaw: ")")
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM outbound_services s WHERE \(w)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT s.* FROM outbound_services s WHERE \(w) ORDER BY s.date DESC, s.id LIMIT \(literal: p.perPage) OFFSET \(literal: p.offset)
            """).all()
        return Page(items: try rows.map { r in
            let e = ServiceEvent(id: try r.decode(column: "id", as: UUID.self), kind: ServiceKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .consultation,
                                 date: LocalDate(iso: try r.decode(column: "date", as: String.self)) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                                 topic: try r.decode(column: "topic", as: String.self), platform: try r.decode(column: "platform", as: String.self),
                                 countryCode: try r.decode(column: "country_code", as: String?.self), enterpriseIDs: [])
            return OutboundServiceRow(event: e, firms: try r.decode(column: "firms", as: Int.self))
        }, total: total, page: p.page, perPage: p.perPage)
    }
}
