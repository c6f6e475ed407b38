import Foundation

/// The working calendar unrolled over a span of days, so that "the n-th working day after d"
/// and "working days between a and b" are one array read each instead of a day-by-day walk.
/// The deadline engine answers 100,000 clocks with it in a few milliseconds; outside the span
/// it falls back to the calendar's own walk, so every answer is the same either way.
public struct WorkingDayIndex: Sendable {
    public let calendar: WorkingCalendar
    /// Day number of the first day covered.
    public let firstDay: Int
    /// `counts[i]`: working days in `firstDay … firstDay + i`, both included.
    let counts: [Int32]
    /// Day numbers of the working days in the span, in order.
    let workdays: [Int32]

    /// Covers `from … to` (both included); a span of a few years costs a few kilobytes.
    public init(calendar: WorkingCalendar, from: LocalDate, to: LocalDate) {
        self.calendar = calendar
        firstDay = from.dayNumber
        let last = max(from.dayNumber, to.dayNumber)
        var counts: [Int32] = []; counts.reserveCapacity(last - firstDay + 1)
        var workdays: [Int32] = []
        var n: Int32 = 0
        for d in firstDay...last {
            if calendar.isWorkingDay(LocalDate(dayNumber: d)) { n += 1; workdays.append(Int32(d)) }
            counts.append(n)
        }
        self.counts = counts; self.workdays = workdays
    }

    /// An index around `today`: ten years back, five ahead (every clock ParkOS keeps). The last
    /// index built is kept and reused while the calendar (read from the database by the caller
    /// each time) is the same and `today` is within `reuseDays` of the day it was built around,
    /// so a changed calendar is seen at once. Answers never depend on the span (outside it the
    /// index walks the calendar), only their cost: a clock moved day by day (the service demo's
    /// year of requests) builds one index, not one per day.
    public init(calendar: WorkingCalendar, around today: LocalDate) {
        if let hit = Self.last.get(), abs(hit.today.dayNumber - today.dayNumber) <= Self.reuseDays, hit.index.calendar == calendar {
            self = hit.index; return
        }
        self.init(calendar: calendar, from: today.adding(days: -3660), to: today.adding(days: 1830))
        Self.last.set((today, self))
    }

    private static let last = LastIndex()
    /// How far the day may move before the index around it is built again.
    static let reuseDays = 366

    /// The last index built around a day, behind a lock (requests build indexes concurrently).
    private final class LastIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (today: LocalDate, index: WorkingDayIndex)?
        func get() -> (today: LocalDate, index: WorkingDayIndex)? { lock.lock(); defer { lock.unlock() }; return value }
        func set(_ v: (today: LocalDate, index: WorkingDayIndex)) { lock.lock(); value = v; lock.unlock() }
    }

    var lastDay: Int { firstDay + counts.count - 1 }

    /// Working days in `firstDay … day` (day inside the span).
    @inline(__always) func count(through day: Int) -> Int { Int(counts[day - firstDay]) }

    /// The n-th working day after the day numbered `day` (n ≥ 0; `day` itself when 0), as a day number.
    @inline(__always) public func adding(workingDays n: Int, toDay day: Int) -> Int {
        if n == 0 { return day }
        if day >= firstDay, day <= lastDay {
            let target = count(through: day) + n // 1-based position of the wanted working day
            if target <= workdays.count { return Int(workdays[target - 1]) }
        }
        return calendar.adding(workingDays: n, to: LocalDate(dayNumber: day)).dayNumber
    }

    /// The n-th working day after `date` (the same as `WorkingCalendar.adding` for n ≥ 0).
    public func adding(workingDays n: Int, to date: LocalDate) -> LocalDate {
        LocalDate(dayNumber: adding(workingDays: n, toDay: date.dayNumber))
    }

    /// Working days after `from` up to and including `to` (0 when `to` ≤ `from`).
    @inline(__always) public func workingDays(afterDay from: Int, throughDay to: Int) -> Int {
        if to <= from { return 0 }
        if from >= firstDay, to <= lastDay { return count(through: to) - count(through: from) }
        var n = 0
        for d in (from + 1)...to where calendar.isWorkingDay(LocalDate(dayNumber: d)) { n += 1 }
        return n
    }

    /// Working days after `from` up to and including `to`.
    public func workingDays(after from: LocalDate, through to: LocalDate) -> Int {
        workingDays(afterDay: from.dayNumber, throughDay: to.dayNumber)
    }
}
