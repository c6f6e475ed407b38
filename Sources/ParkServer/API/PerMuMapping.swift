import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// Per-mu values ⇄ API types. A scheme crosses as its document (`PerMuScheme.document()`), the
/// one JSON form the spec's `PerMuScheme` schema describes, so there is no field-by-field copy
/// to drift from the domain.
enum PerMuMapping {
    typealias S = Components.Schemas

    static func scheme(_ body: S.PerMuScheme) throws(DomainError) -> PerMuScheme {
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode(body) else {
            throw DomainError(code: "invalid_json", field: "scheme", en: "the scheme could not be read", zh: "无法读取评价办法")
        }
        var scheme = try PerMuScheme.fromDocument(data)
        scheme.version = 1
        return scheme
    }

    static func scheme(_ s: PerMuScheme) -> S.PerMuScheme {
        // The document always decodes: the spec schema is the document's shape.
        (try? JSONDecoder().decode(S.PerMuScheme.self, from: s.document()))
            ?? S.PerMuScheme(name: s.name, year: s.year, scope: .init(includeAboveSize: true, aboveSizeMinimumMu: 0,
                                                                        includeNotProducingPastContractedDate: true,
                                                                        mergeSharedParcels: true),
                             groups: [], declaredWeightTotal: s.declaredWeightTotal,
                             grading: .init(rule: .init(kind: .shares, a: 0, b: 0, c: 0), ties: .betterGrade, pooling: .perGroup),
                             treatments: [], onlyHighestPunitiveTariff: s.onlyHighestPunitiveTariff)
    }

    static func scheme(_ s: PerMuSchemeRepository.Stored) -> S.PerMuStoredScheme {
        .init(id: s.id.uuidString, scheme: scheme(s.scheme), createdBy: s.createdBy, createdAt: date(s.createdAtMillis))
    }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    static func bilingual(_ b: Bilingual) -> S.Bilingual { .init(zh: b.zh, en: b.en) }

    static func run(_ r: PerMuRunRepository.Stored) -> S.PerMuRun {
        .init(id: r.id.uuidString, year: r.year, schemeId: r.schemeID.uuidString, schemeName: r.schemeName,
              schemeVersion: r.schemeVersion, state: S.PerMuRun.StatePayload(rawValue: r.state.rawValue) ?? .proposed,
              units: r.units, graded: r.graded, ungraded: r.ungraded, outOfScope: r.outOfScope, gradeCounts: r.gradeCounts,
              surchargeYuan: FenText.yuan(r.surchargeFen), notes: r.notes.map(bilingual), createdBy: r.createdBy,
              createdAt: date(r.createdAtMillis), enactedBy: r.enactedBy, enactedAt: r.enactedAtMillis.map(date))
    }

    static func dryRun(_ o: PerMuRunRepository.Outcome, schemeID: UUID) -> S.PerMuRun {
        let results = o.run.results
        let counts = o.run.gradeCounts
        let fen = results.reduce(Int64(0)) { Checked.addSaturating($0, $1.members.reduce(0) { Checked.addSaturating($0, PerMuRunRepository.fen($1.electricitySurchargeYuan)) }) }
        return .init(year: o.run.year, schemeId: schemeID.uuidString, schemeName: o.scheme.name, schemeVersion: o.scheme.version,
                     state: .dryRun, units: results.count, graded: results.filter { $0.status == .graded }.count,
                     ungraded: results.filter { $0.status == .ungraded }.count,
                     outOfScope: results.filter { $0.status == .outOfScope }.count,
                     gradeCounts: PerMuGrade.allCases.map { counts[$0] ?? 0 }, surchargeYuan: FenText.yuan(fen),
                     notes: o.run.notes.map(bilingual))
    }

    static func grade(_ g: PerMuGrade?) -> S.PerMuGrade? { g.flatMap { S.PerMuGrade(rawValue: $0.rawValue) } }

    static func row(_ s: PerMuStoredResult) -> S.PerMuResultRow {
        let r = s.result
        let fen = r.members.reduce(Int64(0)) { Checked.addSaturating($0, PerMuRunRepository.fen($1.electricitySurchargeYuan)) }
        return .init(enterpriseId: r.enterpriseId.uuidString, nameZh: s.nameZh, nameEn: s.nameEn, creditCode: s.creditCode,
                     group: S.PerMuResultRow.GroupPayload(rawValue: r.group.rawValue) ?? .aboveSize, cluster: r.cluster,
                     subArea: r.subArea, landMu: r.landMu,
                     status: S.PerMuResultRow.StatusPayload(rawValue: r.status.rawValue) ?? .outOfScope, total: r.total,
                     parkRank: r.parkRank, poolSize: r.poolSize, clusterRank: r.clusterRank, grade: grade(r.grade),
                     previousGrade: grade(r.previousGrade), consecutiveYears: r.consecutiveYears,
                     surchargeYuan: FenText.yuan(fen),
                     members: r.members.count > 1 ? r.members.map(\.enterpriseId.uuidString) : nil)
    }

    static func scorecard(_ c: PerMuScorecard) -> S.PerMuScorecard {
        let r = c.result
        return .init(
            run: run(c.run), result: row(c.stored),
            indicators: r.indicators.map { l in
                .init(indicator: S.PerMuIndicator(rawValue: l.indicator.rawValue) ?? .taxPerMu, name: bilingual(l.indicator.name),
                      unit: bilingual(l.indicator.unit), weight: l.weight, value: l.value, benchmark: l.benchmark, score: l.score,
                      points: l.points, explanation: bilingual(l.explanation))
            },
            treatments: r.treatments.map { t in
                .init(kind: t.kind.rawValue, label: bilingual(t.kind.label), consecutiveYears: t.consecutiveYears, rate: t.rate,
                      surchargeYuan: t.electricitySurchargeYuan, explanation: bilingual(t.explanation))
            },
            shortfalls: c.shortfalls.map { s in
                .init(indicator: S.PerMuIndicator(rawValue: s.indicator.rawValue) ?? .taxPerMu, points: s.points,
                      targetValue: s.targetValue, value: s.value, explanation: bilingual(s.explanation))
            },
            reason: r.reason.map(bilingual), explanation: bilingual(r.explanation))
    }

    static func comparison(_ c: PerMuComparison, base: PerMuSchemeRepository.Stored, draft: PerMuSchemeRepository.Stored,
                           names: [UUID: Bilingual]) -> S.PerMuComparison {
        .init(base: scheme(base), draft: scheme(draft), matrix: c.matrix,
              changes: c.changes.map { ch in
                  .init(enterpriseId: ch.enterpriseId.uuidString, nameZh: names[ch.enterpriseId]?.zh ?? "",
                        nameEn: names[ch.enterpriseId]?.en ?? "", from: grade(ch.from), to: grade(ch.to),
                        fromStatus: ch.fromStatus?.rawValue, toStatus: ch.toStatus?.rawValue,
                        enactedSurchargeYuan: ch.enactedSurchargeYuan, draftSurchargeYuan: ch.draftSurchargeYuan)
              },
              enactedSurchargeYuan: c.enactedSurchargeYuan, draftSurchargeYuan: c.draftSurchargeYuan,
              surchargeRevenueChangeYuan: c.surchargeRevenueChange)
    }
}
