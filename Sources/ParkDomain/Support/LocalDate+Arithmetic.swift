import Foundation

/// Calendar arithmetic on `LocalDate`, in pure integer arithmetic on the proleptic Gregorian
/// calendar (no Foundation `Calendar`, no time zones). Results are clamped to the range
/// `LocalDate` can hold, 0001-01-01 … 9999-12-31.
extension LocalDate {
    /// Day number of 0001-01-01, the earliest date `LocalDate` holds.
    static let minDayNumber = -719_162
    /// Day number of 9999-12-31, the latest date `LocalDate` holds.
    static let maxDayNumber = 2_932_896

    /// Days since 1970-01-01 (negative before it), proleptic Gregorian.
    ///
    /// Howard Hinnant's `days_from_civil`: the year is counted from March, so the leap day is
    /// the last day of a "year" and each 400-year era has exactly 146,097 days.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                           // 0…399
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // 0…365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear   // 0…146096
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (Hinnant's `civil_from_days`). Day numbers
    /// outside 0001-01-01 … 9999-12-31 are clamped to those dates.
    public init(dayNumber: Int) {
        let z = Swift.min(Swift.max(dayNumber, LocalDate.minDayNumber), LocalDate.maxDayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self = LocalDate(year: y, month: m, day: d)!
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return LocalDate(dayNumber: overflow ? (days > 0 ? Int.max : Int.min) : sum)
    }

    /// The date `months` months later (earlier when negative), with the day clamped to the end
    /// of a shorter month: 2024-01-31 + 1 month = 2024-02-29; 2023-01-31 + 1 month = 2023-02-28.
    public func adding(months: Int) -> LocalDate {
        let (total, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        if overflow { return LocalDate(dayNumber: months > 0 ? Int.max : Int.min) }
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        if y < 1 { return LocalDate(dayNumber: LocalDate.minDayNumber) }
        if y > 9999 { return LocalDate(dayNumber: LocalDate.maxDayNumber) }
        let d = Swift.min(day, LocalDate.daysIn(month: m, year: y))
        return LocalDate(year: y, month: m, day: d)!
    }

    /// The date `years` years later (earlier when negative); 29 February becomes 28 February in
    /// a common year.
    public func adding(years: Int) -> LocalDate {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        return adding(months: overflow ? (years > 0 ? Int.max : Int.min) : months)
    }

    /// Days from this date to `other`: positive when `other` is later, 0 for the same date.
    public func days(until other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday, 4).
    public var weekday: Int {
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// Whether the date's year has 366 days.
    public var isLeapYear: Bool { LocalDate.daysIn(month: 2, year: year) == 29 }

    /// Days in the date's year: 365 or 366.
    public var daysInYear: Int { isLeapYear ? 366 : 365 }

    /// Day of the year, 1 (1 January) … 365 or 366 (31 December).
    public var dayOfYear: Int {
        dayNumber - LocalDate(year: year, month: 1, day: 1)!.dayNumber + 1
    }

    /// The date as a year with a fraction, for trend lines: `year + (dayOfYear − 1) ÷ daysInYear`,
    /// so 1 January is exactly `year` and 31 December is just below `year + 1`.
    public var fractionalYear: Double {
        Double(year) + Double(dayOfYear - 1) / Double(daysInYear)
    }
}
