import Foundation
import ParkDomain
import XCTest

final class PipelineRulesTests: XCTestCase {
    let today = LocalDate(year: 2025, month: 6, day: 1)!

    func testStagesMoveOneAtATimeOrDrop() throws {
        XCTAssertNoThrow(try ProjectStage.lead.checkMove(to: .pitched))
        XCTAssertNoThrow(try ProjectStage.construction.checkMove(to: .production))
        XCTAssertNoThrow(try ProjectStage.negotiating.checkMove(to: .dropped))
        XCTAssertThrowsError(try ProjectStage.lead.checkMove(to: .signed)) { e in
            let d = e as? DomainError
            XCTAssertEqual(d?.code, "stage_skipped")
            XCTAssertEqual(d?.field, "to_stage")
            XCTAssertEqual(d?.message.en.contains("pitched, negotiating"), true)
            XCTAssertEqual(d?.message.zh.contains("“推介”、“在谈”"), true)
        }
        XCTAssertThrowsError(try ProjectStage.signed.checkMove(to: .pitched)) { e in XCTAssertEqual((e as? DomainError)?.code, "stage_backwards") }
        XCTAssertThrowsError(try ProjectStage.production.checkMove(to: .dropped)) { e in XCTAssertEqual((e as? DomainError)?.code, "stage_final") }
        XCTAssertThrowsError(try ProjectStage.dropped.checkMove(to: .lead)) { e in XCTAssertEqual((e as? DomainError)?.code, "stage_final") }
    }

    func testProposalsAndReviewsAreChecked() throws {
        let since = LocalDate(year: 2025, month: 5, day: 1)!
        XCTAssertThrowsError(try StageMove.validateProposal(from: .lead, to: .dropped, effectiveOn: since, stageSince: since, dropReason: nil, note: "", today: today)) { e in
            XCTAssertEqual((e as? DomainError)?.field, "drop_reason")
        }
        XCTAssertThrowsError(try StageMove.validateProposal(from: .lead, to: .pitched, effectiveOn: LocalDate(year: 2025, month: 6, day: 2)!, stageSince: since, dropReason: nil, note: "", today: today)) { e in
            XCTAssertEqual((e as? DomainError)?.code, "future_date")
        }
        XCTAssertThrowsError(try StageMove.validateProposal(from: .lead, to: .pitched, effectiveOn: LocalDate(year: 2025, month: 4, day: 30)!, stageSince: since, dropReason: nil, note: "", today: today)) { e in
            XCTAssertEqual((e as? DomainError)?.code, "date_before_stage")
        }
        let staff = Principal(userID: UUID(), name: "invest", role: .officer, departmentCode: "invest")
        let otherHead = Principal(userID: UUID(), name: "land-head", role: .officer, departmentCode: "land", position: .head)
        let head = Principal(userID: UUID(), name: "invest-head", role: .officer, departmentCode: "invest", position: .head)
        for p in [staff, otherHead] {
            XCTAssertThrowsError(try StageMove.validateReview(by: p, approve: true, comment: "")) { e in
                XCTAssertEqual((e as? DomainError)?.code, "not_bureau_head")
                XCTAssertEqual((e as? DomainError)?.kind, .forbidden)
            }
        }
        XCTAssertNoThrow(try StageMove.validateReview(by: head, approve: true, comment: ""))
        XCTAssertThrowsError(try StageMove.validateReview(by: head, approve: false, comment: "  ")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "comment")
        }
    }

    func testWorkingDaysAndDeadlinesOnTheCalendar() {
        let cal = WorkingCalendar.china
        // Monday 12 May 2025 + 10 working days = Monday 26 May (no holiday in between)
        let opened = LocalDate(year: 2025, month: 5, day: 12)!
        XCTAssertEqual(InvestmentLimits.defaults.escalation(openedOn: opened, calendar: cal).iso, "2025-05-26")
        // Thursday 29 May + 10: 30 May, (31 May–2 June Dragon Boat), 3–6 June, 9–13 June → Friday 13 June
        XCTAssertEqual(InvestmentLimits.defaults.escalation(openedOn: LocalDate(year: 2025, month: 5, day: 29)!, calendar: cal).iso, "2025-06-13")
        // a lead recorded on Friday 26 September 2025 is due the next working day: Sunday 28 September is a make-up working day
        XCTAssertEqual(InvestmentLimits.defaults.stageDue(.lead, since: LocalDate(year: 2025, month: 9, day: 26)!, calendar: cal)?.iso, "2025-09-28")
        XCTAssertNil(InvestmentLimits.defaults.stageDue(.signed, since: opened, calendar: cal))
        // working days between, against stepping day by day
        XCTAssertEqual(cal.workingDays(from: opened, to: LocalDate(year: 2025, month: 5, day: 26)!), 10)
        XCTAssertEqual(cal.workingDays(from: LocalDate(year: 2025, month: 9, day: 26)!, to: LocalDate(year: 2025, month: 10, day: 13)!), 7)
        // (Sunday 28 Sep make-up, 29, 30 Sep, 1–8 Oct off, 9, 10, Saturday 11 Oct make-up, Monday 13)
        var d = LocalDate(year: 2023, month: 12, day: 20)!
        for step in [1, 3, 7, 30, 200, 400] {
            let end = cal.adding(workingDays: step, to: d)
            XCTAssertEqual(cal.workingDays(from: d, to: end), step, "\(d) + \(step)")
            d = d.adding(days: 17)
        }
        XCTAssertEqual(cal.workingDays(from: opened, to: opened), 0)
        XCTAssertEqual(cal.workingDays(from: opened, to: LocalDate(year: 2025, month: 5, day: 1)!), 0)
    }

    func testDuplicateNamesAreFound() {
        XCTAssertTrue(DuplicateCheck.similar("博世汽车部件（苏州）有限公司新工厂项目", "博世汽车部件新工厂"))
        XCTAssertTrue(DuplicateCheck.similar("Bosch eBike plant phase II", "Bosch e-bike plant phase 2"))
        XCTAssertFalse(DuplicateCheck.similar("Bosch eBike plant", "Siemens Healthineers R&D centre"))
        XCTAssertFalse(DuplicateCheck.similar("项目", "有限公司"))
    }
}
