import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Reads and writes the rows of `outbound_projects` and `outbound_filings` as plain SQL (no
/// reflective model decoding on lists).
enum OutboundRows {
    static let projectColumns = """
        p.id, p.enterprise_id, p.title, p.country_code, p.target_company, p.industry_code, p.sensitive_activities, p.form, p.equity_bp,
        p.currency, p.amount_text, p.amount_usd_cents, p.amount_yuan_fen, p.rate_month, p.financing, p.belt_and_road, p.stage,
        p.abandon_reason, p.agreed_on, p.remitted_on
        """

    static func split<T: RawRepresentable>(_ text: String, _ type: T.Type) -> [T] where T.RawValue == String {
        text.split(separator: ";").compactMap { T(rawValue: String($0)) }
    }

    static func project(_ r: any SQLRow) throws -> OutboundProject {
        let month = YearMonth(iso: try r.decode(column: "rate_month", as: String.self)) ?? YearMonth(year: 2000, month: 1)!
        let minor = DecimalParse.scaled(try r.decode(column: "amount_text", as: String.self), places: 2) ?? 0
        let amount = ConvertedAmount(original: CurrencyAmount(currency: try r.decode(column: "currency", as: String.self), minor: minor),
                                     usdCents: try r.decode(column: "amount_usd_cents", as: Int64.self),
                                     yuanFen: try r.decode(column: "amount_yuan_fen", as: Int64.self), month: month)
        return OutboundProject(
            id: try r.decode(column: "id", as: UUID.self), enterpriseID: try r.decode(column: "enterprise_id", as: UUID.self),
            title: try r.decode(column: "title", as: String.self), countryCode: try r.decode(column: "country_code", as: String.self),
            targetCompany: try r.decode(column: "target_company", as: String?.self), industryCode: try r.decode(column: "industry_code", as: String.self),
            sensitiveActivities: split(try r.decode(column: "sensitive_activities", as: String.self), SensitiveActivity.self),
            form: InvestmentForm(rawValue: try r.decode(column: "form", as: String.self)) ?? .greenfield,
            equityBasisPoints: try r.decode(column: "equity_bp", as: Int.self), amount: amount,
            financing: split(try r.decode(column: "financing", as: String.self), FinancingSource.self),
            beltAndRoad: try r.decode(column: "belt_and_road", as: Bool.self),
            stage: OutboundStage(rawValue: try r.decode(column: "stage", as: String.self)) ?? .consulting,
            abandonReason: try r.decode(column: "abandon_reason", as: String?.self),
            agreedOn: try r.decode(column: "agreed_on", as: String?.self).flatMap(LocalDate.init(iso:)),
            remittedOn: try r.decode(column: "remitted_on", as: String?.self).flatMap(LocalDate.init(iso:)))
    }

    /// Inserts or updates a project (by id) in the caller's transaction.
    static func save(_ p: OutboundProject, insert: Bool, on sql: any SQLDatabase, millis: Int64) async throws {
        let values: [(String, any Encodable & Sendable)] = [
            ("enterprise_id", p.enterpriseID), ("title", p.title), ("country_code", p.countryCode), ("target_company", p.targetCompany),
            ("industry_code", p.industryCode), ("sensitive_activities", p.sensitiveActivities.map(\.rawValue).joined(separator: ";")),
            ("form", p.form.rawValue), ("equity_bp", p.equityBasisPoints), ("currency", p.amount.currency),
            ("amount_text", p.amount.originalText), ("amount_usd_cents", p.amount.usdCents), ("amount_yuan_fen", p.amount.yuanFen),
            ("rate_month", p.amount.month.iso), ("financing", p.financing.map(\.rawValue).joined(separator: ";")),
            ("belt_and_road", p.beltAndRoad), ("region", WorldRegion.of(p.countryCode).rawValue), ("stage", p.stage.rawValue),
            ("abandon_reason", p.abandonReason), ("agreed_on", p.agreedOn?.iso), ("remitted_on", p.remittedOn?.iso), ("updated_at_ms", millis),
        ]
        try await write("outbound_projects", id: p.id!, values: values + (insert ? [("created_at_ms", millis)] : []), insert: insert, on: sql)
    }

    static func filing(_ r: any SQLRow) throws -> Filing {
        func day(_ c: String) throws -> LocalDate? { try r.decode(column: c, as: String?.self).flatMap(LocalDate.init(iso:)) }
        let requirement = FilingRequirement(
            kind: FilingKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .ndrcFiling,
            authority: FilingAuthority(rawValue: try r.decode(column: "authority", as: String.self)) ?? .bank,
            clockWorkingDays: try r.decode(column: "clock_days", as: Int?.self),
            reasons: OutboundJSON.decode([Bilingual].self, try r.decode(column: "reasons", as: String.self)) ?? [],
            references: OutboundJSON.decode([LegalReference].self, try r.decode(column: "legal_refs", as: String.self)) ?? [], documents: [])
        var f = Filing(id: try r.decode(column: "id", as: UUID.self), projectID: try r.decode(column: "project_id", as: UUID.self),
                       enterpriseID: try r.decode(column: "enterprise_id", as: UUID.self), requirement: requirement,
                       ruleSet: try r.decode(column: "rule_set", as: String.self), ruleVersion: try r.decode(column: "rule_version", as: Int.self),
                       draftedOn: try day("drafted_on") ?? LocalDate(year: 2000, month: 1, day: 1)!)
        f.state = FilingState(rawValue: try r.decode(column: "state", as: String.self)) ?? .drafted
        f.documents = OutboundJSON.decode([FilingDocumentStatus].self, try r.decode(column: "documents", as: String.self)) ?? []
        f.submittedOn = try day("submitted_on"); f.dueOn = try day("due_on"); f.decidedOn = try day("decided_on")
        f.lapsesOn = try day("lapses_on")
        f.certificateNumber = try r.decode(column: "certificate_number", as: String?.self)
        f.refusalReason = try r.decode(column: "refusal_reason", as: String?.self)
        return f
    }

    static func save(_ f: Filing, insert: Bool, on sql: any SQLDatabase, millis: Int64) async throws {
        let values: [(String, any Encodable & Sendable)] = [
            ("project_id", f.projectID), ("enterprise_id", f.enterpriseID), ("kind", f.kind.rawValue), ("authority", f.authority.rawValue),
            ("state", f.state.rawValue), ("documents", OutboundJSON.encode(f.documents)), ("reasons", OutboundJSON.encode(f.reasons)),
            ("legal_refs", OutboundJSON.encode(f.references)), ("rule_set", f.ruleSet), ("rule_version", f.ruleVersion),
            ("clock_days", f.clockWorkingDays), ("drafted_on", f.draftedOn.iso), ("submitted_on", f.submittedOn?.iso), ("due_on", f.dueOn?.iso),
            ("decided_on", f.decidedOn?.iso), ("certificate_number", f.certificateNumber), ("lapses_on", f.lapsesOn?.iso),
            ("refusal_reason", f.refusalReason), ("updated_at_ms", millis),
        ]
        try await write("outbound_filings", id: f.id!, values: values, insert: insert, on: sql)
    }

    static func write(_ table: String, id: UUID, values: [(String, any Encodable & Sendable)], insert: Bool, on sql: any SQLDatabase) async throws {
        if insert {
            var q = SQLQueryString("INSERT INTO \(unsafeRaw: table) (id")
            for (c, _) in values { q.appendInterpolation(unsafeRaw: ", " + c) }
            q.appendInterpolation(unsafeRaw: ") VALUES (")
            q.appendInterpolation(bind: id)
            for (_, v) in values { q.appendInterpolation(unsafeRaw: ", "); q.appendInterpolation(bind: v) }
            q.appendInterpolation(unsafeRaw: ")")
            try await sql.raw(q).run()
        } else {
            var q = SQLQueryString("UPDATE \(unsafeRaw: table) SET ")
            for (i, (c, v)) in values.enumerated() {
                q.appendInterpolation(unsafeRaw: (i == 0 ? "" : ", ") + c + " = ")
                q.appendInterpolation(bind: v)
            }
            q.appendInterpolation(unsafeRaw: " WHERE id = ")
            q.appendInterpolation(bind: id)
            try await sql.raw(q).run()
        }
    }

    static func requireSQL(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else {
            throw DomainError(.unsupported, code: "sql_required", field: nil, en: "outbound needs an SQL database", zh: "境外投资模块需要 SQL 数据库")
        }
        return sql
    }
}
