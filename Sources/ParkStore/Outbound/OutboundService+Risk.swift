import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension OutboundService {
    /// Publishes a new version of the checker's rules (administrators): checked, numbered after
    /// the last version of its name, in force from its `effectiveFrom`.
    public func publishRules(_ rules: FilingRuleSet, by p: Principal) async throws -> FilingRuleSet {
        try p.requireAdmin()
        let catalog = try await ReferenceRepository(db: db).catalog()
        try rules.validate(countries: catalog.countries, industries: catalog.industryDivisions)
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let sql = try OutboundRows.requireSQL(tx)
            let last = try await sql.raw("SELECT MAX(version) AS v FROM outbound_rule_sets WHERE name = \(bind: rules.name)").first()?
                .decode(column: "v", as: Int?.self) ?? 0
            var published = rules
            published.version = last + 1
            let m = OutboundRuleSetModel()
            m.id = UUID(); m.name = published.name; m.version = published.version; m.effectiveFrom = published.effectiveFrom.iso
            m.document = OutboundJSON.encode(published); m.createdBy = p.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "publish", entityType: "outbound_rules",
                                                            entityID: "\(published.name) v\(published.version)", before: Optional<FilingRuleSet>.none, after: published)
            return published
        }
    }

    /// Records a country's grade (staff): the history keeps every grade; when it is worse than
    /// the current one, an alert goes to every firm with a live project there. Returns the alert.
    @discardableResult
    public func recordRisk(_ risk: CountryRisk, by p: Principal) async throws -> OutboundAlertRow? {
        try p.requireStaff()
        try risk.validate(countries: try await ReferenceRepository(db: db).catalog().countries, today: today)
        let before = try await risks.currentRisk(risk.countryCode)
        let alert = risk.worsens(before) ? RiskAlert.downgrade(from: before!, to: risk, on: today) : nil
        let clock = self.clock
        let alertID: UUID? = try await WriteGate.write(db) { tx in
            try await Self.storeRisk(risk, before: before, by: p, on: tx, clock: clock)
            guard let alert else { return nil }
            return try await Self.publish(alert, by: p, on: tx, clock: clock)
        }
        guard let alertID else { return nil }
        return try await risks.alert(alertID)
    }

    static func storeRisk(_ risk: CountryRisk, before: CountryRisk?, by p: Principal, on tx: any Database, clock: ParkClock) async throws {
        let sql = try OutboundRows.requireSQL(tx)
        let millis = clock.millis
        if before == nil || risk.sourceYear >= before!.sourceYear {
            if before == nil {
                try await sql.raw("""
                    INSERT INTO country_risks (country_code, grade, political, economic, business_environment, legal, source_year, updated_at_ms)
                    VALUES (\(bind: risk.countryCode), \(bind: risk.grade), \(bind: risk.political), \(bind: risk.economic),
                    \(bind: risk.businessEnvironment), \(bind: risk.legal), \(bind: risk.sourceYear), \(bind: millis))
                    """).run()
            } else {
                try await sql.raw("""
                    UPDATE country_risks SET grade = \(bind: risk.grade), political = \(bind: risk.political), economic = \(bind: risk.economic),
                    business_environment = \(bind: risk.businessEnvironment), legal = \(bind: risk.legal), source_year = \(bind: risk.sourceYear),
                    updated_at_ms = \(bind: millis) WHERE country_code = \(bind: risk.countryCode)
                    """).run()
            }
        }
        try await sql.raw("""
            INSERT INTO country_risk_history (id, country_code, grade, political, economic, business_environment, legal, source_year, recorded_by, recorded_at_ms)
            VALUES (\(bind: UUID()), \(bind: risk.countryCode), \(bind: risk.grade), \(bind: risk.political), \(bind: risk.economic),
            \(bind: risk.businessEnvironment), \(bind: risk.legal), \(bind: risk.sourceYear), \(bind: p.name), \(bind: millis))
            """).run()
        try await AuditLog(db: tx, clock: clock).append(by: p, action: "grade", entityType: "country_risk", entityID: risk.countryCode,
                                                        before: before, after: risk)
    }

    /// Stores an alert and delivers it, in one statement, to every firm with a live project in
    /// its country (and industry, when it names one). Returns its id.
    static func publish(_ alert: RiskAlert, by p: Principal, on tx: any Database, clock: ParkClock) async throws -> UUID {
        let sql = try OutboundRows.requireSQL(tx)
        let id = UUID(), millis = clock.millis
        try await sql.raw("""
            INSERT INTO outbound_alerts (id, country_code, industry_code, title, title_en, body, body_en, cause, published_on, published_by, recipients, created_at_ms)
            VALUES (\(bind: id), \(bind: alert.scope.countryCode), \(bind: alert.scope.industryCode), \(bind: alert.title.zh), \(bind: alert.title.en),
            \(bind: alert.body.zh), \(bind: alert.body.en),
            \(bind: alert.cause.rawValue), \(bind: alert.publishedOn.iso), \(bind: p.name), 0, \(bind: millis))
            """).run()
        let postgres = sql.dialect.name != "sqlite"
        var q = SQLQueryString("INSERT INTO outbound_alert_deliveries (alert_id, enterprise_id, delivered_at_ms) SELECT DISTINCT ")
        if postgres { q.appendInterpolation(unsafeRaw: "CAST(") }
        q.appendInterpolation(bind: id)
        q.appendInterpolation(unsafeRaw: postgres ? " AS UUID), enterprise_id, CAST(" : ", enterprise_id, CAST(")
        q.appendInterpolation(bind: millis)
        q.appendInterpolation(unsafeRaw: " AS BIGINT) FROM outbound_projects WHERE stage <> 'abandoned'")
        if let c = alert.scope.countryCode { q.appendInterpolation(unsafeRaw: " AND country_code = "); q.appendInterpolation(bind: c) }
        if let i = alert.scope.industryCode { q.appendInterpolation(unsafeRaw: " AND industry_code = "); q.appendInterpolation(bind: i) }
        try await sql.raw(q).run()
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM outbound_alert_deliveries WHERE alert_id = \(bind: id)").first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.raw("UPDATE outbound_alerts SET recipients = \(bind: n) WHERE id = \(bind: id)").run()
        // …and to the in-app inbox (issue 12) of every user of those firms, in the same transaction.
        let users = try await sql.raw("""
            SELECT id FROM users WHERE disabled = \(bind: false)
            AND enterprise_id IN (SELECT enterprise_id FROM outbound_alert_deliveries WHERE alert_id = \(bind: id))
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        let messages = try await Notifier(db: tx, clock: clock).notify(users: users, request: nil, kind: "outbound_alert", text: alert.title)
        for chunk in stride(from: 0, to: messages.count, by: 200) {
            var link = SQLQueryString("INSERT INTO outbound_alert_messages (message_id, alert_id) VALUES ")
            for (i, m) in messages[chunk..<min(chunk + 200, messages.count)].enumerated() {
                link.appendInterpolation(unsafeRaw: i == 0 ? "(" : ", (")
                link.appendInterpolation(bind: m); link.appendInterpolation(unsafeRaw: ", "); link.appendInterpolation(bind: id)
                link.appendInterpolation(unsafeRaw: ")")
            }
            try await sql.raw(link).run()
        }
        var stored = alert
        stored.id = id
        try await AuditLog(db: tx, clock: clock).append(by: p, action: "publish", entityType: "outbound_alert", entityID: id.uuidString,
                                                        before: Optional<RiskAlert>.none, after: stored, reason: "\(n) firms told")
        return id
    }

    /// An officer's alert for a country or an industry (staff), written in both languages.
    public func publishAlert(_ scope: AlertScope, title: Bilingual, body: Bilingual, by p: Principal) async throws -> OutboundAlertRow {
        try p.requireStaff()
        func trim(_ b: Bilingual) -> Bilingual {
            Bilingual(zh: b.zh.trimmingCharacters(in: .whitespacesAndNewlines), en: b.en.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let alert = RiskAlert(scope: AlertScope(countryCode: scope.countryCode?.uppercased(),
                                                industryCode: scope.industryCode.map { IndustryClassification.normalise($0) ?? $0 }),
                              title: trim(title), body: trim(body), cause: .officer, publishedOn: today)
        let catalog = try await ReferenceRepository(db: db).catalog()
        try alert.validate(countries: catalog.countries, industries: catalog.industryDivisions)
        let clock = self.clock
        let id = try await WriteGate.write(db) { tx in try await Self.publish(alert, by: p, on: tx, clock: clock) }
        guard let row = try await risks.alert(id) else { throw DomainError.notFound("alert", id: id.uuidString) }
        return row
    }

    /// A firm's user marks an alert delivered to its firm as read (the officer sees who read it).
    public func markRead(_ alertID: UUID, by p: Principal) async throws {
        guard let enterprise = p.enterpriseID, p.role == .enterprise else {
            throw DomainError(.forbidden, code: "enterprise_only", field: nil, en: "only a firm's own users mark its alerts read", zh: "仅企业用户可将本企业的提示标为已读")
        }
        let sql = try OutboundRows.requireSQL(db)
        guard try await sql.raw("""
            SELECT read_at_ms FROM outbound_alert_deliveries WHERE alert_id = \(bind: alertID) AND enterprise_id = \(bind: enterprise)
            """).first() != nil else { throw DomainError.notFound("alert", id: alertID.uuidString) }
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            try await OutboundInboxReceipts.record(alertID, firm: enterprise, by: p, via: "outbound", on: tx, clock: clock)
            try await OutboundInboxReceipts.markMessagesRead(alertID, firm: enterprise, on: tx, clock: clock)
        }
    }

    /// Adds an officer's note on a country (staff).
    public func addNote(country: String, text: String, by p: Principal) async throws -> CountryRiskNote {
        try p.requireStaff()
        let code = country.uppercased(), body = text.trimmingCharacters(in: .whitespaces)
        guard try await ReferenceRepository(db: db).catalog().countries.contains(code) else {
            throw DomainError(code: "unknown_country", field: "country", en: "'\(country.prefix(10))' is not an ISO 3166-1 country code", zh: "“\(country.prefix(10))”不是 ISO 3166-1 国家代码")
        }
        if body.isEmpty { throw DomainError.required("text") }
        if body.count > 2000 { throw DomainError.tooLong("text", max: 2000) }
        let note = CountryRiskNote(id: UUID(), countryCode: code, text: body, author: p.name, createdAtMillis: clock.millis)
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            try await OutboundRows.requireSQL(tx).raw("""
                INSERT INTO country_risk_notes (id, country_code, text, author, created_at_ms)
                VALUES (\(bind: note.id), \(bind: code), \(bind: body), \(bind: p.name), \(bind: note.createdAtMillis))
                """).run()
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "note", entityType: "country_risk", entityID: code,
                                                            beforeJSON: nil, afterJSON: AuditLogJSON.object(["text": body]))
        }
        return note
    }

    /// Logs a consultation, training or matchmaking event (staff).
    public func logService(_ event: ServiceEvent, by p: Principal) async throws -> ServiceEvent {
        try p.requireStaff()
        var e = event
        e.id = UUID(); e.topic = e.topic.trimmingCharacters(in: .whitespaces); e.platform = e.platform.trimmingCharacters(in: .whitespaces)
        e.enterpriseIDs = Array(Set(e.enterpriseIDs)).sorted { $0.uuidString < $1.uuidString }
        try e.validate(countries: try await ReferenceRepository(db: db).catalog().countries, today: today)
        let known = try await EnterpriseModel.query(on: db).filter(\.$id ~~ e.enterpriseIDs).count()
        if known != e.enterpriseIDs.count {
            throw DomainError(code: "unknown_enterprise", field: "enterprise_ids", en: "\(e.enterpriseIDs.count - known) of the firms are not in the register",
                              zh: "其中 \(e.enterpriseIDs.count - known) 家企业不在名录中")
        }
        let clock = self.clock, stored = e
        try await WriteGate.write(db) { tx in
            try await Self.storeService(stored, by: p, on: tx, clock: clock)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "create", entityType: "outbound_service", entityID: stored.id!.uuidString,
                                                            before: Optional<ServiceEvent>.none, after: stored)
        }
        return e
    }

    static func storeService(_ e: ServiceEvent, by p: Principal, on tx: any Database, clock: ParkClock) async throws {
        let sql = try OutboundRows.requireSQL(tx)
        try await sql.raw("""
            INSERT INTO outbound_services (id, kind, date, topic, platform, country_code, firms, created_by, created_at_ms)
            VALUES (\(bind: e.id!), \(bind: e.kind.rawValue), \(bind: e.date.iso), \(bind: e.topic), \(bind: e.platform), \(bind: e.countryCode),
            \(bind: e.enterpriseIDs.count), \(bind: p.name), \(bind: clock.millis))
            """).run()
        for chunk in stride(from: 0, to: e.enterpriseIDs.count, by: 200) {
            var q = SQLQueryString("INSERT INTO outbound_service_firms (service_id, enterprise_id) VALUES ")
            for (i, firm) in e.enterpriseIDs[chunk..<min(chunk + 200, e.enterpriseIDs.count)].enumerated() {
                q.appendInterpolation(unsafeRaw: i == 0 ? "(" : ", (")
                q.appendInterpolation(bind: e.id!); q.appendInterpolation(unsafeRaw: ", "); q.appendInterpolation(bind: firm)
                q.appendInterpolation(unsafeRaw: ")")
            }
            try await sql.raw(q).run()
        }
    }
}

/// A small JSON object for audit entries that record a fact rather than a record.
enum AuditLogJSON {
    static func object(_ fields: [String: String]) -> String { OutboundJSON.encode(fields) }
}
