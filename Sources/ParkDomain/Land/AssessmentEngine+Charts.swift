/// Yearly values of one commitment's indicator, for charts of target against actual.
extension AssessmentEngine {
    /// Each reported year's value of the commitment's indicator (in the kind's unit), oldest
    /// first; years where it is undefined (e.g. no revenue for an R&D ratio) are left out.
    public static func yearlySeries(_ commitment: Commitment, reports: [PerformanceReport], areaMu: Double) -> [(year: Int, value: Double)] {
        let usable = AssessmentSeries.usable(reports, upToYear: Int.max)
        return AssessmentSeries.terms(commitment.kind, label: commitment.label, reports: usable, areaMu: areaMu).map { ($0.year, $0.value) }
    }
}
