import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The enterprise profile's investment section (issue 13 item 7): the investment projects whose
/// project company is this enterprise, and the FDI they brought, utilised (by arrival) and
/// contracted (by recording), in US$ at the rates the ledgers stored, this year and in all.
/// Two aggregate queries and one page of at most `shown` projects, whatever the ledgers hold.
/// A confidential project shows its code name to readers not cleared for it (ProjectVisibility;
/// the firm itself reads its own project's name).
struct InvestmentProfileSection: ProfileSection {
    let id = "investment"
    let title = Bilingual(zh: "投资项目与外资", en: "Investment projects and FDI")
    /// Projects listed (newest first contact first); the totals cover them all.
    static let shown = 20

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        guard let sql = c.db as? any SQLDatabase else { return nil }
        let year = "\(c.today.year)-01"
        // Totals over every project of the firm, per ledger: all time and this year.
        func totals(_ ledger: String) async throws -> (all: Int64, year: Int64) {
            let row = try await sql.raw("""
                SELECT \(unsafeRaw: InvestmentFigures.sum("l.usd_cents")) AS total,
                CAST(COALESCE(SUM(CASE WHEN l.month >= \(bind: year) THEN l.usd_cents ELSE 0 END), 0) AS BIGINT) AS ytd
                FROM \(unsafeRaw: ledger) l JOIN investment_projects p ON p.id = l.project_id WHERE p.enterprise_id = \(bind: c.enterpriseID)
                """).first()
            return (try row?.decode(column: "total", as: Int64.self) ?? 0, try row?.decode(column: "ytd", as: Int64.self) ?? 0)
        }
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM investment_projects WHERE enterprise_id = \(bind: c.enterpriseID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return nil }
        let utilised = try await totals("fdi_inflows"), contracted = try await totals("fdi_contracted")
        let rows = try await sql.raw("""
            SELECT p.id, p.code, p.name_zh, p.name_en, p.stage, p.stage_since, p.signed_on, p.confidential, p.code_name,
            p.total_investment_minor, p.total_investment_currency,
            (SELECT \(unsafeRaw: InvestmentFigures.sum("i.usd_cents")) FROM fdi_inflows i WHERE i.project_id = p.id) AS utilised,
            (SELECT \(unsafeRaw: InvestmentFigures.sum("k.usd_cents")) FROM fdi_contracted k WHERE k.project_id = p.id) AS contracted
            FROM investment_projects p WHERE p.enterprise_id = \(bind: c.enterpriseID)
            ORDER BY p.first_contact_on DESC, p.code LIMIT \(unsafeRaw: String(Self.shown))
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let cleared = try await InvestmentRepository(db: c.db).taskForceProjects(c.principal.userID, among: ids)
        let table: [[ProfileValue]] = try rows.map { r in
            let id = try r.decode(column: "id", as: UUID.self)
            let confidential = try r.decode(column: "confidential", as: Bool.self)
            let named = c.isOwn || ProjectVisibility.canSeeRealName(c.principal, confidential: confidential, inTaskForce: cleared.contains(id))
            let name: ProfileValue = named
                ? ProfileValue(Bilingual(zh: try r.decode(column: "name_zh", as: String.self), en: try r.decode(column: "name_en", as: String.self)))
                : ProfileValue(plain: (try r.decode(column: "code_name", as: String?.self)) ?? "—")
            let stageRaw = try r.decode(column: "stage", as: String.self)
            let stage = ProjectStage(rawValue: stageRaw)
            let total = CurrencyAmount(currency: try r.decode(column: "total_investment_currency", as: String.self),
                                       minor: try r.decode(column: "total_investment_minor", as: Int64.self))
            // Staff open the project's page; the firm has no investment pages.
            let link = c.principal.isStaff ? "/investment/projects/\(id.uuidString)" : nil
            return [ProfileValue(plain: try r.decode(column: "code", as: String.self), link: link), name,
                    ProfileValue(stage?.label ?? Bilingual(zh: stageRaw, en: stageRaw), raw: stageRaw),
                    .date(LocalDate(iso: try r.decode(column: "stage_since", as: String.self))),
                    .date((try r.decode(column: "signed_on", as: String?.self)).flatMap(LocalDate.init(iso:))),
                    ProfileValue(plain: total.description, raw: total.text),
                    .usd(cents: try r.decode(column: "contracted", as: Int64.self)),
                    .usd(cents: try r.decode(column: "utilised", as: Int64.self))]
        }
        let facts: [ProfileFact] = [
            ProfileFact(Bilingual(zh: "项目数", en: "Projects"), .count(count)),
            ProfileFact(Bilingual(zh: "实际使用外资（累计）", en: "Utilised FDI (all)"), .usd(cents: utilised.all)),
            ProfileFact(Bilingual(zh: "实际使用外资（\(c.today.year) 年累计）", en: "Utilised FDI (\(c.today.year) to date)"), .usd(cents: utilised.year)),
            ProfileFact(Bilingual(zh: "合同外资（累计）", en: "Contracted FDI (all)"), .usd(cents: contracted.all)),
            ProfileFact(Bilingual(zh: "合同外资（\(c.today.year) 年累计）", en: "Contracted FDI (\(c.today.year) to date)"), .usd(cents: contracted.year)),
        ]
        var blocks: [ProfileBlock] = [
            .facts(facts),
            .table([Bilingual(zh: "编号", en: "Code"), Bilingual(zh: "项目", en: "Project"), Bilingual(zh: "阶段", en: "Stage"),
                    Bilingual(zh: "进入阶段", en: "Since"), Bilingual(zh: "签约日", en: "Signed"), Bilingual(zh: "总投资", en: "Total investment"),
                    Bilingual(zh: "合同外资", en: "Contracted FDI"), Bilingual(zh: "实际使用外资", en: "Utilised FDI")],
                   numeric: [false, false, false, false, false, true, true, true], rows: table),
        ]
        if count > rows.count {
            blocks.append(.note(Bilingual(zh: "列出最近的 \(rows.count) 个项目，共 \(count) 个；合计含全部项目。",
                                          en: "The latest \(rows.count) of \(count) projects are listed; the totals cover them all.")))
        }
        return ProfileContent(blocks)
    }
}
