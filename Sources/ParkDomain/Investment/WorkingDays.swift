import Foundation

extension WorkingCalendar {
    /// Working days after `from` up to and including `to` (0 when `to` ≤ `from`): Monday to
    /// Friday counted by arithmetic, then the calendar's holidays on weekdays taken off and its
    /// make-up weekend days added, so a duration costs the same whatever its length.
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        let a = from.dayNumber, b = to.dayNumber
        guard b > a else { return 0 }
        var n = Self.weekdays(through: b) - Self.weekdays(through: a)
        for h in holidays where h.dayNumber > a && h.dayNumber <= b && !h.isWeekend && !workingWeekends.contains(h) { n -= 1 }
        for w in workingWeekends where w.dayNumber > a && w.dayNumber <= b && w.isWeekend { n += 1 }
        return n
    }

    /// Monday-to-Friday days from an origin Monday through day number `n` (a running count;
    /// only differences matter). 1970-01-05, day number 4, was a Monday.
    static func weekdays(through n: Int) -> Int {
        let d = n - 4
        let weeks = d >= 0 ? d / 7 : -((-d + 6) / 7)
        let rest = d - weeks * 7   // 0 = Monday … 6 = Sunday
        return weeks * 5 + min(rest + 1, 5)
    }
}
