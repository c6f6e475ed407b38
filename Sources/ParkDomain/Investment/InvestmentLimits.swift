import Foundation

/// Working-day limits of the pipeline, kept as data (`investment_limits`): how long a project
/// may stay at a stage before it is overdue (first response to a lead within 1 working day,
/// assessment of a pitched project within 3, feedback during negotiation within 5; later
/// stages have none unless the park sets one), and how long a blocker may stay open before it
/// is escalated to park leadership.
public struct InvestmentLimits: Sendable, Hashable, Codable {
    public var stageWorkingDays: [ProjectStage: Int]
    public var blockerEscalationWorkingDays: Int

    public init(stageWorkingDays: [ProjectStage: Int], blockerEscalationWorkingDays: Int) {
        self.stageWorkingDays = stageWorkingDays; self.blockerEscalationWorkingDays = blockerEscalationWorkingDays
    }

    public static let defaults = InvestmentLimits(stageWorkingDays: [.lead: 1, .pitched: 3, .negotiating: 5],
                                                  blockerEscalationWorkingDays: 10)

    /// Largest limit accepted: 2 years of working days.
    public static let maxWorkingDays = 500
    public static let blockerKey = "blocker_escalation"
    public static func stageKey(_ s: ProjectStage) -> String { "stage:\(s.rawValue)" }

    /// As rows `(code, working days)`.
    public var rows: [(String, Int)] {
        stageWorkingDays.sorted { $0.key < $1.key }.map { (Self.stageKey($0.key), $0.value) } + [(Self.blockerKey, blockerEscalationWorkingDays)]
    }

    /// From rows; unknown codes are ignored.
    public init(rows: [(String, Int)]) {
        var stages: [ProjectStage: Int] = [:]
        var blocker = Self.defaults.blockerEscalationWorkingDays
        for (code, days) in rows {
            if code == Self.blockerKey { blocker = days }
            else if code.hasPrefix("stage:"), let s = ProjectStage(rawValue: String(code.dropFirst(6))) { stages[s] = days }
        }
        self.init(stageWorkingDays: stages, blockerEscalationWorkingDays: blocker)
    }

    /// The last day of `stage` entered on `since`, or nil when the stage has no limit.
    public func stageDue(_ stage: ProjectStage, since: LocalDate, calendar: WorkingCalendar) -> LocalDate? {
        guard let n = stageWorkingDays[stage] else { return nil }
        return calendar.adding(workingDays: n, to: since)
    }

    /// The day a blocker opened on `openedOn` is escalated if still open.
    public func escalation(openedOn: LocalDate, calendar: WorkingCalendar) -> LocalDate {
        calendar.adding(workingDays: blockerEscalationWorkingDays, to: openedOn)
    }

    public static func check(_ days: Int, field: String) throws(DomainError) -> Int {
        try Bounds.check(days, in: 0...maxWorkingDays, field: field)
    }
}
