import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The FDI report from the database: the ledgers grouped in SQL by month, breakdown keys and
/// industry flags (one GROUP BY per ledger, over the period and the same months a year
/// before), folded by `FDIReportEngine`; the pipeline's counts, conversion and medians by
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
        let sources: [(String, String, String)] = [
            ("fdi_inflows x", "x.month", "x.month >= '\(from.iso)' AND x.month <= '\(to.iso)'"),
            ("fdi_contracted x", "x.month", "x.month >= '\(from.iso)' AND x.month <= '\(to.iso)'"),
        ]
        for (n, (table, month, range)) in sources.enumerated() {
            let rows = try await sql.raw("""
                SELECT \(unsafeRaw: month) AS m, \(unsafeRaw: dims), \(unsafeRaw: Self.flagsExpr) AS f,
                  \(unsafeRaw: InvestmentFigures.sum("x.usd_cents")) AS usd, \(unsafeRaw: InvestmentFigures.sum("x.cny_fen")) AS cny
                FROM \(unsafeRaw: table) JOIN investment_projects p ON p.id = x.project_id JOIN investors inv ON inv.id = p.investor_id
                WHERE \(unsafeRaw: range)
                GROUP BY \(unsafeRaw: month), \(unsafeRaw: groupDims), p.industry_code
                """).all()
            cells.reserve(cells.count + rows.count)
            for r in rows {
                guard let m = YearMonth(iso: try r.decode(column: "m", as: String.self)) else { continue }
                let d = try Self.dimKeys(r, &cells)
                let usd = try r.decode(column: "usd", as: Int64.self), cny = try r.decode(column: "cny", as: Int64.self)
                let f = UInt8(truncatingIfNeeded: try r.decode(column: "f", as: Int.self))
                if n == 0 { cells.append(month: m, dims: d, flags: f, utilisedUSD: usd, utilisedCNY: cny) }
                else { cells.append(month: m, dims: d, flags: f, contractedUSD: usd, contractedCNY: cny) }
            }
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
        func total(_ table: String) async throws -> Int64 {
            try await sql.raw("SELECT \(unsafeRaw: InvestmentFigures.sum("usd_cents")) AS s FROM \(unsafeRaw: table) WHERE month <= \(bind: to.iso)")
                .first()?.decode(column: "s", as: Int64.self) ?? 0
        }
        out.utilisedToDateUSDCents = try await total("fdi_inflows")
        out.contractedToDateUSDCents = try await total("fdi_contracted")
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
