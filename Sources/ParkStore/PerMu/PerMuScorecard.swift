import FluentKit
import Foundation
import ParkDomain

/// An enterprise's per-mu scorecard: its result in a run with every text (each indicator
/// against its benchmark, the trace of the score, the treatment) and its shortfalls, most
/// points first (where to improve). What the console, the enterprise portal, the API and the
/// CLI show.
public struct PerMuScorecard: Sendable {
    public var run: PerMuRunRepository.Stored
    public var scheme: PerMuScheme
    public var stored: PerMuStoredResult
    /// The result with its texts.
    public var result: PerMuResult
    public var shortfalls: [PerMuShortfall]

    /// The scorecard of `enterprise` in `runID`, or else in the enacted run of `year`, or else
    /// in the latest enacted run. Not found when there is no such run or the enterprise has no
    /// result in it.
    public static func load(db: any Database, enterprise: UUID, year: Int? = nil, runID: UUID? = nil) async throws -> PerMuScorecard {
        let runs = PerMuRunRepository(db: db)
        let run: PerMuRunRepository.Stored?
        if let runID {
            run = try await runs.find(runID)
        } else if let year {
            run = try await runs.enacted(year: year)
        } else {
            run = try await runs.all().first { $0.state == .enacted }
        }
        guard let run else {
            let what = runID.map { "run \($0.uuidString)" } ?? year.map { "enacted run of \($0)" } ?? "enacted run"
            throw DomainError(.notFound, code: "not_found", field: runID == nil ? "year" : "run", en: "no \(what)",
                              zh: year.map { "\($0) 年度尚无正式评价结果" } ?? "尚无正式评价结果")
        }
        guard let stored = try await PerMuResultQuery(db: db).result(runID: run.id, enterpriseID: enterprise) else {
            throw DomainError(.notFound, code: "not_found", field: "id",
                              en: "the enterprise has no result in the \(run.year) evaluation (it holds no land that year)",
                              zh: "该企业未参加 \(run.year) 年度亩均评价（当年无用地）")
        }
        let scheme = try await PerMuSchemeRepository(db: db).require(run.schemeID).scheme
        let result = PerMuResultQuery.explain(stored, scheme: scheme, run: run)
        return PerMuScorecard(run: run, scheme: scheme, stored: stored, result: result,
                              shortfalls: PerMuShortfall.of(result, scheme: scheme))
    }
}
