import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Writes a run's results (`permu_results`, one row per unit, with the unit's figures so the
/// texts can be rebuilt) and members (`permu_members`, one row per enterprise, its grade and
/// surcharge) in multi-row INSERTs. The indicator lines are stored as `[[value, score,
/// points], …]` in the scheme's order (value null when missing), members as
/// `[{"id", "land", "kwh", "other", "rate", "yuan"}, …]`, both written without a JSON encoder.
enum PerMuResultWriter {
    static let resultColumns = ["run_id", "position", "enterprise_id", "group_kind", "cluster", "sub_area", "land_mu", "producing",
                                "past_contracted_date", "tax_wan", "value_added_wan", "revenue_wan", "energy_tce", "emissions_t",
                                "employees", "rd_spend_wan", "electricity_kwh", "status", "total", "park_rank", "pool_size",
                                "cluster_rank", "grade", "previous_grade", "consecutive_years", "surcharge_fen", "indicators", "members"]
    static let memberColumns = ["run_id", "enterprise_id", "position", "grade", "consecutive_years", "electricity_kwh", "added_rate",
                                "surcharge_fen"]

    static func write(_ db: any Database, runID: UUID, run: PerMuRun, figures: [PerMuFigures]) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let chunk = 500
        for from in stride(from: 0, to: run.results.count, by: chunk) {
            let to = min(from + chunk, run.results.count)
            var insert = sql.insert(into: "permu_results").columns(resultColumns)
            var members = sql.insert(into: "permu_members").columns(memberColumns)
            for i in from..<to {
                let r = run.results[i], f = figures[i]
                let row: [any Encodable & Sendable] = [
                    runID, i, r.enterpriseId, r.group.rawValue, r.cluster, r.subArea, r.landMu, f.producing,
                    f.pastContractedProductionDate, f.taxWanYuan, f.valueAddedWanYuan, f.revenueWanYuan, f.energyTonnesCoal,
                    f.emissionsTonnes, f.averageEmployees, f.rdSpendWanYuan, f.electricityKWh, r.status.rawValue, r.total,
                    r.parkRank, r.poolSize, r.clusterRank, r.grade?.rawValue, r.previousGrade?.rawValue, r.consecutiveYears,
                    r.members.reduce(Int64(0)) { $0 + PerMuRunRepository.fen($1.electricitySurchargeYuan) },
                    indicatorsText(r.indicators), membersText(r.members),
                ]
                insert = insert.values(row)
                for m in r.members {
                    let memberRow: [any Encodable & Sendable] = [
                        runID, m.enterpriseId, i, r.grade?.rawValue, r.consecutiveYears, m.electricityKWh, m.addedElectricityRate,
                        PerMuRunRepository.fen(m.electricitySurchargeYuan),
                    ]
                    members = members.values(memberRow)
                }
            }
            try await insert.run()
            try await members.run()
        }
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }

    static func indicatorsText(_ lines: [PerMuIndicatorResult]) -> String {
        "[" + lines.map { "[\(number($0.value)),\(number($0.score)),\(number($0.points))]" }.joined(separator: ",") + "]"
    }

    static func membersText(_ members: [PerMuMember]) -> String {
        "[" + members.map { m in
            "{\"id\":\"\(m.enterpriseId.uuidString)\",\"land\":\(number(m.landMu)),\"kwh\":\(number(m.electricityKWh)),"
                + "\"other\":\(number(m.otherElectricitySurchargeYuanPerKWh)),\"rate\":\(number(m.addedElectricityRate)),"
                + "\"yuan\":\(number(m.electricitySurchargeYuan))}"
        }.joined(separator: ",") + "]"
    }

    struct MemberJSON: Decodable { var id: UUID; var land: Double; var kwh: Double?; var other: Double; var rate: Double; var yuan: Double }

    static func members(_ text: String) -> [PerMuMember] {
        ((try? JSONDecoder().decode([MemberJSON].self, from: Data(text.utf8))) ?? []).map {
            PerMuMember(enterpriseId: $0.id, landMu: $0.land, electricityKWh: $0.kwh, otherElectricitySurchargeYuanPerKWh: $0.other,
                        addedElectricityRate: $0.rate, electricitySurchargeYuan: $0.yuan)
        }
    }

    static func indicatorLines(_ text: String) -> [[Double?]] {
        (try? JSONDecoder().decode([[Double?]].self, from: Data(text.utf8))) ?? []
    }
}
