import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

/// Outbound domain values ↔ API types. Names are given in the reader's language; codes stay codes.
enum OutboundMapping {
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    static func project(_ row: OutboundProjectRow, _ lang: Language) -> Components.Schemas.OutboundProject {
        let p = row.project
        return .init(id: p.id!.uuidString, enterpriseId: p.enterpriseID.uuidString, enterpriseName: row.enterpriseName.text(lang),
                     creditCode: row.creditCode, title: p.title, country: p.countryCode,
                     countryName: Country.named(p.countryCode)?.name.text(lang) ?? p.countryCode,
                     region: WorldRegion.of(p.countryCode).rawValue, targetCompany: p.targetCompany, industryCode: p.industryCode,
                     sensitiveActivities: p.sensitiveActivities.map(\.rawValue), form: p.form.rawValue,
                     equityPercent: OutboundRules.percentText(p.equityBasisPoints), currency: p.amount.currency, amount: p.amount.originalText,
                     amountUsd: OutboundFormat.hundredths(p.amount.usdCents), amountYuan: OutboundFormat.hundredths(p.amount.yuanFen),
                     rateMonth: p.amount.month.iso, financing: p.financing.map(\.rawValue), beltAndRoad: p.beltAndRoad,
                     stage: Components.Schemas.OutboundStage(rawValue: p.stage.rawValue)!, abandonReason: p.abandonReason,
                     agreedOn: p.agreedOn?.iso, remittedOn: p.remittedOn?.iso)
    }

    static func check(_ c: FilingCheck, _ lang: Language) -> Components.Schemas.FilingCheck {
        .init(sensitive: c.sensitive, sensitivity: c.sensitivity.map { $0.text(lang) },
              requirements: c.requirements.map { r in
                  .init(kind: r.kind.rawValue, kindName: r.kind.label.text(lang), authority: r.authority.rawValue,
                        authorityName: r.authority.label.text(lang), clockWorkingDays: r.clockWorkingDays,
                        reasons: r.reasons.map { $0.text(lang) }, references: r.references.map { $0.text(lang) },
                        documents: r.documents.map { $0.name.text(lang) })
              }, ruleSet: c.ruleSet, ruleVersion: c.ruleVersion)
    }

    static func filing(_ f: Filing, _ lang: Language, title: String? = nil, enterprise: Bilingual? = nil, country: String? = nil) -> Components.Schemas.OutboundFiling {
        .init(id: f.id!.uuidString, projectId: f.projectID.uuidString, enterpriseId: f.enterpriseID.uuidString, kind: f.kind.rawValue,
              kindName: f.kind.label.text(lang), authority: f.authority.rawValue, authorityName: f.authority.label.text(lang),
              state: .init(rawValue: f.state.rawValue)!, stateName: f.state.label.text(lang),
              documents: f.documents.map { .init(code: $0.code, name: $0.name.text(lang), received: $0.received) },
              reasons: f.reasons.map { $0.text(lang) }, ruleSet: f.ruleSet, ruleVersion: f.ruleVersion, clockWorkingDays: f.clockWorkingDays,
              draftedOn: f.draftedOn.iso, submittedOn: f.submittedOn?.iso, dueOn: f.dueOn?.iso, decidedOn: f.decidedOn?.iso,
              certificateNumber: f.certificateNumber, lapsesOn: f.lapsesOn?.iso, refusalReason: f.refusalReason,
              projectTitle: title, enterpriseName: enterprise?.text(lang), country: country)
    }

    static func risk(_ r: CountryRisk) -> Components.Schemas.CountryRisk {
        .init(grade: r.grade, political: r.political, economic: r.economic, businessEnvironment: r.businessEnvironment, legal: r.legal,
              sourceYear: r.sourceYear)
    }

    static func alert(_ a: OutboundAlertRow, _ lang: Language) -> Components.Schemas.OutboundAlert {
        .init(id: a.alert.id!.uuidString, country: a.alert.scope.countryCode, industryCode: a.alert.scope.industryCode,
              title: a.alert.title.text(lang), body: a.alert.body.text(lang), titleZh: a.alert.title.zh, titleEn: a.alert.title.en,
              bodyZh: a.alert.body.zh, bodyEn: a.alert.body.en, cause: .init(rawValue: a.alert.cause.rawValue)!, publishedOn: a.alert.publishedOn.iso,
              publishedBy: a.publishedBy, recipients: a.recipients, read: a.read, readAt: a.readAtMillis.map(date))
    }

    static func totals(_ t: OutboundTotals) -> Components.Schemas.OutboundTotals {
        .init(firms: t.firms, countries: t.countries, projects: t.projects, agreedYuan: OutboundFormat.hundredths(t.yuanFen),
              agreedUsd: OutboundFormat.hundredths(t.usdCents))
    }

    static func stats(_ s: OutboundStats, _ lang: Language) -> Components.Schemas.OutboundStats {
        func rows(_ r: [OutboundBreakdownRow]) -> [Components.Schemas.OutboundBreakdownRow] {
            r.map { .init(key: $0.key, name: $0.label.text(lang), totals: totals($0.totals)) }
        }
        return .init(from: s.from?.iso, to: s.to.iso, total: totals(s.total), beltAndRoad: totals(s.beltAndRoad), byCountry: rows(s.byCountry),
                     byRegion: rows(s.byRegion), byIndustry: rows(s.byIndustry), byForm: rows(s.byForm),
                     services: .init(additionalProperties: Dictionary(uniqueKeysWithValues: ServiceKind.allCases.map { ($0.rawValue, s.services[$0] ?? 0) })),
                     firmsServedByLog: s.firmsServedByLog)
    }

    static func ruleVersion(_ r: FilingRuleSet, createdBy: String) throws -> Components.Schemas.OutboundRuleVersion {
        let doc = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: try JSONEncoder().encode(r))
        return .init(name: r.name, version: r.version, effectiveFrom: r.effectiveFrom.iso, createdBy: createdBy, document: .init(additionalProperties: doc))
    }

    /// A month `YYYY-MM` from a query, naming the field.
    static func month(_ raw: String?, field: String) throws(DomainError) -> YearMonth? {
        try raw.map { r throws(DomainError) in try YearMonth.parse(r, field: field) }
    }

    static func country(_ raw: String) throws(DomainError) -> String {
        let c = raw.uppercased()
        guard Country.named(c) != nil else {
            throw DomainError(.notFound, code: "not_found", field: "country", en: "country \(raw.prefix(10)) was not found", zh: "未找到国家 \(raw.prefix(10))")
        }
        return c
    }
}
