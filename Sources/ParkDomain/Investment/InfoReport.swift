import Foundation

/// A foreign investment information report (外商投资信息报告) a foreign-invested enterprise owes
/// the commerce authorities (DOMAIN.md §8, since 2020): the annual report for a year, or a
/// change report after a change that needs no registration change.
public enum InfoReportKind: String, Sendable, Codable, CaseIterable {
    case annual, change

    public var label: Bilingual {
        switch self {
        case .annual: Bilingual(zh: "年度报告", en: "Annual report")
        case .change: Bilingual(zh: "变更报告", en: "Change report")
        }
    }
}

/// Where an obligation stands on a day.
public enum InfoReportState: String, Sendable, Codable, CaseIterable {
    /// Its window has not opened (an annual report before 1 January).
    case upcoming
    /// Open and not yet late.
    case due
    /// Not filed and past its last day.
    case overdue
    /// Filed (on time or late: `InfoReport.filedLate`).
    case filed

    public var label: Bilingual {
        switch self {
        case .upcoming: Bilingual(zh: "未开始", en: "Not yet open")
        case .due: Bilingual(zh: "待报送", en: "Due")
        case .overdue: Bilingual(zh: "逾期未报", en: "Overdue")
        case .filed: Bilingual(zh: "已报送", en: "Filed")
        }
    }
}

/// One dated obligation: what, for whom, from when, by when, and whether it was filed.
public struct InfoReport: Sendable, Hashable, Codable {
    public var id: UUID
    public var enterpriseID: UUID
    public var kind: InfoReportKind
    /// The year an annual report covers; nil for a change report.
    public var reportYear: Int?
    /// The day of the change a change report is about; nil for an annual report.
    public var changeOn: LocalDate?
    /// What changed (a change report), as the officer recorded it.
    public var changeNote: String?
    /// First day it may be filed.
    public var opensOn: LocalDate
    /// Last day it may be filed on time.
    public var dueOn: LocalDate
    /// The bureau officer following the enterprise (its newest project's officer in charge).
    public var officerID: UUID?
    public var filedOn: LocalDate?
    public var filedBy: String?

    public init(id: UUID = UUID(), enterpriseID: UUID, kind: InfoReportKind, reportYear: Int? = nil, changeOn: LocalDate? = nil,
                changeNote: String? = nil, opensOn: LocalDate, dueOn: LocalDate, officerID: UUID? = nil,
                filedOn: LocalDate? = nil, filedBy: String? = nil) {
        self.id = id; self.enterpriseID = enterpriseID; self.kind = kind; self.reportYear = reportYear; self.changeOn = changeOn
        self.changeNote = changeNote; self.opensOn = opensOn; self.dueOn = dueOn; self.officerID = officerID
        self.filedOn = filedOn; self.filedBy = filedBy
    }

    public func state(on today: LocalDate) -> InfoReportState {
        if filedOn != nil { return .filed }
        if today < opensOn { return .upcoming }
        return today > dueOn ? .overdue : .due
    }

    /// Filed after its last day.
    public var filedLate: Bool { filedOn.map { $0 > dueOn } ?? false }
}

/// The dates of the obligations, as DOMAIN.md §8 states them.
public enum InfoReportRule {
    /// Working days allowed for a change that needs no registration change (§8: "reported
    /// within 20 working days").
    public static let changeWorkingDays = 20
    public static let maxNote = 500
    /// Years with an annual report: the system began on 1 January 2020, with the report on 2019.
    public static let years = 2019...2100

    /// The annual report for `year` may be filed from 1 January to 30 June of the next year
    /// (§8: "the annual report is due 1 January–30 June"). The window is stated in calendar
    /// dates with no working-day rule, so a 30 June on a weekend or holiday stays 30 June.
    public static func annualWindow(for year: Int) throws(DomainError) -> (opens: LocalDate, due: LocalDate) {
        let y = try Bounds.check(year, in: years, field: "year")
        return (LocalDate(year: y + 1, month: 1, day: 1)!, LocalDate(year: y + 1, month: 6, day: 30)!)
    }

    /// A change report is due on the 20th working day after the change, on the park's working
    /// calendar (holidays off, make-up weekend days on); it may be filed from the change's day.
    public static func changeDue(changeOn: LocalDate, calendar: WorkingCalendar) -> LocalDate {
        calendar.adding(workingDays: changeWorkingDays, to: changeOn)
    }

    /// A change to report: not in the future, in the years reports exist, with a note of what changed.
    public static func validateChange(on date: LocalDate, note: String, today: LocalDate) throws(DomainError) -> String {
        if date > today {
            throw DomainError(code: "future_date", field: "change_on", en: "the change's date \(date.iso) is after today", zh: "变更日期 \(date.iso) 晚于今天")
        }
        _ = try Bounds.check(date.year, in: years, field: "change_on")
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { throw DomainError.required("note") }
        if text.count > maxNote { throw DomainError.tooLong("note", max: maxNote) }
        return text
    }

    /// A filing: once, not before the window opens, not in the future.
    public static func validateFiling(_ r: InfoReport, on date: LocalDate, today: LocalDate) throws(DomainError) {
        if let f = r.filedOn {
            throw DomainError(.conflict, code: "already_filed", field: "filed_on", en: "this report was filed on \(f.iso)", zh: "该报告已于 \(f.iso) 报送")
        }
        if date > today {
            throw DomainError(code: "future_date", field: "filed_on", en: "the filing date \(date.iso) is after today", zh: "报送日期 \(date.iso) 晚于今天")
        }
        if date < r.opensOn {
            throw DomainError(code: "before_window", field: "filed_on", en: "the report cannot be filed before \(r.opensOn.iso)",
                              zh: "该报告不早于 \(r.opensOn.iso) 报送")
        }
    }
}
