import FluentKit
import Foundation
import ParkDomain

private func b(_ zh: String, _ en: String) -> Bilingual { Bilingual(zh: zh, en: en) }

/// The register: identity, classification, ownership and flags.
struct RegisterProfileSection: ProfileSection {
    let id = "register"
    let title = b("登记信息", "Register")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        let e = c.enterprise
        let clusters = Dictionary(uniqueKeysWithValues: try await ReferenceRepository(db: c.db).clusters().map { ($0.code, $0.name) })
        let division = IndustryClassification.division(e.industryCode)
        let country = Country.named(e.originCountry)?.name ?? b(e.originCountry, e.originCountry)
        func names(_ codes: [String]) -> ProfileValue {
            guard !codes.isEmpty else { return .none }
            let list = codes.map { clusters[$0] ?? b($0, $0) }
            return ProfileValue(b(list.map(\.zh).joined(separator: "、"), list.map(\.en).joined(separator: ", ")), raw: codes.joined(separator: ";"))
        }
        var facts: [ProfileFact] = [
            ProfileFact(b("统一社会信用代码", "Credit code"), ProfileValue(plain: e.creditCode.value, link: "/enterprises/\(c.enterpriseID.uuidString)")),
            ProfileFact(b("中文名称", "Name (Chinese)"), ProfileValue(plain: e.nameZh)),
            ProfileFact(b("英文名称", "Name (English)"), e.nameEn.isEmpty ? .none : ProfileValue(plain: e.nameEn)),
            ProfileFact(b("行业", "Industry"), ProfileValue(b("\(e.industryCode) \(division?.name.zh ?? "")", "\(e.industryCode) \(division?.name.en ?? "")"), raw: e.industryCode)),
            ProfileFact(b("产业集群", "Clusters"), names(e.clusters)),
            ProfileFact(b("所有制", "Ownership"), ProfileValue(e.ownership.label, raw: e.ownership.rawValue)),
            ProfileFact(b("投资来源地", "Origin country"), ProfileValue(country, raw: e.originCountry)),
            ProfileFact(b("世界 500 强母公司", "Fortune Global 500 parent"), e.fortune500Parent.map { ProfileValue(plain: $0) } ?? .none),
            ProfileFact(b("地区总部", "Regional headquarters"), .yesNo(e.regionalHeadquarters)),
            ProfileFact(b("研发中心", "R&D centre"), .yesNo(e.rdCentre)),
            ProfileFact(b("规模以上", "Above designated size"), .yesNo(e.aboveDesignatedSize)),
            ProfileFact(b("上市板块", "Listing"), e.listing.map { ProfileValue($0.label, raw: $0.rawValue) } ?? .none),
            ProfileFact(b("从业人员", "Employees"), e.employees.map { ProfileValue(plain: String($0), raw: String($0)) } ?? .none),
            ProfileFact(b("成立日期", "Founded"), e.foundedOn.map { ProfileValue(plain: $0.iso, raw: $0.iso) } ?? .none),
            ProfileFact(b("地址", "Address"), e.address.isEmpty ? .none : ProfileValue(plain: e.address)),
        ]
        if let d = e.deregistration {
            facts.append(ProfileFact(b("注销", "Deregistered"), ProfileValue(plain: "\(d.on.iso) · \(d.reason)", raw: d.on.iso)))
        }
        return ProfileContent([.facts(facts)])
    }
}

/// Land: the leases held, their parcels, terms and latest assessment.
struct LandProfileSection: ProfileSection {
    let id = "land"
    let title = b("土地与出让合同", "Land and leases")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        let leases = try await LeaseRepository(db: c.db).list(.init(enterpriseID: c.enterpriseID))
        guard !leases.isEmpty else { return nil }
        let parcels = ParcelRepository(db: c.db), assessments = AssessmentRepository(db: c.db)
        var rows: [[ProfileValue]] = []
        for l in leases {
            guard let lid = l.id else { continue }
            let parcel = try await parcels.find(l.parcelID)
            let a = try await assessments.latest(leaseID: lid)
            let result: ProfileValue = a.map { a in
                let kind = (a.decision?.kind ?? a.proposal.kind).label
                let score = String(format: "%.1f", a.proposal.score)
                return ProfileValue(b("\(score) 分 · \(kind.zh)\(a.decision == nil ? "（待决定）" : "")", "\(score) · \(kind.en)\(a.decision == nil ? " (proposed)" : "")"),
                                    raw: score, link: "/leases/\(lid.uuidString)/assessment")
            } ?? .none
            rows.append([
                ProfileValue(plain: parcel?.code ?? "—", link: "/leases/\(lid.uuidString)"),
                parcel.map { ProfileValue(SubArea.label($0.subArea), raw: $0.subArea) } ?? .none,
                parcel.map { ProfileValue(plain: String(format: "%.2f", $0.declaredAreaMu), raw: String(format: "%.4f", $0.declaredAreaMu)) } ?? .none,
                ProfileValue(l.state.label, raw: l.state.rawValue),
                l.contract.map { ProfileValue(plain: $0.firstTermEnd.iso, raw: $0.firstTermEnd.iso) } ?? .none,
                l.contract.map { let end = $0.endDate(extensionYears: l.extensionYears).iso; return ProfileValue(plain: end, raw: end) } ?? .none,
                result,
            ])
        }
        return ProfileContent([.table([b("地块", "Parcel"), b("片区", "Sub-area"), b("面积（亩）", "Area (mu)"), b("状态", "State"),
                                       b("首期届满", "First term ends"), b("到期日", "Ends"), b("评估结果", "Assessment")],
                                      numeric: [false, false, true, false, false, false, false], rows: rows)])
    }
}

/// Yearly reports: the newest version of each year, summed over the enterprise's leases.
struct ReportsProfileSection: ProfileSection {
    let id = "reports"
    let title = b("年度报表", "Yearly reports")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        let reports = ReportRepository(db: c.db)
        var byYear: [Int: (tax: Int64, revenue: Int64, va: Int64, rd: Int64, staff: Int)] = [:]
        for l in try await LeaseRepository(db: c.db).list(.init(enterpriseID: c.enterpriseID)) {
            guard let lid = l.id else { continue }
            for r in try await reports.current(leaseID: lid) {
                var y = byYear[r.year] ?? (0, 0, 0, 0, 0)
                y.tax = Checked.addSaturating(y.tax, r.taxPaidYuan); y.revenue = Checked.addSaturating(y.revenue, r.revenueYuan)
                y.va = Checked.addSaturating(y.va, r.valueAddedYuan); y.rd = Checked.addSaturating(y.rd, r.rdSpendYuan)
                y.staff += r.averageEmployees
                byYear[r.year] = y
            }
        }
        guard !byYear.isEmpty else { return nil }
        func money(_ yuan: Int64) -> ProfileValue { .yuan(fen: Checked.int64(Double(yuan) * 100) ?? Int64.max) }
        let rows = byYear.keys.sorted(by: >).map { year -> [ProfileValue] in
            let y = byYear[year]!
            return [ProfileValue(plain: String(year)), money(y.tax), money(y.revenue), money(y.va), money(y.rd),
                    ProfileValue(plain: String(y.staff), raw: String(y.staff))]
        }
        return ProfileContent([.table([b("年度", "Year"), b("税收", "Tax"), b("营业收入", "Revenue"), b("增加值", "Value added"),
                                       b("研发投入", "R&D spend"), b("平均从业人员", "Average employees")],
                                      numeric: [false, true, true, true, true, true], rows: rows)])
    }
}

/// Per-mu grades by enacted year, each with its scorecard.
struct PerMuProfileSection: ProfileSection {
    let id = "permu"
    let title = b("亩均效益评价", "Per-mu evaluation")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        let query = PerMuResultQuery(db: c.db)
        var rows: [[ProfileValue]] = []
        for run in try await PerMuRunRepository(db: c.db).all() where run.state == .enacted {
            guard let r = try await query.result(runID: run.id, enterpriseID: c.enterpriseID) else { continue }
            let grade = r.result.grade.map { ProfileValue(plain: $0.rawValue) } ?? ProfileValue(r.result.status == .outOfScope ? b("不参评", "Out of scope") : b("未定级", "Not graded"), raw: r.result.status.rawValue)
            let link = c.isOwn ? "/permu/me?year=\(run.year)" : "/permu/runs/\(run.id.uuidString)/enterprises/\(c.enterpriseID.uuidString)"
            rows.append([ProfileValue(plain: String(run.year), link: link), grade,
                         r.result.total.map { ProfileValue(plain: String(format: "%.2f", $0), raw: String($0)) } ?? .none,
                         r.result.parkRank.map { rank in ProfileValue(plain: "\(rank) / \(r.result.poolSize ?? 0)", raw: String(rank)) } ?? .none,
                         ProfileValue(plain: String(format: "%.2f", r.result.landMu), raw: String(r.result.landMu)),
                         ProfileValue(b("评分卡", "Scorecard"), link: link)])
        }
        guard !rows.isEmpty else { return nil }
        return ProfileContent([.table([b("年度", "Year"), b("等级", "Grade"), b("总分", "Score"), b("全园排名", "Park rank"),
                                       b("用地（亩）", "Land (mu)"), b("", "")],
                                      numeric: [false, false, true, true, true, false], rows: rows)])
    }
}

/// Policies from the latest match: what the enterprise is entitled to, and what is undetermined
/// with the data that would decide it.
struct PoliciesProfileSection: ProfileSection {
    let id = "policies"
    let title = b("惠企政策", "Policies")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        let runs = PolicyRunRepository(db: c.db, clock: c.clock)
        guard let run = try await runs.all().first else { return nil }
        let answers = try await runs.results(runID: run.id, enterprise: c.enterpriseID, perPage: 500).items
        guard !answers.isEmpty else {
            return ProfileContent([.note(b("\(run.asOf.iso) 的政策匹配中没有可享受或待定的政策。", "No policy entitled or undetermined in the match of \(run.asOf.iso)."))])
        }
        let titles = Dictionary(try await PolicyRepository(db: c.db).latest().map { ($0.policy.header.id, $0.policy.header.title) }, uniquingKeysWith: { a, _ in a })
        let link = c.isOwn ? "/policies/me" : "/policies/enterprise/\(c.enterpriseID.uuidString)"
        func title(_ id: String) -> ProfileValue { ProfileValue(titles[id] ?? b(id, id), raw: id, link: link) }
        let entitled = answers.filter { $0.status == .eligible }.map { a -> [ProfileValue] in
            [title(a.policyID), a.amountFen.map { .yuan(fen: $0) } ?? ProfileValue(b("金额待定", "amount undetermined"))]
        }
        let undetermined = answers.filter { $0.status == .undetermined }.map { a -> [ProfileValue] in
            let labels = a.missing.map { PolicyFactCatalogue.builtIn[$0]?.label ?? b($0, $0) }
            return [title(a.policyID), ProfileValue(b(labels.map(\.zh).joined(separator: "、"), labels.map(\.en).joined(separator: ", ")),
                                                    raw: a.missing.joined(separator: ";"))]
        }
        var blocks: [ProfileBlock] = [.note(b("依据 \(run.asOf.iso) 的政策匹配。", "From the policy match as of \(run.asOf.iso)."))]
        if !entitled.isEmpty {
            blocks.append(.table([b("政策", "Policy"), b("金额", "Amount")], numeric: [false, true], rows: entitled, title: b("可享受", "Entitled")))
        }
        if !undetermined.isEmpty {
            blocks.append(.table([b("政策", "Policy"), b("尚缺数据", "Data needed")], rows: undetermined, title: b("待定", "Undetermined")))
        }
        return ProfileContent(blocks)
    }
}

/// Grants confirmed for payment, in every policy run.
struct GrantsProfileSection: ProfileSection {
    let id = "grants"
    let title = b("已兑现奖补", "Grants paid")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        let runs = PolicyRunRepository(db: c.db, clock: c.clock)
        let titles = Dictionary(try await PolicyRepository(db: c.db).latest().map { ($0.policy.header.id, $0.policy.header.title) }, uniquingKeysWith: { a, _ in a })
        var rows: [[ProfileValue]] = []
        var total: Int64 = 0
        for run in try await runs.all() {
            for g in try await runs.grants(runID: run.id, state: .confirmed, enterprise: c.enterpriseID) {
                total = Checked.addSaturating(total, g.proposedFen)
                rows.append([ProfileValue(plain: run.asOf.iso, raw: run.asOf.iso), ProfileValue(titles[g.policyID] ?? b(g.policyID, g.policyID), raw: g.policyID),
                             .yuan(fen: g.proposedFen), ProfileValue(plain: g.decidedBy ?? "—")])
            }
        }
        guard !rows.isEmpty else { return nil }
        return ProfileContent([.facts([ProfileFact(b("合计", "Total"), .yuan(fen: total))]),
                               .table([b("匹配日", "Match of"), b("政策", "Policy"), b("金额", "Amount"), b("确认人", "Confirmed by")],
                                      numeric: [false, false, true, false], rows: rows)])
    }
}
