import FluentKit
import Foundation
import ParkDomain

/// The demo's enterprise service: the Roche-like serum case (customs, health and market
/// supervision in one task force, a question to the firm, an extension to 30 working days, one
/// answer, confirmed, rated, called back, marked as a precedent) and about 1,000 requests over
/// the last 12 months in every state, worked through the same use cases on a clock moved day by
/// day, so every clock, escalation, notice and audit entry is what real use would leave.
public struct DemoServiceSeeder: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// A clock the seeder moves (10:00 in Shanghai on the chosen day).
    final class DayClock: @unchecked Sendable {
        private let lock = NSLock()
        private var day: LocalDate
        init(_ day: LocalDate) { self.day = day }
        func set(_ d: LocalDate) { lock.withLock { day = d } }
        var park: ParkClock {
            ParkClock { [self] in
                let d = lock.withLock { day }
                return Date(timeIntervalSince1970: Double(d.dayNumber - LocalDate(year: 1970, month: 1, day: 1)!.dayNumber) * 86400 + 2 * 3600)
            }
        }
    }

    static let templates: [String: [(String, String)]] = [
        "customs_clearance": [("进口生产设备通关时间过长", "Imported production equipment takes too long to clear"), ("出口货物查验安排", "Inspection slots for export goods"), ("保税料件核销问题", "Reconciling bonded materials")],
        "special_bio_items": [("研发用细胞株进口审批", "Approval to import cell lines for R&D"), ("进口血清类特殊物品通关", "Clearing imported serum as a special item"), ("临床样本出境许可", "Export permit for clinical samples")],
        "permits": [("食品经营许可证变更", "Changing the food business licence"), ("医疗器械生产许可延续", "Renewing the medical device production licence"), ("营业执照经营范围变更", "Changing the business scope on the licence")],
        "land_planning": [("厂房扩建规划许可", "Planning permit for a factory extension"), ("用地红线调整咨询", "Adjusting the parcel boundary"), ("竣工验收排期", "Scheduling the completion inspection")],
        "tax": [("研发费用加计扣除口径", "Scope of the R&D super deduction"), ("出口退税进度", "Progress of an export tax rebate"), ("高新技术企业税收优惠", "High-tech enterprise tax relief")],
        "talent_visas": [("外籍高管工作许可办理", "Work permit for a foreign executive"), ("人才公寓申请", "Applying for talent housing"), ("子女入学协调", "School places for employees' children")],
        "financing": [("关助融信用贷款申请", "Customs-data credit loan application"), ("科技贷款贴息", "Interest subsidy for a technology loan"), ("上市辅导对接", "Introduction to IPO advisers")],
        "utilities": [("厂区双回路供电", "Dual power supply for the plant"), ("污水接管容量不足", "Sewer connection capacity too small"), ("天然气增容", "More natural gas capacity")],
        "health_permits": [("第二类医疗器械注册咨询", "Class II medical device registration"), ("研易达进口器械备案", "Filing imported R&D devices under the pilot"), ("职业卫生评价", "Occupational health assessment")],
        "investment": [("新增投资项目备案", "Filing a new investment project"), ("总部认定申报", "Headquarters recognition"), ("外资增资流程", "Steps for a foreign capital increase")],
        "other": [("园区通勤班车线路", "A shuttle bus route for the park"), ("员工食堂食品安全检查", "Food safety check of the canteen"), ("停车位不足", "Not enough parking")],
    ]

    static func officer(_ dept: String, head: Bool = false) -> Principal {
        Principal(userID: nil, name: "demo:\(dept)\(head ? "-head" : "")", role: .officer, departmentCode: dept, position: head ? .head : .staff)
    }

    static func firm(_ e: UUID) -> Principal { Principal(userID: nil, name: "demo:firm", role: .enterprise, enterpriseID: e) }

    /// Seeds the case and `count` requests; `roche` is the firm the case belongs to (the demo's firm-a).
    public func seed(enterprises: [Enterprise], roche: Enterprise, count: Int, seed: UInt64, progress: (@Sendable (String) -> Void)? = nil) async throws {
        let today = LocalDate(clock.now())
        let cal = try await LeaseRepository(db: db, clock: clock).calendar()
        let index = WorkingDayIndex(calendar: cal, around: today)
        let day = DayClock(today)
        let desk = ServiceDesk(db: db, clock: day.park)
        func on(_ d: LocalDate) { day.set(d) }
        func wd(_ n: Int, after d: LocalDate) -> LocalDate { index.adding(workingDays: n, to: d) }
        func sweep() async throws { while try await ServiceSweep(db: db, clock: day.park).run(limit: 500).total == 500 {} }

        // The Roche-like case, 50 working days ago.
        let d0 = index.adding(workingDays: 1, to: today.adding(days: -75))
        on(d0)
        let rp = Self.firm(roche.id!)
        var r = try await desk.raise(RequestDraft(enterpriseID: roche.id!, categoryCode: "special_bio_items",
            title: "Import of bovine serum albumin for production",
            description: "Our diagnostics production needs imported bovine serum albumin (BSA); no clearance route exists for production use and the line may stop.",
            urgency: .critical, contactName: "Zhang Wei", contactPhone: "0512-6288 0000"), by: rp)
        _ = try await desk.accept(r.id, by: Self.officer("customs"))
        _ = try await desk.post(r.id, .message, body: "Accepted. Customs leads a task force with health and market supervision.", by: Self.officer("customs"))
        let health = try await desk.addSubtask(r.id, department: "health", instructions: "评估生物安全与检疫要求", limitDays: 10, by: Self.officer("customs"))
        let market = try await desk.addSubtask(r.id, department: "market", instructions: "确认产品注册与质量要求", limitDays: 10, by: Self.officer("customs"))
        _ = try await desk.acceptSubtask(health.id, by: Self.officer("health"))
        _ = try await desk.acceptSubtask(market.id, by: Self.officer("market"))
        _ = try await desk.post(r.id, .note, body: "需中德双方就牛源地检疫证书签署备忘录。", by: Self.officer("health"))
        on(wd(3, after: d0))
        _ = try await desk.post(r.id, .question, body: "Please send the yearly quantity, the intended use and the certificate of origin.", by: Self.officer("customs"))
        on(wd(5, after: d0))
        _ = try await desk.post(r.id, .message, body: "About 50 kg a year, for diagnostics production only, origin Germany; the certificate is attached.", by: rp)
        _ = try await desk.attach(r.id, filename: "origin-certificate.pdf", data: Data("%PDF-1.4 certificate of origin (demo)".utf8), internalOnly: false, by: rp)
        on(wd(9, after: d0))
        _ = try await desk.requestExtension(r.id, days: 30, reason: "需中德双方签署检疫备忘录", by: Self.officer("customs", head: true))
        on(wd(12, after: d0)); try await sweep()
        _ = try await desk.completeSubtask(market.id, result: "无需另行注册，按研发生产用原料管理。", by: Self.officer("market"))
        on(wd(16, after: d0)); try await sweep()
        _ = try await desk.completeSubtask(health.id, result: "备忘录已签署，可按特殊物品审批，检疫期 20 个工作日。", by: Self.officer("health"))
        on(wd(22, after: d0))
        r = try await desk.reply(r.id, body: "Customs, health and market supervision have worked together and China and Germany have signed the memorandum: you may import BSA for production as a special item; quarantine takes 20 working days.", by: Self.officer("customs"))
        on(wd(24, after: d0))
        _ = try await desk.confirm(r.id, accepted: true, by: rp)
        _ = try await desk.rate(r.id, stars: 5, comment: "One answer, and the problem is solved.", by: rp)
        on(wd(26, after: d0))
        _ = try await desk.recordCallback(r.id, calledOn: wd(26, after: d0), satisfied: true, notes: "企业已完成首批进口。", by: Self.officer("service"))
        _ = try await desk.markPrecedent(r.id, title: "进口牛血清用于生产（特殊物品）", by: Self.officer("customs"))

        // About `count` requests over the last 12 months.
        var g = SeededGenerator(seed: seed &+ 12)
        let categories = try await ServiceRepository(db: db, clock: clock).categories(includeInactive: false)
        let weights = [("customs_clearance", 14), ("special_bio_items", 5), ("permits", 14), ("land_planning", 8), ("tax", 14), ("talent_visas", 10),
                       ("financing", 8), ("utilities", 12), ("health_permits", 6), ("investment", 5), ("other", 4)]
        let bag = weights.flatMap { w in Array(repeating: w.0, count: w.1) }.filter { c in categories.contains { $0.code == c } }
        var plans: [(LocalDate, Int)] = (0..<count).map { i in (index.adding(workingDays: 0, to: today.adding(days: -g.int(in: 0...364))), i) }
        plans.sort { $0.0 < $1.0 }
        for (n, (received, _)) in plans.enumerated() {
            if n % 100 == 0 { progress?("service requests \(n)/\(count)") }
            let e = enterprises[g.below(enterprises.count)]
            let code = bag[g.below(bag.count)]
            guard let cat = categories.first(where: { $0.code == code }), let t = Self.templates[code]?[g.below(3)] else { continue }
            let lead = cat.leadDepartment
            on(index.calendar.isWorkingDay(received) ? received : wd(1, after: received))
            let start = LocalDate(day.park.now())
            if start > today { continue }
            let fp = Self.firm(e.id!)
            // A request is written in one language: foreign-invested firms write (and are answered)
            // in English, the others in Chinese; notes between departments stay in Chinese.
            let english = e.ownership != .domestic
            func say(_ zh: String, _ en: String) -> String { english ? en : zh }
            let req = try await desk.raise(RequestDraft(enterpriseID: e.id!, categoryCode: code, title: say(t.0, t.1),
                                                        description: say("\(t.0)，请园区协调。", "\(t.1); we ask the park to help."),
                                                        urgency: g.below(10) == 0 ? .urgent : .normal, channel: [.portal, .portal, .phone, .hotline, .visit][g.below(5)],
                                                        contactName: say("联系人 \(n)", "Contact \(n)"), contactPhone: "0512-6\(String(format: "%03d", n % 1000)) \(1000 + g.below(8999))"), by: fp)
            let age = index.workingDays(after: start, through: today)
            let fate = g.below(100)
            // Recent requests are still being worked; a few older ones are stuck.
            if age <= 1 || (age < 25 && fate < 8) { continue }                           // waiting for acceptance
            if fate == 8, age < 40 {                                                    // returned as misrouted
                _ = try await desk.returnToDispatcher(req.id, reason: "不属本部门职责", by: Self.officer(lead)); continue
            }
            let acceptDay = wd(g.below(10) < 8 ? 0 : (g.below(2) + 1), after: start)
            if acceptDay > today { continue }
            on(acceptDay); _ = try await desk.accept(req.id, by: Self.officer(lead))
            let replyDay = wd(g.below(10) < 8 ? 1 : 3 + g.below(3), after: start)
            if replyDay > today { continue }
            on(replyDay); _ = try await desk.post(req.id, .message, body: say("已受理，正在办理。", "Accepted; we are working on it."), by: Self.officer(lead))
            var subtasks: [Subtask] = []
            if g.below(10) < 3 {
                let others = ["customs", "health", "market", "tax", "land", "service"].filter { $0 != lead }
                let s = try await desk.addSubtask(req.id, department: others[g.below(others.count)], instructions: "请出具意见", limitDays: 5 + g.below(6), by: Self.officer(lead))
                subtasks.append(s)
                _ = try await desk.acceptSubtask(s.id, by: Self.officer(s.department))
            }
            if fate >= 9 && fate < 12 && age < 60 {                                    // waiting for the enterprise
                _ = try await desk.post(req.id, .question, body: say("请补充材料。", "Please send the missing documents."), by: Self.officer(lead)); continue
            }
            let took = g.below(10) < 8 ? 2 + g.below(12) : 14 + g.below(12)
            let doneDay = wd(took, after: start)
            if doneDay > today || (fate == 12 && age < 60) { continue }                               // in progress (some overdue now)
            on(doneDay)
            for s in subtasks { _ = try await desk.completeSubtask(s.id, result: "已出具意见", by: Self.officer(s.department)) }
            _ = try await desk.reply(req.id, body: say("经协调，已为贵司办结：\(t.0)。", "Done: \(t.1)."), by: Self.officer(lead))
            let confirmDay = wd(1 + g.below(3), after: doneDay)
            if confirmDay > today || fate == 13 { continue }                            // answered, awaiting confirmation
            on(confirmDay)
            if fate < 18 {                                                              // rejected once, answered again
                _ = try await desk.confirm(req.id, accepted: false, reason: say("问题仍未解决", "Still not solved"), by: fp)
                on(wd(2, after: confirmDay)); if LocalDate(day.park.now()) > today { continue }
                _ = try await desk.reply(req.id, body: say("已补充办理。", "We have followed up."), by: Self.officer(lead))
                on(wd(3, after: confirmDay)); if LocalDate(day.park.now()) > today { continue }
            }
            _ = try await desk.confirm(req.id, accepted: true, by: fp)
            if g.below(10) < 7 {
                let stars = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1][g.below(10)]
                _ = try await desk.rate(req.id, stars: stars, comment: stars >= 4 ? say("满意", "Satisfied") : say("仍有不足", "Could be better"), by: fp)
            }
            if g.below(10) == 0 { _ = try await desk.recordCallback(req.id, calledOn: LocalDate(day.park.now()), satisfied: true, notes: "回访满意", by: Self.officer("service")) }
        }
        // Escalate what is overdue today.
        on(today); try await sweep()
        progress?("service requests \(count)/\(count)")
    }
}
