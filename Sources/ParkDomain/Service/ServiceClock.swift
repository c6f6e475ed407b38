import Foundation

/// The three clocks a request (and each subtask) runs on, in working days.
public enum ClockKind: String, Sendable, Codable, CaseIterable {
    /// The lead department (or a subtask's department) accepts the work.
    case accept
    /// The enterprise hears from a person (not the system) for the first time.
    case firstReply = "first_reply"
    /// The request is answered (for a subtask: its result is in).
    case resolve

    public var label: Bilingual {
        switch self {
        case .accept: Bilingual(zh: "受理时限", en: "Acceptance")
        case .firstReply: Bilingual(zh: "首次答复时限", en: "First reply")
        case .resolve: Bilingual(zh: "办结时限", en: "Resolution")
        }
    }
}

/// Where a clock stands on a given day.
public enum ClockState: String, Sendable, Codable, CaseIterable {
    case running, warning, overdue, escalated, paused, met, missed

    /// Still ticking (or paused): not yet stopped.
    public var isOpen: Bool { ![.met, .missed].contains(self) }

    public var label: Bilingual {
        switch self {
        case .running: Bilingual(zh: "计时中", en: "Running")
        case .warning: Bilingual(zh: "即将到期", en: "Due soon")
        case .overdue: Bilingual(zh: "已超时", en: "Overdue")
        case .escalated: Bilingual(zh: "超时已报领导", en: "Overdue, with leadership")
        case .paused: Bilingual(zh: "暂停（等待企业）", en: "Paused (waiting for the enterprise)")
        case .met: Bilingual(zh: "按时完成", en: "Met")
        case .missed: Bilingual(zh: "超时完成", en: "Met late")
        }
    }
}

/// One clock: started on a day, a limit in working days, stopped when the work is done.
/// Time while the request waits for the enterprise does not count: a pause freezes it and the
/// working days it lasted are added to every threshold on resume.
///
/// Thresholds, all counted in working days after `startedOn`: the assignee is warned from the
/// day `ceil(limit × warnPercent / 100)` is reached (80 %: day 12 of 15, day 3 of 3); the clock
/// is overdue (department head) the day after `limit`; leadership hears of it the day after
/// `ceil(limit × leaderPercent / 100)` (150 %: day 23 of 15).
public struct ServiceClock: Sendable, Codable, Hashable {
    public var kind: ClockKind
    public var startedOn: LocalDate
    public var limitDays: Int
    /// Working days spent paused so far (added to every threshold).
    public var pausedDays: Int
    /// Set while paused.
    public var pausedOn: LocalDate?
    /// Set when the work is done.
    public var stoppedOn: LocalDate?
    /// The one extension has been granted.
    public var extended: Bool
    public var warnPercent: Int
    public var leaderPercent: Int

    public init(kind: ClockKind, startedOn: LocalDate, limitDays: Int, pausedDays: Int = 0, pausedOn: LocalDate? = nil,
                stoppedOn: LocalDate? = nil, extended: Bool = false, warnPercent: Int = 80, leaderPercent: Int = 150) {
        self.kind = kind; self.startedOn = startedOn; self.limitDays = limitDays; self.pausedDays = pausedDays
        self.pausedOn = pausedOn; self.stoppedOn = stoppedOn; self.extended = extended
        self.warnPercent = warnPercent; self.leaderPercent = leaderPercent
    }

    /// Working days of the limit at `percent`, rounded up (never below 1 for a positive limit).
    static func share(_ limit: Int, _ percent: Int) -> Int { max(limit > 0 ? 1 : 0, (limit * percent + 99) / 100) }

    /// The last working day the work may be done on.
    public func dueOn(_ index: WorkingDayIndex) -> LocalDate {
        index.adding(workingDays: limitDays + pausedDays, to: startedOn)
    }

    /// The day the warning goes out.
    public func warnOn(_ index: WorkingDayIndex) -> LocalDate {
        index.adding(workingDays: Self.share(limitDays, warnPercent) + pausedDays, to: startedOn)
    }

    /// The last day before leadership hears of it (escalation from the day after).
    public func leaderOn(_ index: WorkingDayIndex) -> LocalDate {
        index.adding(workingDays: Self.share(limitDays, leaderPercent) + pausedDays, to: startedOn)
    }

    /// Working days used as of `today` (frozen while paused, fixed once stopped).
    public func usedDays(on today: LocalDate, _ index: WorkingDayIndex) -> Int {
        let end = [today, pausedOn ?? today, stoppedOn ?? today].min()!
        return max(0, index.workingDays(after: startedOn, through: end) - pausedDays)
    }

    /// Working days left before the due day ends (negative once overdue); nil once stopped.
    public func remainingDays(on today: LocalDate, _ index: WorkingDayIndex) -> Int? {
        stoppedOn == nil ? limitDays - usedDays(on: today, index) : nil
    }

    /// Where the clock stands on `today`.
    public func state(on today: LocalDate, _ index: WorkingDayIndex) -> ClockState {
        if let stopped = stoppedOn { return stopped <= dueOn(index) ? .met : .missed }
        if pausedOn != nil { return .paused }
        if today > leaderOn(index) { return .escalated }
        if today > dueOn(index) { return .overdue }
        if today >= warnOn(index) { return .warning }
        return .running
    }

    /// Freezes the clock while the request waits for the enterprise.
    public mutating func pause(on day: LocalDate) {
        guard stoppedOn == nil, pausedOn == nil else { return }
        pausedOn = day
    }

    /// Restarts a paused clock; the working days it stood still move every threshold.
    public mutating func resume(on day: LocalDate, _ index: WorkingDayIndex) {
        guard let since = pausedOn else { return }
        pausedDays += index.workingDays(after: since, through: day)
        pausedOn = nil
    }

    /// Stops the clock: the work is done.
    public mutating func stop(on day: LocalDate, _ index: WorkingDayIndex) {
        guard stoppedOn == nil else { return }
        if pausedOn != nil { resume(on: day, index) }
        stoppedOn = day
    }

    /// The one extension of a resolution clock: a new limit above the current one and at most
    /// `maxDays` (30), with a reason. Refusals name the field.
    public mutating func extend(to days: Int, maxDays: Int, reason: String) throws(DomainError) {
        guard kind == .resolve else {
            throw DomainError(code: "not_extendable", field: "clock", en: "only the resolution limit can be extended",
                              zh: "仅办结时限可以延期")
        }
        guard !extended else {
            throw DomainError(.conflict, code: "already_extended", field: "limit_days",
                              en: "the resolution limit has already been extended once", zh: "办结时限只能延期一次，已延期过")
        }
        guard stoppedOn == nil else {
            throw DomainError(.conflict, code: "clock_stopped", field: "clock", en: "the work is already done", zh: "该事项已办结")
        }
        guard days > limitDays, days <= maxDays else {
            throw DomainError(code: "out_of_range", field: "limit_days",
                              en: "an extension must raise the limit above \(limitDays) and to at most \(maxDays) working days",
                              zh: "延期后的时限须大于 \(limitDays) 个工作日且不超过 \(maxDays) 个工作日")
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError(code: "required", field: "reason", en: "an extension needs a reason", zh: "延期须说明理由")
        }
        limitDays = days
        extended = true
    }
}
