import FluentKit
import Foundation
import ParkDomain

/// The enterprise profile's outbound section (issue 13's interface): the firm's ODI projects,
/// the filings it still has open and the risk alerts it has been sent.
struct OutboundProfileSection: ProfileSection {
    let id = "outbound"
    let title = Bilingual(zh: "境外投资", en: "Outbound investment")

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        var f = OutboundProjectFilter()
        f.enterpriseID = c.enterpriseID; f.perPage = 100; f.sort = .agreed
        let repo = OutboundRepository(db: c.db)
        let projects = try await repo.projects(f)
        guard projects.total > 0 else { return nil }
        let rows = projects.items.map { r -> [ProfileValue] in
            let p = r.project
            return [ProfileValue(plain: p.title, link: "/outbound/projects/\(p.id!.uuidString)"),
                    ProfileValue(Country.named(p.countryCode)?.name ?? Bilingual(zh: p.countryCode, en: p.countryCode), raw: p.countryCode),
                    ProfileValue(p.form.label, raw: p.form.rawValue),
                    ProfileValue(plain: "\(p.amount.currency) \(p.amount.originalText)", raw: p.amount.originalText),
                    .yuan(fen: p.amount.yuanFen),
                    ProfileValue(p.stage.label, raw: p.stage.rawValue),
                    p.agreedOn.map { ProfileValue(plain: $0.iso, raw: $0.iso) } ?? .none]
        }
        let open = try await repo.filingQueue(.open, today: c.today, enterpriseID: c.enterpriseID, perPage: 1).total
        let alerts = try await OutboundRiskRepository(db: c.db).alerts(for: c.enterpriseID, perPage: 1).total
        return ProfileContent([
            .facts([ProfileFact(Bilingual(zh: "项目", en: "Projects"), ProfileValue(plain: String(projects.total), raw: String(projects.total))),
                    ProfileFact(Bilingual(zh: "待办备案", en: "Filings open"), ProfileValue(plain: String(open), raw: String(open))),
                    ProfileFact(Bilingual(zh: "收到的风险提示", en: "Risk alerts received"), ProfileValue(plain: String(alerts), raw: String(alerts)))]),
            .table([Bilingual(zh: "项目", en: "Project"), Bilingual(zh: "国家", en: "Country"), Bilingual(zh: "方式", en: "Form"),
                    Bilingual(zh: "原币金额", en: "Amount"), Bilingual(zh: "折人民币", en: "In yuan"), Bilingual(zh: "阶段", en: "Stage"),
                    Bilingual(zh: "约定日期", en: "Agreed")],
                   numeric: [false, false, false, true, true, false, false], rows: rows),
        ])
    }
}
