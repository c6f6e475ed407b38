import FluentKit
import Foundation
import ParkDomain

/// A row of `fdi_industry_categories`: a GB/T 4754 division counted in a category.
final class IndustryCategoryModel: Model, @unchecked Sendable {
    static let schema = "fdi_industry_categories"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "industry_code") var industryCode: String
    @Field(key: "category") var category: String
    init() {}
}

/// A row of `investment_limits`: a working-day limit by code.
final class InvestmentLimitModel: Model, @unchecked Sendable {
    static let schema = "investment_limits"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "working_days") var workingDays: Int
    init() {}
}

final class InvestorModel: Model, @unchecked Sendable {
    static let schema = "investors"
    @ID(key: .id) var id: UUID?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "origin_country") var originCountry: String
    @OptionalField(key: "listing") var listing: String?
    @Field(key: "sector") var sector: String
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    func apply(_ i: Investor) {
        nameZh = i.nameZh; nameEn = i.nameEn; originCountry = i.originCountry; listing = i.listing?.rawValue; sector = i.sector
    }

    func toDomain(fortune500: Fortune500Entry?) -> Investor {
        Investor(id: id, nameZh: nameZh, nameEn: nameEn, originCountry: originCountry, listing: listing.flatMap(ListingBoard.init(rawValue:)),
                 sector: sector, fortune500: fortune500)
    }
}

final class Fortune500RankModel: Model, @unchecked Sendable {
    static let schema = "fortune500_ranks"
    @ID(key: .id) var id: UUID?
    @Field(key: "investor_id") var investorID: UUID
    @Field(key: "list_year") var listYear: Int
    @Field(key: "rank") var rank: Int
    init() {}
}

final class ProjectModel: Model, @unchecked Sendable {
    static let schema = "investment_projects"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "investor_id") var investorID: UUID
    @OptionalField(key: "enterprise_id") var enterpriseID: UUID?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "project_type") var projectType: String
    @OptionalField(key: "cluster") var cluster: String?
    @Field(key: "industry_code") var industryCode: String
    @Field(key: "total_investment_minor") var totalInvestmentMinor: Int64
    @Field(key: "total_investment_currency") var totalInvestmentCurrency: String
    @OptionalField(key: "registered_capital_minor") var registeredCapitalMinor: Int64?
    @OptionalField(key: "registered_capital_currency") var registeredCapitalCurrency: String?
    @OptionalField(key: "foreign_capital_minor") var foreignCapitalMinor: Int64?
    @OptionalField(key: "foreign_capital_currency") var foreignCapitalCurrency: String?
    @OptionalField(key: "land_need_mu") var landNeedMu: Double?
    @OptionalField(key: "officer_id") var officerID: UUID?
    @Field(key: "source") var source: String
    @Field(key: "first_contact_on") var firstContactOn: String
    @Field(key: "stage") var stage: String
    @Field(key: "stage_since") var stageSince: String
    @OptionalField(key: "stage_due_on") var stageDueOn: String?
    @OptionalField(key: "signed_on") var signedOn: String?
    @OptionalField(key: "drop_reason") var dropReason: String?
    @Field(key: "confidential") var confidential: Bool
    @OptionalField(key: "code_name") var codeName: String?
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    func apply(_ p: InvestmentProject) {
        code = p.code; investorID = p.investorID; enterpriseID = p.enterpriseID; nameZh = p.nameZh; nameEn = p.nameEn
        projectType = p.type.rawValue; cluster = p.cluster; industryCode = p.industryCode
        totalInvestmentMinor = p.totalInvestment.minor; totalInvestmentCurrency = p.totalInvestment.currency
        registeredCapitalMinor = p.registeredCapital?.minor; registeredCapitalCurrency = p.registeredCapital?.currency
        foreignCapitalMinor = p.foreignCapital?.minor; foreignCapitalCurrency = p.foreignCapital?.currency
        landNeedMu = p.landNeedMu; officerID = p.officerID; source = p.source.rawValue; firstContactOn = p.firstContactOn.iso
        stage = p.stage.rawValue; stageSince = p.stageSince.iso; stageDueOn = p.stageDueOn?.iso; signedOn = p.signedOn?.iso
        dropReason = p.dropReason?.rawValue; confidential = p.confidential; codeName = p.codeName
    }

    func toDomain() -> InvestmentProject {
        func money(_ m: Int64?, _ c: String?) -> CurrencyAmount? { m.flatMap { v in c.map { CurrencyAmount(currency: $0, minor: v) } } }
        let contact = LocalDate(iso: firstContactOn) ?? LocalDate(year: 2000, month: 1, day: 1)!
        return InvestmentProject(id: id, code: code, investorID: investorID, enterpriseID: enterpriseID, nameZh: nameZh, nameEn: nameEn,
                                 type: ProjectType(rawValue: projectType) ?? .newEstablishment, cluster: cluster, industryCode: industryCode,
                                 totalInvestment: CurrencyAmount(currency: totalInvestmentCurrency, minor: totalInvestmentMinor),
                                 registeredCapital: money(registeredCapitalMinor, registeredCapitalCurrency),
                                 foreignCapital: money(foreignCapitalMinor, foreignCapitalCurrency), landNeedMu: landNeedMu,
                                 officerID: officerID, source: ProjectSource(rawValue: source) ?? .visit, firstContactOn: contact,
                                 stage: ProjectStage(rawValue: stage) ?? .lead, stageSince: LocalDate(iso: stageSince) ?? contact,
                                 stageDueOn: stageDueOn.flatMap(LocalDate.init(iso:)), signedOn: signedOn.flatMap(LocalDate.init(iso:)),
                                 dropReason: dropReason.flatMap(DropReason.init(rawValue:)), confidential: confidential, codeName: codeName)
    }
}

final class StageMoveModel: Model, @unchecked Sendable {
    static let schema = "project_stage_moves"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "from_stage") var fromStage: String
    @Field(key: "to_stage") var toStage: String
    @Field(key: "effective_on") var effectiveOn: String
    @OptionalField(key: "drop_reason") var dropReason: String?
    @Field(key: "note") var note: String
    @Field(key: "proposed_by") var proposedBy: String
    @Field(key: "proposed_at_ms") var proposedAtMillis: Int64
    @Field(key: "state") var state: String
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "reviewed_at_ms") var reviewedAtMillis: Int64?
    @OptionalField(key: "review_comment") var reviewComment: String?
    /// Working days spent at `from_stage` (set on approval).
    @OptionalField(key: "days_at_stage") var daysAtStage: Int?
    init() {}

    func apply(_ m: StageMove) {
        id = m.id; projectID = m.projectID; fromStage = m.fromStage.rawValue; toStage = m.toStage.rawValue
        effectiveOn = m.effectiveOn.iso; dropReason = m.dropReason?.rawValue; note = m.note; proposedBy = m.proposedBy
        proposedAtMillis = m.proposedAtMillis; state = m.state.rawValue; reviewedBy = m.reviewedBy
        reviewedAtMillis = m.reviewedAtMillis; reviewComment = m.reviewComment
    }

    func toDomain() -> StageMove {
        StageMove(id: id!, projectID: projectID, fromStage: ProjectStage(rawValue: fromStage) ?? .lead,
                  toStage: ProjectStage(rawValue: toStage) ?? .lead, effectiveOn: LocalDate(iso: effectiveOn) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                  dropReason: dropReason.flatMap(DropReason.init(rawValue:)), note: note, proposedBy: proposedBy,
                  proposedAtMillis: proposedAtMillis, state: ReviewState(rawValue: state) ?? .pending, reviewedBy: reviewedBy,
                  reviewedAtMillis: reviewedAtMillis, reviewComment: reviewComment)
    }
}

final class TaskForceModel: Model, @unchecked Sendable {
    static let schema = "project_task_force"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "is_lead") var isLead: Bool
    init() {}
}

final class BlockerModel: Model, @unchecked Sendable {
    static let schema = "project_blockers"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "stage") var stage: String
    @Field(key: "title") var title: String
    @Field(key: "department_code") var departmentCode: String
    @Field(key: "opened_on") var openedOn: String
    @Field(key: "escalate_on") var escalateOn: String
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "resolution") var resolution: String?
    @Field(key: "opened_by") var openedBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}
}

final class BlockerEventModel: Model, @unchecked Sendable {
    static let schema = "blocker_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "blocker_id") var blockerID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "on_date") var onDate: String
    @Field(key: "text") var text: String
    @Field(key: "actor") var actor: String
    @Field(key: "at_ms") var atMillis: Int64
    init() {}
}

/// A row of `fdi_contracted` or `fdi_inflows` (the same money columns; `schemaName` picks the table).
final class ContractedModel: Model, @unchecked Sendable {
    static let schema = "fdi_contracted"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "month") var month: String
    @Field(key: "kind") var kind: String
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "usd_per_unit_e8") var usdPerUnitE8: Int64
    @Field(key: "cny_per_unit_e8") var cnyPerUnitE8: Int64
    @Field(key: "usd_cents") var usdCents: Int64
    @Field(key: "cny_fen") var cnyFen: Int64
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "event") var event: String
    @Field(key: "note") var note: String
    init() {}

    func apply(_ e: ContractedEntry) {
        id = e.id; projectID = e.projectID; month = YearMonth(e.recordedOn).iso; kind = e.kind.rawValue
        amountMinor = e.amount.minor; currency = e.amount.currency; usdPerUnitE8 = e.rate.usdPerUnitE8; cnyPerUnitE8 = e.rate.cnyPerUnitE8
        usdCents = e.counted.usdCents; cnyFen = e.counted.cnyFen; recordedOn = e.recordedOn.iso; event = e.event.rawValue; note = e.note
    }

    func toDomain() -> ContractedEntry {
        let on = LocalDate(iso: recordedOn) ?? LocalDate(year: 2000, month: 1, day: 1)!
        return ContractedEntry(id: id!, projectID: projectID, recordedOn: on, kind: ContractedKind(rawValue: kind) ?? .subscribedCapital,
                               event: ContractedEvent(rawValue: event) ?? .signing, amount: CurrencyAmount(currency: currency, minor: amountMinor),
                               rate: ExchangeRate(currency: currency, month: YearMonth(on), usdPerUnitE8: usdPerUnitE8, cnyPerUnitE8: cnyPerUnitE8),
                               counted: .init(usdCents: usdCents, cnyFen: cnyFen), note: note)
    }
}

final class InflowModel: Model, @unchecked Sendable {
    static let schema = "fdi_inflows"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "month") var month: String
    @Field(key: "kind") var kind: String
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "usd_per_unit_e8") var usdPerUnitE8: Int64
    @Field(key: "cny_per_unit_e8") var cnyPerUnitE8: Int64
    @Field(key: "usd_cents") var usdCents: Int64
    @Field(key: "cny_fen") var cnyFen: Int64
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "arrived_on") var arrivedOn: String
    @Field(key: "bank_reference") var bankReference: String
    init() {}

    func apply(_ i: Inflow) {
        id = i.id; projectID = i.projectID; month = YearMonth(i.arrivedOn).iso; kind = i.kind.rawValue
        amountMinor = i.amount.minor; currency = i.amount.currency; usdPerUnitE8 = i.rate.usdPerUnitE8; cnyPerUnitE8 = i.rate.cnyPerUnitE8
        usdCents = i.counted.usdCents; cnyFen = i.counted.cnyFen; arrivedOn = i.arrivedOn.iso; bankReference = i.bankReference
    }

    func toDomain() -> Inflow {
        let on = LocalDate(iso: arrivedOn) ?? LocalDate(year: 2000, month: 1, day: 1)!
        return Inflow(id: id!, projectID: projectID, arrivedOn: on, kind: InflowKind(rawValue: kind) ?? .cash,
                      amount: CurrencyAmount(currency: currency, minor: amountMinor),
                      rate: ExchangeRate(currency: currency, month: YearMonth(on), usdPerUnitE8: usdPerUnitE8, cnyPerUnitE8: cnyPerUnitE8),
                      counted: .init(usdCents: usdCents, cnyFen: cnyFen), bankReference: bankReference)
    }
}
