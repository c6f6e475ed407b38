import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// Land domain values ⇄ generated API types.
enum LandMapping {
    static func parcel(_ p: Parcel) -> Components.Schemas.Parcel {
        .init(id: p.id!.uuidString, code: p.code, subArea: p.subArea, landUse: p.landUse, declaredAreaM2: p.declaredAreaM2,
              computedAreaM2: p.computedAreaM2, areaMu: p.computedAreaMu, areaMismatch: p.hasAreaMismatch,
              boundary: p.boundary.map { [$0.longitude, $0.latitude] }, plotRatioMin: p.planning.plotRatioMin,
              plotRatioMax: p.planning.plotRatioMax, buildingDensityMax: p.planning.buildingDensityMax,
              greenRatioMin: p.planning.greenRatioMin, heightLimitM: p.planning.heightLimitMetres,
              officeShareMax: p.planning.officeShareMax)
    }

    static func commitment(_ c: Commitment) -> Components.Schemas.Commitment {
        .init(kind: .init(rawValue: c.kind.rawValue)!, label: c.label.isEmpty ? nil : c.label,
              target: c.direction == .byDate ? nil : c.target, targetDate: c.targetDate?.iso,
              direction: .init(rawValue: c.direction.rawValue)!, measure: .init(rawValue: c.measure.rawValue)!,
              years: c.measure == .averageLastYears ? c.years : nil, mandatory: c.mandatory, weight: c.weight)
    }

    static func commitment(_ c: Components.Schemas.Commitment, index: Int) throws(DomainError) -> Commitment {
        var date: LocalDate?
        if let d = c.targetDate { date = try day(d, field: "commitments[\(index)].target_date") }
        return Commitment(kind: CommitmentKind(rawValue: c.kind.rawValue)!, label: c.label ?? "", target: c.target ?? 0,
                          targetDate: date, direction: CommitmentDirection(rawValue: c.direction.rawValue)!,
                          measure: CommitmentMeasure(rawValue: c.measure.rawValue)!, years: c.years ?? 1,
                          mandatory: c.mandatory, weight: c.weight)
    }

    static func lease(_ l: Lease, calendar: WorkingCalendar?, windowMonths: Int = AssessmentRuleset.standard.windowMonths) -> Components.Schemas.Lease {
        let c = l.contract
        return .init(id: l.id!.uuidString, parcelId: l.parcelID.uuidString, enterpriseId: l.enterpriseID.uuidString,
                     state: .init(rawValue: l.state.rawValue)!, auctionDate: l.auction.date.iso,
                     reservePriceYuan: l.auction.reservePriceYuan, winningBidYuan: l.auction.winningBidYuan,
                     depositYuan: l.auction.depositYuan, confirmedOn: l.auction.confirmedOn?.iso,
                     confirmationDeadline: calendar.map { ConfirmationRule.deadline(auctionDate: l.auction.date, calendar: $0).iso },
                     contractSignedOn: c?.signedOn.iso, contractStart: c?.startDate.iso, firstTermYears: c?.firstTermYears,
                     maxTotalYears: c?.maxTotalYears, priceYuan: c?.priceYuan, firstTermEnd: c?.firstTermEnd.iso,
                     assessmentWindowOpens: c?.assessmentWindowOpens(months: windowMonths).iso,
                     endDate: c?.endDate(extensionYears: l.extensionYears).iso, extensionYears: l.extensionYears,
                     commitments: l.commitments.map(commitment))
    }

    static func report(_ r: PerformanceReport) -> Components.Schemas.Report {
        .init(year: r.year, investmentToDateYuan: r.investmentToDateYuan, productionStartDate: r.productionStartDate?.iso,
              taxPaidYuan: r.taxPaidYuan, revenueYuan: r.revenueYuan, valueAddedYuan: r.valueAddedYuan, rdSpendYuan: r.rdSpendYuan,
              energyTonnesCoal: r.energyTonnesCoal, electricityKwh: r.electricityKWh, emissionsTonnes: r.emissionsTonnes,
              averageEmployees: r.averageEmployees,
              source: .init(rawValue: r.source.rawValue), verification: .init(rawValue: r.verification.rawValue))
    }

    static func report(_ r: Components.Schemas.Report) throws(DomainError) -> PerformanceReport {
        PerformanceReport(year: r.year, investmentToDateYuan: r.investmentToDateYuan ?? 0,
                          productionStartDate: try r.productionStartDate.map { d throws(DomainError) in try day(d, field: "production_start_date") },
                          taxPaidYuan: r.taxPaidYuan ?? 0, revenueYuan: r.revenueYuan ?? 0, valueAddedYuan: r.valueAddedYuan ?? 0,
                          rdSpendYuan: r.rdSpendYuan ?? 0, energyTonnesCoal: r.energyTonnesCoal ?? 0, electricityKWh: r.electricityKwh ?? 0,
                          emissionsTonnes: r.emissionsTonnes ?? 0,
                          averageEmployees: r.averageEmployees ?? 0,
                          source: r.source.flatMap { ReportSource(rawValue: $0.rawValue) } ?? .selfReported,
                          verification: r.verification.flatMap { VerificationStatus(rawValue: $0.rawValue) } ?? .unverified)
    }

    static func version(_ v: ReportRepository.Version) -> Components.Schemas.ReportVersion {
        .init(report: report(v.report), version: v.version, reason: v.reason, createdBy: v.createdBy, createdAt: v.createdAt)
    }

    static func proposal(_ p: AssessmentProposal, _ lang: Language) -> Components.Schemas.Proposal {
        .init(asOf: p.asOf.iso, ruleset: p.ruleset, rulesetVersion: p.rulesetVersion, score: p.score, allMandatoryMet: p.allMandatoryMet,
              kind: .init(rawValue: p.kind.rawValue)!, extensionYears: p.extensionYears, rule: p.rule(lang),
              results: p.results.map { r in
                  .init(index: r.index, kind: r.kind.rawValue, value: r.value, target: r.target, ratio: r.ratio, met: r.met,
                        mandatory: r.mandatory, weight: r.weight, explanation: r.explanation(lang))
              })
    }

    static func assessment(_ a: AssessmentRepository.Stored, _ lang: Language) -> Components.Schemas.Assessment {
        .init(id: a.id.uuidString, leaseId: a.leaseID.uuidString, proposal: proposal(a.proposal, lang),
              decision: a.decision.map { d in
                  .init(kind: .init(rawValue: d.kind.rawValue)!, extensionYears: d.extensionYears, overrideReason: d.overrideReason,
                        compensationYuan: d.compensationYuan, decidedBy: d.decidedBy, decidedOn: d.decidedOn.iso)
              })
    }

    static func day(_ raw: String, field: String) throws(DomainError) -> LocalDate {
        guard let d = LocalDate(iso: raw) else {
            throw DomainError(code: "invalid_date", field: field, en: "\(field) must be a date YYYY-MM-DD, found '\(raw)'",
                              zh: "\(field) 须为 YYYY-MM-DD 格式的日期，实际为“\(raw)”")
        }
        return d
    }
}
