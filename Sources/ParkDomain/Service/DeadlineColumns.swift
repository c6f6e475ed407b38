import Foundation

/// Open clocks of a whole park as columns (struct of arrays), the twin of `ServiceClock` for
/// park-wide work: the escalation sweep's check, the overdue board and the benchmark. Day
/// numbers are `LocalDate.dayNumber`; a paused clock has `pausedOnDay[i] >= 0`.
public struct DeadlineColumns: Sendable {
    public var startDay: [Int32] = []
    public var limitDays: [Int16] = []
    public var pausedDays: [Int16] = []
    public var pausedOnDay: [Int32] = []
    public var warnPercent: [Int16] = []
    public var leaderPercent: [Int16] = []

    public init() {}

    public var count: Int { startDay.count }

    public mutating func reserve(_ n: Int) {
        startDay.reserveCapacity(n); limitDays.reserveCapacity(n); pausedDays.reserveCapacity(n)
        pausedOnDay.reserveCapacity(n); warnPercent.reserveCapacity(n); leaderPercent.reserveCapacity(n)
    }

    /// Adds an open clock (a stopped clock has no deadline left to watch and is not added).
    public mutating func append(_ c: ServiceClock) {
        startDay.append(Int32(c.startedOn.dayNumber)); limitDays.append(Int16(clamping: c.limitDays))
        pausedDays.append(Int16(clamping: c.pausedDays)); pausedOnDay.append(c.pausedOn.map { Int32($0.dayNumber) } ?? -1)
        warnPercent.append(Int16(clamping: c.warnPercent)); leaderPercent.append(Int16(clamping: c.leaderPercent))
    }

    /// Every clock's due day and state as of `today`.
    public struct Result: Sendable {
        public var dueDay: [Int32]
        /// `ClockState` of each clock, as its index in `ClockState.allCases`.
        public var state: [UInt8]
        /// Working days left (negative once overdue; frozen while paused).
        public var remaining: [Int16]
        /// Clocks per state, indexed like `ClockState.allCases`.
        public var counts: [Int]

        public func state(_ i: Int) -> ClockState { ClockState.allCases[Int(state[i])] }
    }

    static let code: [ClockState: UInt8] = Dictionary(uniqueKeysWithValues: ClockState.allCases.enumerated().map { ($1, UInt8($0)) })

    /// Computes deadlines and states with the same rules as `ServiceClock` (tested against it),
    /// one array read per threshold.
    public func evaluate(today: LocalDate, index: WorkingDayIndex) -> Result {
        let n = count, t = today.dayNumber
        var due = [Int32](repeating: 0, count: n), state = [UInt8](repeating: 0, count: n)
        var remaining = [Int16](repeating: 0, count: n), counts = [Int](repeating: 0, count: ClockState.allCases.count)
        let running = Self.code[.running]!, warning = Self.code[.warning]!, overdue = Self.code[.overdue]!
        let escalated = Self.code[.escalated]!, paused = Self.code[.paused]!
        for i in 0..<n {
            let start = Int(startDay[i]), limit = Int(limitDays[i]), off = Int(pausedDays[i])
            let d = index.adding(workingDays: limit + off, toDay: start)
            due[i] = Int32(d)
            let end = pausedOnDay[i] >= 0 ? min(t, Int(pausedOnDay[i])) : t
            remaining[i] = Int16(clamping: limit - max(0, index.workingDays(afterDay: start, throughDay: end) - off))
            let s: UInt8
            if pausedOnDay[i] >= 0 {
                s = paused
            } else if t > index.adding(workingDays: ServiceClock.share(limit, Int(leaderPercent[i])) + off, toDay: start) {
                s = escalated
            } else if t > d {
                s = overdue
            } else if t >= index.adding(workingDays: ServiceClock.share(limit, Int(warnPercent[i])) + off, toDay: start) {
                s = warning
            } else {
                s = running
            }
            state[i] = s
            counts[Int(s)] += 1
        }
        return Result(dueDay: due, state: state, remaining: remaining, counts: counts)
    }
}
