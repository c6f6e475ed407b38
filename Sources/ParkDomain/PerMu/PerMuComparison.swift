import Foundation

/// An enterprise whose grade (or status) differs between two runs.
public struct PerMuGradeChange: Sendable, Hashable, Codable {
    /// The enterprise (a member of a unit counts on its own).
    public var enterpriseId: UUID
    /// Grade under the enacted scheme; nil when not graded there.
    public var from: PerMuGrade?
    /// Grade under the draft; nil when not graded there.
    public var to: PerMuGrade?
    /// Status under the enacted scheme; nil when the enterprise has no figures in that run.
    public var fromStatus: PerMuStatus?
    /// Status under the draft; nil when absent from it.
    public var toStatus: PerMuStatus?
    /// The electricity surcharge under the enacted scheme (yuan).
    public var enactedSurchargeYuan: Double
    /// The electricity surcharge under the draft (yuan).
    public var draftSurchargeYuan: Double
}

/// What a draft scheme would change against the enacted one on the same year's data: the
/// grade migration matrix, the enterprises that change grade, and the change in electricity
/// surcharge revenue. Counted per enterprise: a merged unit's grade counts for each member.
public struct PerMuComparison: Sendable, Hashable, Codable {
    /// Row and column of the matrix for enterprises not graded (out of scope, ungraded or absent).
    public static let notGraded = 4
    /// 5 × 5 counts: row = enacted grade (A, B, C, D, not graded), column = draft grade, e.g.
    /// `matrix[0][1]` enterprises go from A to B.
    public var matrix: [[Int]]
    /// Enterprises whose grade or status differs, in the enacted run's order, then the draft's.
    public var changes: [PerMuGradeChange]
    /// Σ electricity surcharge under the enacted scheme (yuan).
    public var enactedSurchargeYuan: Double
    /// Σ electricity surcharge under the draft (yuan).
    public var draftSurchargeYuan: Double
    /// Draft − enacted surcharge revenue (yuan): positive when the draft collects more.
    public var surchargeRevenueChange: Double

    /// Compares `draft` with `enacted`. The surcharge of an enterprise is its kWh × the rate its
    /// grade's electricity surcharge adds (`PerMuMember.addedElectricityRate`); `electricityKWh`,
    /// when given, replaces the kWh of the enterprises it lists (e.g. this year's consumption
    /// when the runs score last year's figures).
    public static func compare(enacted: PerMuRun, draft: PerMuRun, electricityKWh: [UUID: Double]? = nil) -> PerMuComparison {
        struct Entry { var grade: PerMuGrade?; var status: PerMuStatus; var yuan: Double }
        func entries(_ run: PerMuRun) -> (order: [UUID], byId: [UUID: Entry]) {
            var order: [UUID] = [], byId: [UUID: Entry] = [:]
            for r in run.results {
                for m in r.members {
                    let yuan = electricityKWh?[m.enterpriseId].map { $0 * m.addedElectricityRate } ?? m.electricitySurchargeYuan
                    if byId[m.enterpriseId] == nil { order.append(m.enterpriseId) }
                    byId[m.enterpriseId] = Entry(grade: r.grade, status: r.status, yuan: yuan)
                }
            }
            return (order, byId)
        }
        let a = entries(enacted), b = entries(draft)
        var ids = a.order
        for id in b.order where a.byId[id] == nil { ids.append(id) }
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
        var changes: [PerMuGradeChange] = []
        var before = 0.0, after = 0.0
        for id in ids {
            let x = a.byId[id], y = b.byId[id]
            let from = x?.grade, to = y?.grade
            matrix[from.map { Int($0.code) } ?? notGraded][to.map { Int($0.code) } ?? notGraded] += 1
            before += x?.yuan ?? 0
            after += y?.yuan ?? 0
            if from != to || x?.status != y?.status {
                changes.append(PerMuGradeChange(enterpriseId: id, from: from, to: to, fromStatus: x?.status, toStatus: y?.status,
                                                enactedSurchargeYuan: x?.yuan ?? 0, draftSurchargeYuan: y?.yuan ?? 0))
            }
        }
        return PerMuComparison(matrix: matrix, changes: changes, enactedSurchargeYuan: before, draftSurchargeYuan: after,
                               surchargeRevenueChange: after - before)
    }

    /// Runs the enacted and the draft scheme on the same year's figures and compares them: the
    /// what-if of a draft. The draft must be for the enacted scheme's year.
    public static func whatIf(enacted: PerMuScheme, draft: PerMuScheme, figures: [PerMuFigures],
                              previous: [UUID: PerMuPriorYear] = [:]) throws(DomainError) -> PerMuComparison {
        guard draft.year == enacted.year else {
            throw DomainError(code: "year_mismatch", field: "year",
                              en: "the draft is for \(draft.year), the enacted scheme for \(enacted.year)",
                              zh: "草案评价年度为 \(draft.year)，现行办法为 \(enacted.year)，年度不一致")
        }
        let a = try PerMuEvaluator.evaluate(scheme: enacted, figures: figures, previous: previous)
        let b = try PerMuEvaluator.evaluate(scheme: draft, figures: figures, previous: previous)
        return compare(enacted: a, draft: b)
    }

    /// Enterprises moving from `from` to `to` (nil: not graded).
    public func count(from: PerMuGrade?, to: PerMuGrade?) -> Int {
        matrix[from.map { Int($0.code) } ?? Self.notGraded][to.map { Int($0.code) } ?? Self.notGraded]
    }
}
