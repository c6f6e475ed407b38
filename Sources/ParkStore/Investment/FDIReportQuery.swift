import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The FDI report from the database: the ledgers' monthly roll-up per project (`FDIRollup`)
/// grouped in SQL by month, breakdown keys and industry flags (one GROUP BY over the period and
/// the same months a year before), folded by `FDIReportEngine`; the pipeline's counts, conversion and medians by
/// SQL aggregates and one windowed read of the period's approved moves.
public struct FDIReportQuery: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func run(from: YearMonth, to: YearMonth) async throws -> FDIReport {
        try InvestmentFigures.checkRange(from, to)
        let cells = try await self.cells(from: from.adding(months: -12) ?? from, to: to)
        let figures = try FDIReportEngine.run(cells, from: from, to: to)
        return FDIReport(figures: figures, pipeline: try await pipeline(from: from, to: to))
    }

    var sql: any SQLDatabase { get throws { try InvestmentFigures(db: db).sql } }

    /// Industry flags as one small integer from the category table.
    static let flagsExpr = """
        (CASE WHEN EXISTS (SELECT 1 FROM fdi_industry_categories c WHERE c.industry_code = p.industry_code AND c.category = 'financial') THEN 1 ELSE 0 END
         + CASE WHEN EXISTS (SELECT 1 FROM fdi_industry_categories c WHERE c.industry_code = p.industry_code AND c.category = 'strategic_emerging') THEN 2 ELSE 0 END
         + CASE WHEN EXISTS (SELECT 1 FROM fdi_industry_categories c WHERE c.industry_code = p.industry_code AND c.category = 'high_tech_manufacturing') THEN 4 ELSE 0 END)
        """
    static let dimExprs = ["inv.origin_country", "COALESCE(p.cluster, '')", "p.project_type", "p.stage",
                           "COALESCE(CAST(p.officer_id AS TEXT), '')", "p.source"]

    func cells(from: YearMonth, to: YearMonth) async throws -> FDICells {
        let sql = try self.sql
        var cells = FDICells()
        let dims = Self.dimExprs.enumerated().map { "\($0.element) AS d\($0.offset)" }.joined(separator: ", ")
        let groupDims = Self.dimExprs.joined(separator: ", ")
        // The ledgers' monthly roll-up per project (`FDIRollup`): one row per project-month.
        let s = InvestmentFigures.sum
        let rows = try await sql.raw("""
            SELECT x.month AS m, \(unsafeRaw: dims), \(unsafeRaw: Self.flagsExpr) AS f,
              \(unsafeRaw: s("x.utilised_usd_cents")) AS uu, \(unsafeRaw: s("x.utilised_cny_fen")) AS uc,
              \(unsafeRaw: s("x.contracted_usd_cents")) AS cu, \(unsafeRaw: s("x.contracted_cny_fen")) AS cc
            FROM fdi_project_months x JOIN investment_projects p ON p.id = x.project_id JOIN investors inv ON inv.id = p.investor_id
            WHERE x.month >= \(bind: from.iso) AND x.month <= \(bind: to.iso)
            GROUP BY x.month, \(unsafeRaw: groupDims), p.industry_code
            """).all()
        cells.reserve(rows.count)
        for r in rows {
            guard let m = YearMonth(iso: try r.decode(column: "m", as: String.self)) else { continue }
            let d = try Self.dimKeys(r, &cells)
            cells.append(month: m, dims: d, flags: UInt8(truncatingIfNeeded: try r.decode(column: "f", as: Int.self)),
                         utilisedUSD: try r.decode(column: "uu", as: Int64.self), utilisedCNY: try r.decode(column: "uc", as: Int64.self),
                         contractedUSD: try r.decode(column: "cu", as: Int64.self), contractedCNY: try r.decode(column: "cc", as: Int64.self))
        }
        let signed = try await sql.raw("""
            SELECT SUBSTR(p.signed_on, 1, 7) AS m, \(unsafeRaw: dims), \(unsafeRaw: Self.flagsExpr) AS f, COUNT(*) AS n
            FROM investment_projects p JOIN investors inv ON inv.id = p.investor_id
            WHERE p.signed_on >= \(bind: from.firstDay.iso) AND p.signed_on <= \(bind: to.lastDay.iso)
            GROUP BY SUBSTR(p.signed_on, 1, 7), \(unsafeRaw: groupDims), p.industry_code
            """).all()
        for r in signed {
            guard let m = YearMonth(iso: try r.decode(column: "m", as: String.self)) else { continue }
            let d = try Self.dimKeys(r, &cells)
            cells.append(month: m, dims: d, flags: UInt8(truncatingIfNeeded: try r.decode(column: "f", as: Int.self)),
                         newProjects: Int64(try r.decode(column: "n", as: Int.self)))
        }
        return cells
    }

    static func dimKeys(_ r: any SQLRow, _ cells: inout FDICells) throws -> [Int32] {
        try FDIDimension.allCases.enumerated().map { i, d in cells.key(d, try r.decode(column: "d\(i)", as: String.self)) }
    }

    func pipeline(from: YearMonth, to: YearMonth) async throws -> PipelineFigures {
        let sql = try self.sql
        let today = LocalDate(clock.now()).iso
        var out = PipelineFigures()
        for r in try await sql.raw("SELECT stage, COUNT(*) AS n FROM investment_projects GROUP BY stage").all() {
            if let s = ProjectStage(rawValue: try r.decode(column: "stage", as: String.self)) { out.stageCounts[s] = try r.decode(column: "n", as: Int.self) }
        }
        func count(_ q: SQLQueryString) async throws -> Int { try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0 }
        out.overdue = try await count("SELECT COUNT(*) AS n FROM investment_projects WHERE stage_due_on < \(bind: today) AND stage NOT IN ('production', 'dropped')")
        let start = from.firstDay.iso, end = to.lastDay.iso
        out.signedInPeriod = try await count("SELECT COUNT(*) AS n FROM investment_projects WHERE signed_on >= \(bind: start) AND signed_on <= \(bind: end)")
        out.reachedConstruction = try await count("SELECT COUNT(*) AS n FROM investment_projects WHERE signed_on >= \(bind: start) AND signed_on <= \(bind: end) AND stage IN ('construction', 'production')")
        out.reachedProduction = try await count("SELECT COUNT(*) AS n FROM investment_projects WHERE signed_on >= \(bind: start) AND signed_on <= \(bind: end) AND stage = 'production'")
        let inPark = "p.stage IN ('registered', 'construction', 'production')"
        out.fortune500Projects = try await count("SELECT COUNT(*) AS n FROM investment_projects p WHERE \(unsafeRaw: inPark) AND p.investor_id IN (SELECT investor_id FROM fortune500_ranks)")
        out.fortune500Investors = try await count("SELECT COUNT(DISTINCT p.investor_id) AS n FROM investment_projects p WHERE \(unsafeRaw: inPark) AND p.investor_id IN (SELECT investor_id FROM fortune500_ranks)")
        out.regionalHeadquarters = try await count("SELECT COUNT(*) AS n FROM investment_projects p WHERE \(unsafeRaw: inPark) AND p.project_type = 'regional_hq'")
        out.rdCentres = try await count("SELECT COUNT(*) AS n FROM investment_projects p WHERE \(unsafeRaw: inPark) AND p.project_type = 'rd_centre'")
        out.openBlockers = try await count("SELECT COUNT(*) AS n FROM project_blockers WHERE closed_on IS NULL")
        out.escalatedBlockers = try await count("SELECT COUNT(*) AS n FROM project_blockers WHERE closed_on IS NULL AND escalate_on < \(bind: today)")
        let toDate = try await sql.raw("""
            SELECT \(unsafeRaw: InvestmentFigures.sum("utilised_usd_cents")) AS u, \(unsafeRaw: InvestmentFigures.sum("contracted_usd_cents")) AS c
            FROM fdi_project_months WHERE month <= \(bind: to.iso)
            """).first()
        out.utilisedToDateUSDCents = try toDate?.decode(column: "u", as: Int64.self) ?? 0
        out.contractedToDateUSDCents = try toDate?.decode(column: "c", as: Int64.self) ?? 0
        // Working days at each stage, as a histogram per stage of the approved moves dated in
        // the period (days stored on approval): one GROUP BY, whatever the number of moves.
        var histogram: [ProjectStage: [(days: Int, count: Int)]] = [:]
        for r in try await sql.raw("""
            SELECT from_stage, days_at_stage AS d, COUNT(*) AS n FROM project_stage_moves
            WHERE state = 'approved' AND days_at_stage IS NOT NULL AND effective_on >= \(bind: start) AND effective_on <= \(bind: end)
            GROUP BY from_stage, days_at_stage
            """).all() {
            guard let s = ProjectStage(rawValue: try r.decode(column: "from_stage", as: String.self)) else { continue }
            histogram[s, default: []].append((try r.decode(column: "d", as: Int.self), try r.decode(column: "n", as: Int.self)))
        }
        out.medianWorkingDays = histogram.compactMapValues(PipelineFigures.median(histogram:))
        return out
    }
}
