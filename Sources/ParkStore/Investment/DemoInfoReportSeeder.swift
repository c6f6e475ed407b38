import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The demo's foreign investment information reports: last year's annual reports generated for
/// every foreign-invested enterprise (through the use case, audited), nine in ten of them filed
/// on a day of the window (one in ten of those late, in July–September) as bulk seed data, and a
/// dozen change reports recorded over the last six weeks (through the use case), so the due and
/// overdue lists have something in both.
struct DemoInfoReportSeeder: Sendable {
    let db: any Database
    let clock: ParkClock

    func seed(enterprises: [Enterprise], progress: (@Sendable (String) -> Void)?) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let system = Principal.system("demo")
        let service = InfoReportService(db: db, clock: clock)
        let today = LocalDate(clock.now()), year = today.year - 1
        let added = try await service.generateAnnual(year: year, by: system)
        // Filing days: the 10th and the 25th of each month of the window, and three late days.
        let onTime = (1...6).flatMap { m in [10, 25].map { LocalDate(year: year + 1, month: m, day: $0)! } }
        let late = [LocalDate(year: year + 1, month: 7, day: 15)!, LocalDate(year: year + 1, month: 8, day: 12)!, LocalDate(year: year + 1, month: 9, day: 9)!]
        var filed = 0, after: UUID? = nil, n = 0
        while true {
            let q = sql.select().column("id").from(InfoReportModel.schema)
                .where("kind", .equal, InfoReportKind.annual.rawValue).where("report_year", .equal, year)
            if let after { q.where("id", .greaterThan, after) }
            let page = try await q.orderBy("id").limit(500).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard let last = page.last else { break }
            after = last
            var byDay: [LocalDate: [UUID]] = [:]
            for id in page {
                n += 1
                guard n % 10 != 0 else { continue }            // one in ten not filed
                let day = n % 9 == 0 ? late[n % late.count] : onTime[n % onTime.count]
                if day <= today { byDay[day, default: []].append(id) }
            }
            // One transaction a page (not one commit per filing day).
            let days = byDay
            try await WriteGate.write(db) { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                for (day, ids) in days {
                    try await sql.update(InfoReportModel.schema).set("filed_on", to: day.iso).set("filed_by", to: "demo")
                        .where("id", .in, ids).run()
                }
            }
            filed += byDay.values.reduce(0) { $0 + $1.count }
        }
        // A dozen changes over the last six weeks: the older ones overdue, the newer ones due.
        let cal = try await LeaseRepository(db: db, clock: clock).calendar()
        var changes = 0
        let notes = ["外方股东名称变更", "投资总额变更", "实际控制人所在国变更", "外方投资者股权质押"]
        for (i, e) in enterprises.filter({ $0.ownership != .domestic && !$0.isDeregistered }).prefix(12).enumerated() {
            let on = cal.adding(workingDays: -(2 + i * 3), to: today)
            _ = try await service.recordChange(enterpriseID: e.id!, changeOn: on, note: notes[i % notes.count], by: system)
            changes += 1
        }
        progress?("information reports: \(added) annual reports for \(year) (\(filed) filed), \(changes) change reports")
    }
}
