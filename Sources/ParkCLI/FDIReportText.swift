import Foundation
import ParkDomain

/// The FDI report as the CLI prints it: a table (US$ and yuan in millions), JSON, or CSV
/// (one line per figure: section, key, value).
enum FDIReportText {
    static func render(_ r: FDIReport, format: OutputFormat) throws -> String {
        switch format {
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try enc.encode(r), as: UTF8.self) + "\n"
        case .csv:
            return CSVWriter.lines([["section", "key", "value"]] + rows(r))
        case .table:
            var out = "FDI report \(r.figures.from.iso) … \(r.figures.to.iso)\n"
            var section = ""
            for row in rows(r) {
                if row[0] != section { section = row[0]; out += "\n[\(section)]\n" }
                out += row[1].padding(toLength: 40, withPad: " ", startingAt: 0) + " " + row[2] + "\n"
            }
            return out
        }
    }

    static func pct(_ x: Double?) -> String { x.map { String(format: "%.1f %%", $0 * 100) } ?? "-" }
    static func money(_ cents: Int64) -> String { FenText.yuan(cents) }

    static func rows(_ r: FDIReport) -> [[String]] {
        let f = r.figures, p = r.pipeline
        var out: [[String]] = [
            ["totals", "new_projects", String(f.totals.newProjects)],
            ["totals", "utilised_usd", money(f.totals.utilisedUSDCents)],
            ["totals", "utilised_cny", money(f.totals.utilisedCNYFen)],
            ["totals", "contracted_usd", money(f.totals.contractedUSDCents)],
            ["totals", "contracted_cny", money(f.totals.contractedCNYFen)],
            ["comparable", "utilised_usd", money(f.comparable.utilisedUSDCents)],
            ["comparable", "utilised_usd_prior_year", money(f.comparablePriorYear.utilisedUSDCents)],
            ["comparable", "utilised_yoy", pct(f.utilisedGrowth)],
            ["comparable", "contracted_usd", money(f.comparable.contractedUSDCents)],
            ["comparable", "contracted_usd_prior_year", money(f.comparablePriorYear.contractedUSDCents)],
            ["comparable", "contracted_yoy", pct(f.contractedGrowth)],
            ["shares", "strategic_emerging_of_new_projects", pct(f.strategicEmergingShare)],
            ["shares", "high_tech_of_utilised", pct(f.highTechUtilisedShare)],
        ]
        for m in f.months {
            out.append(["months", m.month.iso, "utilised_usd=\(money(m.utilisedUSDCents)) contracted_usd=\(money(m.contractedUSDCents)) new=\(m.newProjects)"])
        }
        for d in FDIDimension.allCases {
            for l in f.breakdowns[d] ?? [] {
                out.append(["by_\(d.rawValue)", l.key.isEmpty ? "-" : l.key,
                            "projects=\(l.totals.newProjects) utilised_usd=\(money(l.totals.utilisedUSDCents)) contracted_usd=\(money(l.totals.contractedUSDCents))"])
            }
        }
        for s in ProjectStage.allCases {
            out.append(["pipeline", "stage_\(s.rawValue)", "\(p.stageCounts[s] ?? 0) projects, median \(p.medianWorkingDays[s].map { String(format: "%.1f", $0) } ?? "-") working days"])
        }
        out += [
            ["pipeline", "overdue", String(p.overdue)],
            ["pipeline", "signed_in_period", String(p.signedInPeriod)],
            ["pipeline", "reached_construction", String(p.reachedConstruction)],
            ["pipeline", "reached_production", String(p.reachedProduction)],
            ["pipeline", "funds_arrived_ratio", pct(p.fundsArrivedRatio)],
            ["park", "fortune500_investors", String(p.fortune500Investors)],
            ["park", "fortune500_projects", String(p.fortune500Projects)],
            ["park", "regional_headquarters", String(p.regionalHeadquarters)],
            ["park", "rd_centres", String(p.rdCentres)],
            ["blockers", "open", String(p.openBlockers)],
            ["blockers", "escalated", String(p.escalatedBlockers)],
        ]
        return out
    }
}
