import FluentKit
import Foundation
import ParkDomain

/// The demo park's per-mu evaluation: a "SIP" scheme for each of the last three data years and
/// the two earlier years run and enacted (so the latest year's D grades escalate), leaving the
/// latest year for the officer to run, try a draft on, and enact.
///
/// The SIP scheme keeps Huangyan's indicators and weights (above-size 30/20/20/10/10/10,
/// below-size 50/50) but takes each benchmark from the year's median (the demo park's figures
/// are not Huangyan's) and caps value ÷ benchmark at 3, so one outlier cannot carry a score;
/// grades by shares A 25 %, B 45 %, C 25 %, D 5 % with equal scores at a boundary sharing the
/// worse grade (D is at least 5 %: firms with no output tie at 0 and are all D); D pays 0.05, 0.10, 0.15 yuan/kWh.
struct DemoPerMuSeeder: Sendable {
    let db: any Database
    let clock: ParkClock

    static func scheme(year: Int) -> PerMuScheme {
        var s = PerMuScheme.huangyan2022
        s.name = "SIP \(year)"
        s.year = year
        s.grading.ties = .worseGrade
        for g in s.groups.indices {
            for i in s.groups[g].indicators.indices {
                s.groups[g].indicators[i].benchmarkRule = .median
                s.groups[g].indicators[i].benchmark = nil
                s.groups[g].indicators[i].normalisation = .ratio(cap: 3)
            }
        }
        return s
    }

    /// Whether the demo's schemes are already stored (a reused database).
    func seeded() async throws -> Bool {
        try await PerMuSchemeModel.query(on: db).filter(\.$name ~~ ["SIP 2023", "SIP 2024", "SIP 2025"]).count() > 0
    }

    func seed(progress: (@Sendable (String) -> Void)?) async throws {
        let latest = LocalDate(clock.now()).year - 1
        let schemes = PerMuSchemeRepository(db: db, clock: clock), runs = PerMuRunRepository(db: db, clock: clock)
        let officer = Principal(userID: nil, name: "econ", role: .officer), admin = Principal.system("admin")
        for year in (latest - 2)...latest {
            let stored = try await schemes.save(Self.scheme(year: year), by: officer)
            guard year < latest else { continue }
            guard let run = try await runs.run(schemeID: stored.id, dryRun: false, by: officer).stored else { continue }
            _ = try await runs.enact(run.id, by: admin)
            progress?("per-mu evaluation \(year): \(run.graded) graded (A \(run.gradeCounts[0]), B \(run.gradeCounts[1]), C \(run.gradeCounts[2]), D \(run.gradeCounts[3])), enacted")
        }
    }
}
