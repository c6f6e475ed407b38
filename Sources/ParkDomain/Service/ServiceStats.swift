import Foundation

/// The performance of the service for one group (the park, a department or a category) over
/// the requests received in one month, as SQL aggregates deliver it. The rates follow Beijing's
/// 接诉即办 measures (response, resolution, satisfaction), each with its denominator stated.
public struct ServiceStatsRow: Sendable, Codable, Hashable {
    /// The department or category code ("" for the park).
    public var key: String
    public var received = 0
    public var accepted = 0
    public var acceptedInTime = 0
    public var firstReplied = 0
    public var firstReplyInTime = 0
    /// Answered (the reply written), whether confirmed yet or not.
    public var resolved = 0
    public var resolvedInTime = 0
    public var closed = 0
    public var rated = 0
    public var ratingSum = 0
    /// Ratings of 4 or 5.
    public var satisfied = 0
    /// Rejected at least once by the enterprise.
    public var reopened = 0
    /// Still open and past their current deadline today.
    public var overdueOpen = 0

    public init(key: String) { self.key = key }

    static func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }

    /// Accepted within the limit ÷ accepted.
    public var acceptedInTimeRate: Double? { Self.ratio(acceptedInTime, accepted) }
    /// First reply within the limit ÷ first replies.
    public var firstReplyInTimeRate: Double? { Self.ratio(firstReplyInTime, firstReplied) }
    /// Answered within the limit ÷ answered.
    public var resolvedInTimeRate: Double? { Self.ratio(resolvedInTime, resolved) }
    /// Answered ÷ received (the resolution rate).
    public var resolutionRate: Double? { Self.ratio(resolved, received) }
    /// Ratings of 4–5 ÷ ratings (the satisfaction rate).
    public var satisfactionRate: Double? { Self.ratio(satisfied, rated) }
    /// Mean of the 1–5 ratings.
    public var averageRating: Double? { Self.ratio(ratingSum, rated) }
    /// Reopened ÷ answered.
    public var reopenedShare: Double? { Self.ratio(reopened, resolved) }

    /// The sum of several rows (the park's total from its departments).
    public static func total(_ rows: [ServiceStatsRow], key: String = "") -> ServiceStatsRow {
        var t = ServiceStatsRow(key: key)
        for r in rows {
            t.received += r.received; t.accepted += r.accepted; t.acceptedInTime += r.acceptedInTime
            t.firstReplied += r.firstReplied; t.firstReplyInTime += r.firstReplyInTime; t.resolved += r.resolved
            t.resolvedInTime += r.resolvedInTime; t.closed += r.closed; t.rated += r.rated; t.ratingSum += r.ratingSum
            t.satisfied += r.satisfied; t.reopened += r.reopened; t.overdueOpen += r.overdueOpen
        }
        return t
    }
}

/// Overdue open requests by how long past their deadline (calendar days), park-wide today.
public enum OverdueAge: String, Sendable, Codable, CaseIterable {
    case upTo5 = "1-5", upTo10 = "6-10", upTo30 = "11-30", over30 = "30+"
    public var label: Bilingual {
        switch self {
        case .upTo5: Bilingual(zh: "超期 1–5 天", en: "1–5 days over")
        case .upTo10: Bilingual(zh: "超期 6–10 天", en: "6–10 days over")
        case .upTo30: Bilingual(zh: "超期 11–30 天", en: "11–30 days over")
        case .over30: Bilingual(zh: "超期 30 天以上", en: "over 30 days")
        }
    }
}

/// The month's figures: the park, per department, per category, and the overdue backlog.
public struct ServiceStats: Sendable, Codable, Hashable {
    public var month: YearMonth
    public var total: ServiceStatsRow
    public var byDepartment: [ServiceStatsRow]
    public var byCategory: [ServiceStatsRow]
    /// Open requests past their deadline today, by age.
    public var backlog: [OverdueAge: Int]

    public init(month: YearMonth, byDepartment: [ServiceStatsRow], byCategory: [ServiceStatsRow], backlog: [OverdueAge: Int]) {
        self.month = month; self.byDepartment = byDepartment; self.byCategory = byCategory; self.backlog = backlog
        total = ServiceStatsRow.total(byDepartment)
    }

    /// Categories by requests received, most first (ties by code), at most `n`.
    public func topCategories(_ n: Int = 5) -> [ServiceStatsRow] {
        Array(byCategory.filter { $0.received > 0 }.sorted { ($0.received, $1.key) > ($1.received, $0.key) }.prefix(n))
    }
}
