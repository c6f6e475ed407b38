import FluentKit
import Foundation
import ParkDomain

/// The enterprise profile's foreign investment information reports (DOMAIN.md §8): its annual
/// and change reports, newest window first, with their window, state and filing. Left out for
/// an enterprise that has none (domestic firms). Keyed reads of at most `shown` reports.
struct InfoReportProfileSection: ProfileSection {
    let id = "info-reports"
    let title = Bilingual(zh: "外商投资信息报告", en: "Foreign investment information reports")
    static let shown = 20

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        guard c.enterprise.ownership != .domestic else { return nil }
        // One keyed query (the profile reads every module's section in one request).
        let reports = try await InfoReportModel.query(on: c.db).filter(\.$enterpriseID == c.enterpriseID)
            .sort(\.$opensOn, .descending).sort(\.$id).limit(Self.shown).all().map { $0.toDomain() }
        guard !reports.isEmpty else { return nil }
        let today = c.today
        let table: [[ProfileValue]] = reports.map { rep in
            let state = rep.state(on: today)
            let what: ProfileValue = rep.kind == .annual
                ? ProfileValue(Bilingual(zh: "\(rep.reportYear ?? 0) 年度报告", en: "Annual report \(rep.reportYear ?? 0)"), raw: "annual")
                : ProfileValue(Bilingual(zh: "变更报告（\(rep.changeNote ?? "")）", en: "Change report (\(rep.changeNote ?? ""))"), raw: "change")
            let stateText = rep.filedLate ? Bilingual(zh: "逾期报送", en: "Filed late") : state.label
            return [what, .date(rep.opensOn), .date(rep.dueOn), ProfileValue(stateText, raw: state.rawValue), .date(rep.filedOn)]
        }
        return ProfileContent([
            .table([Bilingual(zh: "报告", en: "Report"), Bilingual(zh: "起报日", en: "Opens"), Bilingual(zh: "截止日", en: "Due by"),
                    Bilingual(zh: "状态", en: "State"), Bilingual(zh: "报送日", en: "Filed on")], rows: table),
            .note(Bilingual(zh: "年度报告于每年 1 月 1 日至 6 月 30 日报送上一年度情况；无需办理变更登记的变更自变更之日起 20 个工作日内报送。",
                            en: "The annual report on the previous year is filed from 1 January to 30 June; a change that needs no registration change is reported within 20 working days of it.")),
        ])
    }
}
