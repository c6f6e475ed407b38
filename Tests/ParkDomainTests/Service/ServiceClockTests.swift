import ParkDomain
import XCTest

/// Every clock rule with dates computed by hand on the 2026 Spring Festival: holidays 15–23
/// February, make-up working Saturdays 14 and 28 February.
final class ServiceClockTests: XCTestCase {
    let index = WorkingDayIndex(calendar: .china, from: LocalDate(iso: "2025-01-01")!, to: LocalDate(iso: "2027-12-31")!)
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    func testResolveClockAcrossTheHolidayAndMakeUpDays() {
        // given a request received on Thursday 12 February 2026 with 15 working days to resolve
        let c = ServiceClock(kind: .resolve, startedOn: d("2026-02-12"), limitDays: 15)
        // then: 13 Feb (1), Sat 14 Feb make-up (2), holiday to 23 Feb, 24–27 Feb (3–6), Sat 28 Feb
        // make-up (7), 2–6 Mar (8–12), 9–11 Mar (13–15)
        XCTAssertEqual(c.dueOn(index), d("2026-03-11"))
        XCTAssertEqual(c.warnOn(index), d("2026-03-06"), "80 % of 15 is day 12")
        XCTAssertEqual(c.leaderOn(index), d("2026-03-23"), "150 % of 15 rounds up to day 23")
        XCTAssertEqual(c.state(on: d("2026-03-05"), index), .running)
        XCTAssertEqual(c.state(on: d("2026-03-06"), index), .warning)
        XCTAssertEqual(c.state(on: d("2026-03-11"), index), .warning, "the due day itself is not overdue")
        XCTAssertEqual(c.state(on: d("2026-03-12"), index), .overdue)
        XCTAssertEqual(c.state(on: d("2026-03-23"), index), .overdue)
        XCTAssertEqual(c.state(on: d("2026-03-24"), index), .escalated)
        XCTAssertEqual(c.usedDays(on: d("2026-02-24"), index), 3)
        XCTAssertEqual(c.remainingDays(on: d("2026-03-12"), index), -1)
    }

    func testAcceptAndFirstReplyClocks() {
        let accept = ServiceClock(kind: .accept, startedOn: d("2026-02-12"), limitDays: 1)
        let reply = ServiceClock(kind: .firstReply, startedOn: d("2026-02-12"), limitDays: 3)
        XCTAssertEqual(accept.dueOn(index), d("2026-02-13"))
        XCTAssertEqual(accept.warnOn(index), d("2026-02-13"), "a one-day limit warns on its due day")
        XCTAssertEqual(reply.dueOn(index), d("2026-02-24"), "13 Feb, the make-up Saturday 14 Feb, then 24 Feb after the holiday")
        XCTAssertEqual(reply.state(on: d("2026-02-23"), index), .running, "the holiday's last day uses no working day")
        XCTAssertEqual(reply.state(on: d("2026-02-24"), index), .warning, "80 % of 3 rounds up to day 3")
    }

    func testAThreeDaySubtaskFallsDueOnTheMakeUpSaturdayAndIsOverdueAfterTheHoliday() {
        // given a subtask assigned on Wednesday 11 February with 3 working days
        let c = ServiceClock(kind: .resolve, startedOn: d("2026-02-11"), limitDays: 3)
        // then 12, 13 and the make-up Saturday 14 February
        XCTAssertEqual(c.dueOn(index), d("2026-02-14"))
        XCTAssertEqual(c.state(on: d("2026-02-20"), index), .overdue, "overdue during the holiday")
        XCTAssertEqual(c.leaderOn(index), d("2026-02-25"), "150 % of 3 is day 5: 24 and 25 Feb")
        XCTAssertEqual(c.state(on: d("2026-02-25"), index), .overdue)
        XCTAssertEqual(c.state(on: d("2026-02-26"), index), .escalated)
    }

    func testPauseAddsTheWorkingDaysWaitedToEveryThreshold() {
        // given the 15-day clock paused on 24 February and resumed on Monday 2 March
        var c = ServiceClock(kind: .resolve, startedOn: d("2026-02-12"), limitDays: 15)
        c.pause(on: d("2026-02-24"))
        XCTAssertEqual(c.state(on: d("2026-03-20"), index), .paused)
        XCTAssertEqual(c.usedDays(on: d("2026-03-20"), index), 3, "frozen at the day it paused")
        c.resume(on: d("2026-03-02"), index)
        // then 25, 26, 27 Feb, the make-up Saturday 28 Feb and 2 Mar were waited: 5 working days
        XCTAssertEqual(c.pausedDays, 5)
        XCTAssertEqual(c.dueOn(index), d("2026-03-18"), "11 Mar moved by 5 working days: 12, 13, 16, 17, 18 Mar")
        XCTAssertEqual(c.usedDays(on: d("2026-03-02"), index), 3)
        XCTAssertEqual(c.remainingDays(on: d("2026-03-02"), index), 12)
    }

    func testStopRecordsMetOrMissed() {
        var onTime = ServiceClock(kind: .resolve, startedOn: d("2026-02-12"), limitDays: 15)
        onTime.stop(on: d("2026-03-11"), index)
        XCTAssertEqual(onTime.state(on: d("2026-04-30"), index), .met)
        var late = ServiceClock(kind: .resolve, startedOn: d("2026-02-12"), limitDays: 15)
        late.stop(on: d("2026-03-12"), index)
        XCTAssertEqual(late.state(on: d("2026-03-12"), index), .missed)
        XCTAssertNil(late.remainingDays(on: d("2026-03-12"), index))
    }

    func testOneExtensionTo30WithAReason() throws {
        var c = ServiceClock(kind: .resolve, startedOn: d("2026-02-12"), limitDays: 15)
        do { try c.extend(to: 30, maxDays: 30, reason: "  "); XCTFail("an extension without a reason") } catch { XCTAssertEqual(error.field, "reason") }
        do { try c.extend(to: 31, maxDays: 30, reason: "complex"); XCTFail("past 30") } catch { XCTAssertEqual(error.field, "limit_days") }
        try c.extend(to: 30, maxDays: 30, reason: "three departments and a memorandum")
        XCTAssertEqual(c.limitDays, 30)
        // 15th working day 11 Mar; 16–30: 12, 13, 16–20, 23–27, 30, 31 Mar, 1 Apr
        XCTAssertEqual(c.dueOn(index), d("2026-04-01"))
        do { try c.extend(to: 30, maxDays: 30, reason: "again"); XCTFail("a second extension") } catch { XCTAssertEqual(error.code, "already_extended") }
        var accept = ServiceClock(kind: .accept, startedOn: d("2026-02-12"), limitDays: 1)
        do { try accept.extend(to: 2, maxDays: 30, reason: "x"); XCTFail("accept clocks do not extend") } catch { XCTAssertEqual(error.code, "not_extendable") }
    }

    func testIndexAgreesWithTheCalendarWalk() {
        let cal = WorkingCalendar.china
        for start in stride(from: d("2024-01-01").dayNumber, through: d("2026-12-01").dayNumber, by: 3) {
            for n in [0, 1, 2, 3, 15, 30] {
                let s = LocalDate(dayNumber: start)
                XCTAssertEqual(index.adding(workingDays: n, to: s), cal.adding(workingDays: n, to: s), "\(s) + \(n)")
            }
        }
        // outside the span it falls back to the walk
        let small = WorkingDayIndex(calendar: cal, from: d("2026-02-01"), to: d("2026-02-28"))
        XCTAssertEqual(small.adding(workingDays: 15, to: d("2026-02-12")), d("2026-03-11"))
        XCTAssertEqual(small.workingDays(after: d("2026-02-12"), through: d("2026-03-11")), 15)
    }

    func testAnIndexAroundADayIsReusedWithinAYearAndStillAnswersAsTheCalendar() {
        let cal = WorkingCalendar.china
        // the last index is shared by the process: start from one built far away
        _ = WorkingDayIndex(calendar: cal, around: d("2040-01-01"))
        let first = WorkingDayIndex(calendar: cal, around: d("2026-02-12"))
        XCTAssertEqual(first.firstDay, d("2026-02-12").adding(days: -3660).dayNumber)
        // 230 days later the same index serves (one index for a clock moved day by day)
        let later = WorkingDayIndex(calendar: cal, around: d("2026-09-30"))
        XCTAssertEqual(later.firstDay, first.firstDay)
        // hand-computed: 15 working days after Thursday 12 February 2026 is Wednesday 11 March
        XCTAssertEqual(later.adding(workingDays: 15, to: d("2026-02-12")), d("2026-03-11"))
        // its answers are the calendar's, inside the span and past its end (2031-02-25)
        for s in [d("2026-09-30"), d("2031-02-20"), d("2031-06-01")] {
            XCTAssertEqual(later.adding(workingDays: 30, to: s), cal.adding(workingDays: 30, to: s), "\(s)")
        }
        // more than a year away, it is built again around the new day
        let next = WorkingDayIndex(calendar: cal, around: d("2027-10-01"))
        XCTAssertEqual(next.firstDay, d("2027-10-01").adding(days: -3660).dayNumber)
        // a changed calendar is seen at once: 16 February 2026 made a working day
        let changed = WorkingCalendar(holidays: cal.holidays.subtracting([d("2026-02-16")]), workingWeekends: cal.workingWeekends)
        let moved = WorkingDayIndex(calendar: changed, around: d("2027-10-02"))
        XCTAssertEqual(moved.calendar, changed)
        XCTAssertEqual(moved.adding(workingDays: 1, to: d("2026-02-13")), d("2026-02-14"))
        XCTAssertEqual(moved.adding(workingDays: 2, to: d("2026-02-13")), d("2026-02-16"))
    }

    func testColumnsMatchTheScalarClock() {
        // given 2,000 seeded clocks, some paused
        var rng = SystemRandomNumberGenerator()
        var cols = DeadlineColumns(), clocks: [ServiceClock] = []
        let base = d("2026-01-05").dayNumber
        for i in 0..<2000 {
            var c = ServiceClock(kind: .resolve, startedOn: LocalDate(dayNumber: base + Int.random(in: 0...60, using: &rng)),
                                 limitDays: [1, 3, 5, 15, 20, 30][i % 6], pausedDays: i % 7 == 0 ? 2 : 0)
            if i % 11 == 0 { c.pausedOn = c.startedOn.adding(days: 3) }
            clocks.append(c); cols.append(c)
        }
        let today = d("2026-03-02")
        // when
        let result = cols.evaluate(today: today, index: index)
        // then
        for (i, c) in clocks.enumerated() {
            XCTAssertEqual(result.state(i), c.state(on: today, index), "clock \(i)")
            XCTAssertEqual(Int(result.dueDay[i]), c.dueOn(index).dayNumber, "clock \(i)")
            XCTAssertEqual(Int(result.remaining[i]), c.remainingDays(on: today, index), "clock \(i)")
        }
        XCTAssertEqual(result.counts.reduce(0, +), 2000)
    }
}
