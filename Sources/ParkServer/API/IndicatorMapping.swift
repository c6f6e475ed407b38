import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// Indicators and profiles ↔ API types. Decimals travel as text (exact), rounded to six places
/// where a computation (a ratio) has more.
enum IndicatorMapping {
    static func dec(_ d: Decimal?) -> String? { d.map { IndicatorNumber.text(IndicatorNumber.rounded($0, 6)) } }

    static func definition(_ d: IndicatorDefinition) -> Components.Schemas.IndicatorDefinition {
        .init(code: d.code, nameZh: d.name.zh, nameEn: d.name.en, currency: .init(rawValue: d.unit.currency.rawValue)!,
              scale: .init(rawValue: d.unit.scale.rawValue)!, unitZh: d.unit.label.zh, unitEn: d.unit.label.en,
              accumulation: .init(rawValue: d.accumulation.rawValue)!, frequency: .init(rawValue: d.frequency.rawValue)!,
              levelBasis: .init(rawValue: d.levelBasis.rawValue)!, growthBasis: .init(rawValue: d.growthBasis.rawValue)!,
              sourceZh: d.source.zh, sourceEn: d.source.en, derivation: d.derivation.flatMap { .init(rawValue: $0.rawValue) },
              headline: d.headline, position: d.position)
    }

    static func value(_ v: IndicatorRepository.StoredValue) -> Components.Schemas.IndicatorValue {
        .init(indicator: v.indicator, period: v.period.text, value: IndicatorNumber.text(v.value), growthPct: v.growthPct.map(IndicatorNumber.text),
              version: v.version, revised: v.revised, reason: v.reason, createdBy: v.createdBy,
              createdAt: Date(timeIntervalSince1970: Double(v.createdAtMillis) / 1000))
    }

    static func target(_ t: IndicatorTarget) -> Components.Schemas.IndicatorTarget {
        .init(indicator: t.indicator, year: t.year, level: t.level.map(IndicatorNumber.text), growthPct: t.growthPct.map(IndicatorNumber.text))
    }

    /// A decimal from a request field, or a 400 naming it.
    static func decimal(_ raw: String?, field: String) throws(DomainError) -> Decimal? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let d = IndicatorNumber.parse(raw) else {
            throw DomainError(code: "invalid_number", field: field, en: "\(field) must be a decimal number, not '\(raw.prefix(30))'",
                              zh: "\(field) 须为数字，而非“\(raw.prefix(30))”")
        }
        return d
    }

    static func importReport(_ r: IndicatorRepository.ImportOutcome, dryRun: Bool, _ lang: Language) -> Components.Schemas.IndicatorImportReport {
        func row(_ e: RowError) -> Components.Schemas.RowError { .init(row: e.row, column: e.column, code: e.code, message: e.message.text(lang)) }
        return .init(rows: r.rows, added: r.added, revised: r.revised, unchanged: r.unchanged, dryRun: dryRun,
                     flagged: r.flagged.map(row), errors: r.errors.map(row))
    }

    static func figure(_ f: IndicatorFigure) -> Components.Schemas.IndicatorFigure {
        let d = f.definition
        let progress = f.progress.map { p in
            Components.Schemas.TargetProgress(targetLevel: dec(p.target.level), targetGrowthPct: dec(p.target.growthPct), sharePct: dec(p.sharePct),
                                              expectedSharePct: dec(p.expectedSharePct), seasonalPace: p.seasonalPace, remaining: dec(p.remaining),
                                              neededPerMonth: dec(p.neededPerMonth), neededGrowthPct: dec(p.neededGrowthPct), behind: p.behind)
        }
        return .init(indicator: d.code, nameZh: d.name.zh, nameEn: d.name.en, unitZh: d.unit.label.zh, unitEn: d.unit.label.en,
                     period: f.period?.text, level: dec(f.level), periodValue: dec(f.periodValue), lastYearLevel: dec(f.lastYearLevel),
                     publishedGrowthPct: dec(f.publishedGrowthPct), levelsGrowthPct: dec(f.levelsGrowthPct), growthPct: dec(f.growthPct),
                     growthSource: .init(rawValue: f.growthSource.rawValue)!, growthDifferencePct: dec(f.growthDifferencePct),
                     rolling12: dec(f.rolling12), revised: f.revised, progress: progress)
    }

    static func derived(_ d: DerivedFigures) -> Components.Schemas.DerivedFigures {
        let rows = BreakdownDimension.allCases.flatMap { dim in
            (d.breakdowns[dim] ?? []).map { r in
                Components.Schemas.BreakdownRow(dimension: dim.rawValue, key: r.key, nameZh: r.label.zh, nameEn: r.label.en,
                                                enterprises: r.enterprises, taxYuan: r.taxYuan, outputYuan: r.outputYuan)
            }
        }
        return .init(dataYear: d.dataYear, enterprises: d.enterprises, enterprisesLastYear: d.enterprisesLastYear, taxYuan: d.taxYuan,
                     taxLastYearYuan: d.taxLastYearYuan, outputYuan: d.outputYuan, outputComparableBaseYuan: d.outputComparableBaseYuan,
                     outputLastYearYuan: d.outputLastYearYuan, aboveScaleFirms: d.aboveScaleFirms,
                     outputComparableGrowthPct: dec(d.outputComparableGrowthPct), outputLevelsGrowthPct: dec(d.outputLevelsGrowthPct),
                     taxGrowthPct: dec(d.taxGrowthPct), breakdowns: rows, fdi: d.fdi.map { f in
                         .init(utilisedUsdCents: f.utilisedUSDCents, utilisedLastYearUsdCents: f.utilisedLastYearUSDCents, utilisedCnyFen: f.utilisedCNYFen,
                               utilisedGrowthPct: dec(f.utilisedGrowthPct), utilisedLevelsGrowthPct: dec(f.utilisedLevelsGrowthPct),
                               contractedUsdCents: f.contractedUSDCents, contractedLastYearUsdCents: f.contractedLastYearUSDCents,
                               contractedCnyFen: f.contractedCNYFen, contractedGrowthPct: dec(f.contractedGrowthPct),
                               contractedLevelsGrowthPct: dec(f.contractedLevelsGrowthPct), newProjects: f.newProjects)
                     }, service: d.service.map(service), odi: d.odi.map(odi),
                     asOf: d.asOfMillis.map { Date(timeIntervalSince1970: Double($0) / 1000) })
    }

    static func service(_ s: DerivedService) -> Components.Schemas.DerivedService {
        .init(received: s.received, receivedLastYear: s.receivedLastYear, receivedGrowthPct: dec(s.receivedGrowthPct), resolved: s.resolved,
              resolvedInTime: s.resolvedInTime, resolvedInTimePct: dec(s.resolvedInTimePct), rated: s.rated, ratingSum: s.ratingSum,
              averageRating: dec(s.averageRating), overdueOpen: s.overdueOpen)
    }

    static func odi(_ o: DerivedODI) -> Components.Schemas.DerivedODI {
        .init(total: OutboundMapping.totals(o.total), lastYear: OutboundMapping.totals(o.lastYear), beltAndRoad: OutboundMapping.totals(o.beltAndRoad),
              beltAndRoadLastYear: OutboundMapping.totals(o.beltAndRoadLastYear), usdGrowthPct: dec(o.usdGrowthPct),
              beltAndRoadUsdGrowthPct: dec(o.beltAndRoadUSDGrowthPct), beltAndRoadSharePct: dec(o.beltAndRoadSharePct),
              byRegion: o.byRegion.map { .init(region: $0.key, nameZh: $0.label.zh, nameEn: $0.label.en, totals: OutboundMapping.totals($0.totals)) })
    }

    static func report(_ r: IndicatorReport, derived d: DerivedFigures?) -> Components.Schemas.IndicatorReport {
        .init(period: r.month.iso, figures: r.figures.map(figure),
              trends: r.trends.map { .init(indicator: $0.indicator, thisYear: $0.thisYear.map(dec), lastYear: $0.lastYear.map(dec)) },
              alerts: r.alerts.map(\.definition.code), derived: d.map(derived))
    }

    static func enterprise(_ e: DerivedEnterpriseRow) -> Components.Schemas.DerivedEnterprise {
        .init(enterpriseId: e.enterpriseID.uuidString, creditCode: e.creditCode, nameZh: e.name.zh, nameEn: e.name.en, taxYuan: e.taxYuan,
              revenueYuan: e.revenueYuan, revenueLastYearYuan: e.revenueLastYearYuan, aboveScale: e.aboveScale)
    }

    static func profileValue(_ v: ProfileValue) -> Components.Schemas.ProfileValue {
        .init(zh: v.text.zh, en: v.text.en, raw: v.raw, link: v.link)
    }

    static func profile(_ p: EnterpriseProfile) -> Components.Schemas.EnterpriseProfile {
        .init(enterpriseId: p.enterprise.id?.uuidString ?? "", creditCode: p.enterprise.creditCode.value, nameZh: p.enterprise.nameZh,
              nameEn: p.enterprise.nameEn, generatedAt: Date(timeIntervalSince1970: Double(p.generatedAtMillis) / 1000),
              sections: p.sections.map { s in
                  .init(id: s.id, titleZh: s.title.zh, titleEn: s.title.en, blocks: s.content.blocks.map { b in
                      .init(kind: .init(rawValue: b.kind.rawValue)!, titleZh: b.title?.zh, titleEn: b.title?.en,
                            facts: b.facts.map { .init(labelZh: $0.label.zh, labelEn: $0.label.en, value: profileValue($0.value)) },
                            columns: b.columns.map { .init(zh: $0.zh, en: $0.en) }, numeric: b.numeric,
                            rows: b.rows.map { $0.map(profileValue) }, noteZh: b.note?.zh, noteEn: b.note?.en)
                  })
              })
    }
}
