import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// Policy values → API types. Money crosses as yuan text exact to the fen.
enum PolicyMapping {
    typealias S = Components.Schemas

    static func yuan(_ fen: Int64?) -> String? { fen.map({ FenText.yuan($0) }) }

    static func diagnostic(_ d: PolicyDiagnostic) -> S.PolicyDiagnostic {
        .init(severity: d.severity == .error ? .error : .warning, line: d.line, column: d.column, code: d.code,
              message: PerMuMapping.bilingual(d.message))
    }

    static func summary(_ s: PolicyRepository.Stored) -> S.PolicySummary {
        let h = s.policy.header
        return .init(id: s.policy.id, version: s.version, title: PerMuMapping.bilingual(h.title),
                     department: PerMuMapping.bilingual(h.department), legalReference: h.legalReference, validFrom: h.validFrom.iso,
                     validTo: h.validTo?.iso, budgetYuan: yuan(h.budgetFen), withoutApplication: h.withoutApplication,
                     budgetRule: h.budgetRule == .proRata ? .proRata : .byRank, warnings: s.policy.warnings.map(diagnostic),
                     createdBy: s.createdBy)
    }

    static func status(_ s: PolicyStatus) -> S.PolicyAnswer.StatusPayload {
        switch s {
        case .eligible: .eligible
        case .notEligible: .notEligible
        case .undetermined: .undetermined
        }
    }

    static func answer(_ e: PolicyExplanation) -> S.PolicyAnswer {
        .init(policyId: e.policyId, title: PerMuMapping.bilingual(e.title), asOf: e.asOf.iso, status: status(e.outcome.status),
              amountYuan: yuan(e.outcome.amountFen), missingFacts: e.outcome.missingFacts,
              conditions: e.conditions.map { c in
                  .init(text: c.text, result: c.result.map { $0 ? ._true : ._false } ?? .undetermined,
                        values: c.values.map { .init(name: $0.name, label: PerMuMapping.bilingual($0.label), value: $0.value) })
              },
              parameters: e.parameters.map { .init(name: $0.name, value: $0.value, effectiveFrom: $0.effectiveFrom.iso, effectiveTo: $0.effectiveTo?.iso) },
              steps: e.steps.map(PerMuMapping.bilingual),
              explanation: Bilingual(zh: e.text(.zh), en: e.text(.en)).apiValue)
    }

    static func run(_ r: PolicyRunRepository.Stored) -> S.PolicyRun {
        .init(id: r.id.uuidString, asOf: r.asOf.iso, dataYear: r.dataYear,
              policies: r.policies.map { .init(id: $0.id, version: $0.version, digest: $0.digest, eligible: $0.eligible,
                                               undetermined: $0.undetermined, amountYuan: FenText.yuan($0.amountFen)) },
              enterprises: r.enterprises, eligible: r.eligible, undetermined: r.undetermined, createdBy: r.createdBy,
              createdAt: PerMuMapping.date(r.createdAtMillis))
    }

    static func row(_ r: PolicyRunRepository.Row) -> S.PolicyResultRow {
        .init(policyId: r.policyID, enterpriseId: r.enterpriseID.uuidString, creditCode: r.creditCode, nameZh: r.nameZh, nameEn: r.nameEn,
              status: r.status == .eligible ? .eligible : .undetermined, amountYuan: yuan(r.amountFen), missingFacts: r.missing)
    }

    static func grant(_ g: PolicyRunRepository.Grant) -> S.PolicyGrant {
        .init(id: g.id.uuidString, policyId: g.policyID, enterpriseId: g.enterpriseID.uuidString, creditCode: g.creditCode,
              nameZh: g.nameZh, nameEn: g.nameEn, entitledYuan: FenText.yuan(g.entitledFen),
              proposedYuan: FenText.yuan(g.proposedFen),
              state: S.PolicyGrant.StatePayload(rawValue: g.state.rawValue) ?? .proposed, decidedBy: g.decidedBy)
    }
}

extension Bilingual {
    var apiValue: Components.Schemas.Bilingual { .init(zh: zh, en: en) }
}
