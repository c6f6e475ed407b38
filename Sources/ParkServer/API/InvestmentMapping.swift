import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// Investment domain values ⇄ generated API types. Money travels as `{currency, amount}` with
/// the amount as exact decimal text.
enum InvestmentMapping {
    static func money(_ a: CurrencyAmount) -> Components.Schemas.Money { .init(currency: a.currency, amount: a.text) }
    static func usd(_ cents: Int64) -> Components.Schemas.Money { .init(currency: "USD", amount: FenText.yuan(cents)) }
    static func cny(_ fen: Int64) -> Components.Schemas.Money { .init(currency: "CNY", amount: FenText.yuan(fen)) }

    static func money(_ m: Components.Schemas.Money?, field: String) throws(DomainError) -> CurrencyAmount? {
        guard let m else { return nil }
        return try CurrencyAmount.parse(m.amount, currency: m.currency, field: field)
    }

    static func day(_ raw: String, field: String) throws(DomainError) -> LocalDate {
        guard let d = LocalDate(iso: raw) else {
            throw DomainError(code: "invalid_date", field: field, en: "\(field) must be a date YYYY-MM-DD", zh: "\(field) 须为 YYYY-MM-DD 格式的日期")
        }
        return d
    }

    static func month(_ raw: String?, field: String, default d: YearMonth) throws(DomainError) -> YearMonth {
        guard let raw else { return d }
        return try YearMonth.parse(raw, field: field)
    }

    static func investor(_ i: Investor) -> Components.Schemas.Investor {
        .init(id: i.id!.uuidString, nameZh: i.nameZh, nameEn: i.nameEn, originCountry: i.originCountry, listing: i.listing?.rawValue,
              sector: i.sector, fortune500: i.fortune500.map { .init(listYear: $0.listYear, rank: $0.rank) })
    }

    static func investor(_ b: Components.Schemas.InvestorInput) -> Investor {
        Investor(nameZh: b.nameZh, nameEn: b.nameEn ?? "", originCountry: b.originCountry, listing: b.listing.flatMap { ListingBoard(rawValue: $0.rawValue) },
                 sector: b.sector.uppercased(), fortune500: b.fortune500.map { Fortune500Entry(listYear: $0.listYear, rank: $0.rank) })
    }

    static func project(_ b: Components.Schemas.ProjectInput) throws(DomainError) -> InvestmentProject {
        guard let industry = IndustryClassification.normalise(b.industryCode) else {
            throw DomainError(code: "invalid_industry", field: "industry_code", en: "industry_code must be a GB/T 4754-2017 division", zh: "industry_code 须为 GB/T 4754-2017 行业大类")
        }
        return InvestmentProject(investorID: try APIMapping.uuid(b.investorId, field: "investor_id"),
                                 enterpriseID: try b.enterpriseId.map { id throws(DomainError) in try APIMapping.uuid(id, field: "enterprise_id") },
                                 nameZh: b.nameZh, nameEn: b.nameEn ?? "", type: ProjectType(rawValue: b._type.rawValue)!, cluster: b.cluster,
                                 industryCode: industry, totalInvestment: try money(b.totalInvestment, field: "total_investment")!,
                                 registeredCapital: try money(b.registeredCapital, field: "registered_capital"),
                                 foreignCapital: try money(b.foreignCapital, field: "foreign_capital"), landNeedMu: b.landNeedMu,
                                 officerID: try b.officerId.map { id throws(DomainError) in try APIMapping.uuid(id, field: "officer_id") },
                                 source: ProjectSource(rawValue: b.source.rawValue)!, firstContactOn: try day(b.firstContactOn, field: "first_contact_on"),
                                 confidential: b.confidential ?? false, codeName: b.codeName)
    }

    static func project(_ d: ProjectDetail) -> Components.Schemas.Project {
        let p = d.project
        return .init(id: p.id!.uuidString, code: p.code, investorId: d.masked ? nil : p.investorID.uuidString,
                     investorNameZh: d.masked ? p.nameZh : d.investor?.nameZh, investorNameEn: d.masked ? p.nameEn : d.investor?.nameEn,
                     country: d.investor?.originCountry ?? "", fortune500Rank: d.investor?.fortune500?.rank,
                     enterpriseId: p.enterpriseID?.uuidString, nameZh: p.nameZh, nameEn: p.nameEn, _type: p.type.rawValue,
                     cluster: p.cluster, industryCode: p.industryCode, totalInvestment: money(p.totalInvestment),
                     registeredCapital: p.registeredCapital.map(money), foreignCapital: p.foreignCapital.map(money), landNeedMu: p.landNeedMu,
                     officerId: p.officerID?.uuidString, source: p.source.rawValue, firstContactOn: p.firstContactOn.iso,
                     stage: .init(rawValue: p.stage.rawValue)!, stageSince: p.stageSince.iso, stageDueOn: p.stageDueOn?.iso, overdue: d.overdue,
                     signedOn: p.signedOn?.iso, dropReason: p.dropReason?.rawValue, confidential: p.confidential,
                     codeName: p.codeName, masked: d.masked)
    }

    static func project(_ i: ProjectListItem) -> Components.Schemas.Project {
        .init(id: i.id.uuidString, code: i.code, investorId: i.investorID?.uuidString, investorNameZh: i.investorName.zh,
              investorNameEn: i.investorName.en, country: i.country, fortune500Rank: i.fortune500Rank, enterpriseId: i.enterpriseID?.uuidString,
              nameZh: i.name.zh, nameEn: i.name.en, _type: i.type.rawValue, cluster: i.cluster, industryCode: i.industryCode,
              totalInvestment: money(i.totalInvestment), officerId: i.officerID?.uuidString, source: "", firstContactOn: i.stageSince.iso,
              stage: .init(rawValue: i.stage.rawValue)!, stageSince: i.stageSince.iso, stageDueOn: i.stageDueOn?.iso, overdue: i.overdue,
              confidential: i.confidential, masked: i.masked)
    }

    static func move(_ m: StageMove) -> Components.Schemas.StageMove {
        .init(id: m.id.uuidString, projectId: m.projectID.uuidString, fromStage: .init(rawValue: m.fromStage.rawValue)!,
              toStage: .init(rawValue: m.toStage.rawValue)!, effectiveOn: m.effectiveOn.iso, dropReason: m.dropReason?.rawValue,
              note: m.note.isEmpty ? nil : m.note, proposedBy: m.proposedBy, state: .init(rawValue: m.state.rawValue)!,
              reviewedBy: m.reviewedBy, reviewComment: m.reviewComment)
    }

    static func blocker(_ b: Blocker, events: [BlockerEvent], today: LocalDate, code: String? = nil) -> Components.Schemas.Blocker {
        .init(id: b.id.uuidString, projectId: b.projectID.uuidString, projectCode: code, stage: .init(rawValue: b.stage.rawValue)!, title: b.title,
              department: b.departmentCode, openedOn: b.openedOn.iso, escalateOn: b.escalateOn.iso, escalated: b.isEscalated(on: today),
              closedOn: b.closedOn?.iso, resolution: b.resolution,
              events: events.map { .init(kind: .init(rawValue: $0.kind.rawValue)!, on: $0.on.iso, text: $0.text, actor: $0.actor) })
    }

    static func contracted(_ e: ContractedEntry) -> Components.Schemas.ContractedEntry {
        .init(id: e.id.uuidString, recordedOn: e.recordedOn.iso, kind: e.kind.rawValue, event: e.event.rawValue, amount: money(e.amount),
              usdPerUnit: e.rate.usdPerUnitText, cnyPerUnit: e.rate.cnyPerUnitText, usd: usd(e.counted.usdCents), cny: cny(e.counted.cnyFen),
              note: e.note.isEmpty ? nil : e.note)
    }

    static func inflow(_ i: Inflow) -> Components.Schemas.Inflow {
        .init(id: i.id.uuidString, arrivedOn: i.arrivedOn.iso, kind: i.kind.rawValue, amount: money(i.amount), usdPerUnit: i.rate.usdPerUnitText,
              cnyPerUnit: i.rate.cnyPerUnitText, usd: usd(i.counted.usdCents), cny: cny(i.counted.cnyFen),
              bankReference: i.bankReference.isEmpty ? nil : i.bankReference)
    }

    static func month(_ f: FDIMonthFigures) -> Components.Schemas.FDIMonth {
        .init(month: f.month.iso, utilisedUsd: usd(f.utilisedUSDCents), utilisedCny: cny(f.utilisedCNYFen),
              utilisedComparableUsd: usd(f.utilisedComparableUSDCents), contractedUsd: usd(f.contractedUSDCents),
              contractedCny: cny(f.contractedCNYFen), contractedComparableUsd: usd(f.contractedComparableUSDCents), newProjects: f.newProjects)
    }

    static func totals(_ t: FDITotals) -> Components.Schemas.FDITotals {
        .init(newProjects: Int(t.newProjects), utilisedUsd: usd(t.utilisedUSDCents), utilisedCny: cny(t.utilisedCNYFen),
              contractedUsd: usd(t.contractedUSDCents), contractedCny: cny(t.contractedCNYFen))
    }

    static func report(_ r: FDIReport, label: (FDIDimension, String) -> String) -> Components.Schemas.FDIReport {
        let f = r.figures, pl = r.pipeline
        return .init(
            from: f.from.iso, to: f.to.iso, totals: totals(f.totals), comparable: totals(f.comparable),
            comparablePriorYear: totals(f.comparablePriorYear), utilisedGrowth: f.utilisedGrowth, contractedGrowth: f.contractedGrowth,
            strategicEmergingShare: f.strategicEmergingShare, strategicEmergingProjects: Int(f.strategicEmergingProjects),
            highTechUtilisedShare: f.highTechUtilisedShare, months: f.months.map(month),
            breakdowns: FDIDimension.allCases.map { d in
                .init(dimension: .init(rawValue: d.rawValue)!, lines: (f.breakdowns[d] ?? []).map { .init(key: $0.key, label: label(d, $0.key), totals: totals($0.totals)) })
            },
            stages: ProjectStage.allCases.map { .init(stage: .init(rawValue: $0.rawValue)!, projects: pl.stageCounts[$0] ?? 0, medianWorkingDays: pl.medianWorkingDays[$0]) },
            overdue: pl.overdue, signed: pl.signedInPeriod, reachedConstruction: pl.reachedConstruction, reachedProduction: pl.reachedProduction,
            utilisedToDateUsd: usd(pl.utilisedToDateUSDCents), contractedToDateUsd: usd(pl.contractedToDateUSDCents),
            fundsArrivedRatio: pl.fundsArrivedRatio, fortune500Investors: pl.fortune500Investors, fortune500Projects: pl.fortune500Projects,
            regionalHeadquarters: pl.regionalHeadquarters, rdCentres: pl.rdCentres, openBlockers: pl.openBlockers, escalatedBlockers: pl.escalatedBlockers)
    }
}
