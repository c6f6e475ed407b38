import Foundation

/// Which days are working days: Monday to Friday, except public holidays, plus the weekend days
/// made working days to make up for a long holiday (调休).
public struct WorkingCalendar: Sendable, Codable, Hashable {
    /// Days off (weekend days inside a holiday may be listed too; they change nothing).
    public var holidays: Set<LocalDate>
    /// Saturdays and Sundays that are working days (make-up days, 调休上班).
    public var workingWeekends: Set<LocalDate>

    /// A calendar with these exceptions to the Monday-to-Friday week (none by default).
    public init(holidays: Set<LocalDate> = [], workingWeekends: Set<LocalDate> = []) {
        self.holidays = holidays; self.workingWeekends = workingWeekends
    }

    /// Reads a calendar from text, one entry a line: `YYYY-MM-DD holiday` or `YYYY-MM-DD workday`,
    /// or a range `YYYY-MM-DD..YYYY-MM-DD holiday` (both ends included, at most 366 days); words
    /// after the kind are a free label. Blank lines and lines starting with `#` are skipped.
    /// Throws `calendar_line` (field `calendar`) naming the first bad line.
    public init(parsing text: String) throws(DomainError) {
        self.init()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let ends = words[0].components(separatedBy: "..")
            guard words.count >= 2, ends.count <= 2, let from = LocalDate(iso: ends[0]),
                  let to = ends.count == 2 ? LocalDate(iso: ends[1]) : from,
                  from <= to, from.days(until: to) < 366, words[1] == "holiday" || words[1] == "workday" else {
                throw DomainError(code: "calendar_line", field: "calendar",
                                  en: "line \(i + 1) of the calendar is not 'YYYY-MM-DD[..YYYY-MM-DD] holiday|workday': \(line)",
                                  zh: "日历第 \(i + 1) 行格式应为“YYYY-MM-DD[..YYYY-MM-DD] holiday|workday”：\(line)")
            }
            for n in from.dayNumber...to.dayNumber {
                if words[1] == "holiday" { holidays.insert(LocalDate(dayNumber: n)) } else { workingWeekends.insert(LocalDate(dayNumber: n)) }
            }
        }
    }

    /// A make-up working day is a working day; otherwise a holiday is not; otherwise Monday to
    /// Friday are.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if workingWeekends.contains(date) { return true }
        if holidays.contains(date) { return false }
        return !date.isWeekend
    }

    /// The n-th working day after `date` (before it when n is negative; `date` itself when 0).
    /// `date` need not be a working day: a Friday + 1 is the next Monday if that is a working day.
    /// It steps day by day, so n is meant to be small (deadlines of days or weeks).
    public func adding(workingDays n: Int, to date: LocalDate) -> LocalDate {
        let step = n >= 0 ? 1 : -1
        var remaining = abs(n), day = date.dayNumber
        while remaining > 0 {
            day += step
            if isWorkingDay(LocalDate(dayNumber: day)) { remaining -= 1 }
        }
        return LocalDate(dayNumber: day)
    }

    /// Mainland China's public holidays and make-up working days for 2024–2026, as the State
    /// Council's General Office published them (国办发明电〔2023〕7号, 〔2024〕12号, and the notice
    /// of 4 November 2025). The park keeps this as data: it adds each new year's notice (usually
    /// published in October–November) to its own calendar with `init(parsing:)`; nothing in the
    /// code needs to change.
    public static let china: WorkingCalendar = {
        do throws(DomainError) { return try WorkingCalendar(parsing: chinaText) } catch { preconditionFailure(error.description) }
    }()

    /// The text behind `china`, in `init(parsing:)` form.
    public static let chinaText = """
    # 2024 (国办发明电〔2023〕7号)
    2024-01-01 holiday 元旦 New Year's Day
    2024-02-10..2024-02-17 holiday 春节 Spring Festival
    2024-02-04 workday 春节调休
    2024-02-18 workday 春节调休
    2024-04-04..2024-04-06 holiday 清明节 Qingming
    2024-04-07 workday 清明调休
    2024-05-01..2024-05-05 holiday 劳动节 Labour Day
    2024-04-28 workday 劳动节调休
    2024-05-11 workday 劳动节调休
    2024-06-08..2024-06-10 holiday 端午节 Dragon Boat
    2024-09-15..2024-09-17 holiday 中秋节 Mid-Autumn
    2024-09-14 workday 中秋调休
    2024-10-01..2024-10-07 holiday 国庆节 National Day
    2024-09-29 workday 国庆调休
    2024-10-12 workday 国庆调休
    # 2025 (国办发明电〔2024〕12号; from 2025 New Year's Eve and 2 May are public holidays)
    2025-01-01 holiday 元旦 New Year's Day
    2025-01-28..2025-02-04 holiday 春节 Spring Festival
    2025-01-26 workday 春节调休
    2025-02-08 workday 春节调休
    2025-04-04..2025-04-06 holiday 清明节 Qingming
    2025-05-01..2025-05-05 holiday 劳动节 Labour Day
    2025-04-27 workday 劳动节调休
    2025-05-31..2025-06-02 holiday 端午节 Dragon Boat
    2025-10-01..2025-10-08 holiday 国庆节、中秋节 National Day and Mid-Autumn
    2025-09-28 workday 国庆调休
    2025-10-11 workday 国庆调休
    # 2026 (国务院办公厅, 2025-11-04)
    2026-01-01..2026-01-03 holiday 元旦 New Year's Day
    2026-01-04 workday 元旦调休
    2026-02-15..2026-02-23 holiday 春节 Spring Festival
    2026-02-14 workday 春节调休
    2026-02-28 workday 春节调休
    2026-04-04..2026-04-06 holiday 清明节 Qingming
    2026-05-01..2026-05-05 holiday 劳动节 Labour Day
    2026-05-09 workday 劳动节调休
    2026-06-19..2026-06-21 holiday 端午节 Dragon Boat
    2026-09-25..2026-09-27 holiday 中秋节 Mid-Autumn
    2026-10-01..2026-10-07 holiday 国庆节 National Day
    2026-09-20 workday 国庆调休
    2026-10-10 workday 国庆调休
    """
}

/// The confirmation of the deal (成交确认书) must be signed within 5 working days of the auction,
/// else the deal lapses and the deposit is forfeited.
public enum ConfirmationRule {
    /// Working days allowed after the auction.
    public static let workingDays = 5

    /// The last day the deal may be confirmed: the 5th working day after the auction date.
    public static func deadline(auctionDate: LocalDate, calendar: WorkingCalendar) -> LocalDate {
        calendar.adding(workingDays: workingDays, to: auctionDate)
    }

    /// Whether the deal has lapsed as of `today`: the deadline has passed and the auction has no
    /// valid confirmation (none, or one dated outside auction date … deadline).
    public static func isLapsed(_ auction: AuctionRecord, today: LocalDate, calendar: WorkingCalendar) -> Bool {
        let last = deadline(auctionDate: auction.date, calendar: calendar)
        if let confirmed = auction.confirmedOn, confirmed >= auction.date, confirmed <= last { return false }
        return today > last
    }

    /// Refuses a confirmation dated before the auction (`confirmation_before_auction`) or after the
    /// deadline (`confirmation_late`, naming the deadline); field `confirmed_on`.
    public static func validateConfirmation(_ auction: AuctionRecord, on date: LocalDate,
                                            calendar: WorkingCalendar) throws(DomainError) {
        guard date >= auction.date else {
            throw DomainError(code: "confirmation_before_auction", field: "confirmed_on",
                              en: "the deal cannot be confirmed on \(date), before the auction on \(auction.date)",
                              zh: "成交确认日期 \(date) 早于拍卖日期 \(auction.date)")
        }
        let last = deadline(auctionDate: auction.date, calendar: calendar)
        guard date <= last else {
            throw DomainError(code: "confirmation_late", field: "confirmed_on",
                              en: "the deal had to be confirmed by \(last), the \(workingDays)th working day after the auction on \(auction.date); \(date) is too late and the deposit is forfeited",
                              zh: "成交确认最迟须于拍卖日（\(auction.date)）后第 \(workingDays) 个工作日即 \(last) 完成；\(date) 已逾期，保证金不予退还")
        }
    }
}
