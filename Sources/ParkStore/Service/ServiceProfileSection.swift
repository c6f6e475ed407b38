import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The enterprise profile's service section (issue 13 item 7): the firm's service requests with
/// their clocks — counts (open, overdue, answered within the limit, average rating) by one
/// aggregate query, then the newest `shown` requests with state, the running clock's deadline
/// and whether each clock (acceptance, first reply, resolution) was met. Only what the firm
/// itself may read is shown (no internal notes, no descriptions), so the section reads the
/// same in the portal.
struct ServiceProfileSection: ProfileSection {
    let id = "service"
    let title = Bilingual(zh: "企业服务诉求", en: "Service requests")
    static let shown = 10

    func load(_ c: ProfileContext) async throws -> ProfileContent? {
        guard let sql = c.db as? any SQLDatabase else { return nil }
        let today = c.today.iso
        guard let sums = try await sql.raw("""
            SELECT COUNT(*) AS total,
            CAST(COALESCE(SUM(CASE WHEN is_open THEN 1 ELSE 0 END), 0) AS BIGINT) AS open,
            CAST(COALESCE(SUM(CASE WHEN is_open AND due_on < \(bind: today) THEN 1 ELSE 0 END), 0) AS BIGINT) AS overdue,
            CAST(COALESCE(SUM(CASE WHEN resolved_in_time IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS answered,
            CAST(COALESCE(SUM(CASE WHEN resolved_in_time THEN 1 ELSE 0 END), 0) AS BIGINT) AS in_time,
            COUNT(rating) AS rated, CAST(COALESCE(SUM(rating), 0) AS BIGINT) AS rating_sum
            FROM service_requests WHERE enterprise_id = \(bind: c.enterpriseID)
            """).first() else { return nil }
        let total = try sums.decode(column: "total", as: Int.self)
        guard total > 0 else { return nil }
        let answered = try sums.decode(column: "answered", as: Int.self), inTime = try sums.decode(column: "in_time", as: Int.self)
        let rated = try sums.decode(column: "rated", as: Int.self), ratingSum = try sums.decode(column: "rating_sum", as: Int.self)

        let repo = ServiceRepository(db: c.db, clock: c.clock)
        let page = try await repo.list(.init(enterpriseID: c.enterpriseID), page: try ParkDomain.PageRequest(page: 1, perPage: Self.shown),
                                       for: .system("profile"))
        let categories = Dictionary(uniqueKeysWithValues: try await repo.categories().map { ($0.code, $0.name) })
        let departments = Dictionary(uniqueKeysWithValues: try await ReferenceRepository(db: c.db).departments().map { ($0.code, $0.name) })
        func flag(_ met: Bool?) -> String { met.map { $0 ? "✓" : "✗" } ?? "—" }
        let rows: [[ProfileValue]] = page.items.map { r in
            let due: ProfileValue = r.dueOn.map { d in
                d < c.today ? ProfileValue(Bilingual(zh: "\(d.iso)（已逾期）", en: "\(d.iso) (overdue)"), raw: d.iso) : .date(d)
            } ?? .none
            let clocks = "\(flag(r.acceptedInTime)) · \(flag(r.firstReplyInTime)) · \(flag(r.resolvedInTime))"
            return [ProfileValue(plain: String(r.number), raw: String(r.number)), ProfileValue(plain: r.title),
                    ProfileValue(categories[r.categoryCode] ?? Bilingual(zh: r.categoryCode, en: r.categoryCode), raw: r.categoryCode),
                    ProfileValue(departments[r.leadDepartment] ?? Bilingual(zh: r.leadDepartment, en: r.leadDepartment), raw: r.leadDepartment),
                    ProfileValue(r.state.label, raw: r.state.rawValue), .date(r.receivedOn), due,
                    ProfileValue(plain: clocks, raw: clocks),
                    r.rating.map { .count($0) } ?? .none]
        }
        let share: ProfileValue = answered == 0 ? .none
            : ProfileValue(plain: "\(inTime) / \(answered) (\(DecimalText.fixed(Decimal(inTime) * 100 / Decimal(answered), places: 1)) %)",
                           raw: String(inTime))
        let rating: ProfileValue = rated == 0 ? .none
            : ProfileValue(plain: DecimalText.fixed(Decimal(ratingSum) / Decimal(rated), places: 1), raw: DecimalText.fixed(Decimal(ratingSum) / Decimal(rated), places: 2))
        var blocks: [ProfileBlock] = [
            .facts([
                ProfileFact(Bilingual(zh: "诉求总数", en: "Requests"), .count(total)),
                ProfileFact(Bilingual(zh: "办理中", en: "Open"), .count(try sums.decode(column: "open", as: Int.self))),
                ProfileFact(Bilingual(zh: "已逾期", en: "Overdue"), .count(try sums.decode(column: "overdue", as: Int.self))),
                ProfileFact(Bilingual(zh: "按时答复", en: "Answered within the limit"), share),
                ProfileFact(Bilingual(zh: "平均评分（1–5）", en: "Average rating (1–5)"), rating),
            ]),
            .table([Bilingual(zh: "编号", en: "No."), Bilingual(zh: "事项", en: "Request"), Bilingual(zh: "类别", en: "Category"),
                    Bilingual(zh: "牵头部门", en: "Lead department"), Bilingual(zh: "状态", en: "State"), Bilingual(zh: "收到", en: "Received"),
                    Bilingual(zh: "当前时限", en: "Due"), Bilingual(zh: "受理 · 首复 · 办结", en: "Accepted · first reply · resolved in time"),
                    Bilingual(zh: "评分", en: "Rating")],
                   numeric: [true, false, false, false, false, false, false, false, true], rows: rows),
        ]
        if total > rows.count {
            blocks.append(.note(Bilingual(zh: "列出最近的 \(rows.count) 件诉求，共 \(total) 件。", en: "The latest \(rows.count) of \(total) requests are listed.")))
        }
        return ProfileContent(blocks)
    }
}
