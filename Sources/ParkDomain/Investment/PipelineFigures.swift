import Foundation

/// The pipeline side of the FDI report: where projects stand, how they convert and how long
/// each stage takes, how much of the contracted FDI has arrived, and the park's Fortune
/// Global 500, headquarters and R&D centre projects.
public struct PipelineFigures: Sendable, Hashable, Codable {
    /// Projects at each stage now.
    public var stageCounts: [ProjectStage: Int] = [:]
    /// Projects past their stage's deadline now (not in production, not dropped).
    public var overdue = 0
    /// Of the projects signed in the period: how many have reached construction, and production.
    public var signedInPeriod = 0
    public var reachedConstruction = 0
    public var reachedProduction = 0
    /// Median working days spent at each stage, over the approved moves out of it dated in the period.
    public var medianWorkingDays: [ProjectStage: Double] = [:]
    /// Cumulative utilised and contracted FDI (US$ cents) up to the period's end, and their ratio.
    public var utilisedToDateUSDCents: Int64 = 0
    public var contractedToDateUSDCents: Int64 = 0
    public var fundsArrivedRatio: Double? { FDIReportEngine.ratio(utilisedToDateUSDCents, contractedToDateUSDCents) }
    /// Investors on a Fortune Global 500 list with a project registered in the park, and those projects.
    public var fortune500Investors = 0
    public var fortune500Projects = 0
    /// Regional headquarters and R&D centre projects registered in the park.
    public var regionalHeadquarters = 0
    public var rdCentres = 0
    public var openBlockers = 0
    public var escalatedBlockers = 0

    public init() {}

    /// The median of whole numbers (the mean of the middle two for an even count), nil for none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? Double(s[mid]) : (Double(s[mid - 1]) + Double(s[mid])) / 2
    }

    /// The median of a histogram of whole numbers (value, how many times), as `median` of the
    /// values it stands for.
    public static func median(histogram: [(days: Int, count: Int)]) -> Double? {
        let sorted = histogram.filter { $0.count > 0 }.sorted { $0.days < $1.days }
        let n = sorted.reduce(0) { $0 + $1.count }
        guard n > 0 else { return nil }
        func at(_ k: Int) -> Int {   // the k-th value (0-based)
            var seen = 0
            for h in sorted { seen += h.count; if k < seen { return h.days } }
            return sorted.last!.days
        }
        return n % 2 == 1 ? Double(at(n / 2)) : (Double(at(n / 2 - 1)) + Double(at(n / 2))) / 2
    }

    /// Medians per stage from (stage left, working days spent) pairs.
    public static func medians(_ durations: [(ProjectStage, Int)]) -> [ProjectStage: Double] {
        Dictionary(grouping: durations, by: \.0).compactMapValues { median($0.map(\.1)) }
    }
}

/// The FDI report: the figures of the ledgers and the pipeline, for a month range.
public struct FDIReport: Sendable, Hashable, Codable {
    public var figures: FDIFigureReport
    public var pipeline: PipelineFigures
    public init(figures: FDIFigureReport, pipeline: PipelineFigures) { self.figures = figures; self.pipeline = pipeline }
}
