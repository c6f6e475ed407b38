import Foundation

extension PerMuEvaluator {
    /// Grades (`PerMuGrade.code`, 255 when not graded), ranks and pool sizes per unit.
    struct Ranking {
        var grades: [UInt8]
        var parkRanks: [Int32]
        var clusterRanks: [Int32]
        var poolSize: [Int]
    }

    /// Ranks and grades the graded units per pool, ordered by total (best first), then by unit
    /// order: the order `PerMuBatch` sorts into.
    static func rank(units: [PerMuUnit], graded: [Bool], group: [UInt8], totals: [Double], grading: PerMuGrading) -> Ranking {
        let n = units.count
        var clusterIndex: [String: Int32] = [:]
        let cluster: [Int32] = units.map { u in
            guard let c = u.figures.cluster else { return -1 }
            if let k = clusterIndex[c] { return k }
            let k = Int32(clusterIndex.count)
            clusterIndex[c] = k
            return k
        }
        var ranking = Ranking(grades: [UInt8](repeating: 255, count: n), parkRanks: [Int32](repeating: 0, count: n),
                              clusterRanks: [Int32](repeating: 0, count: n), poolSize: [Int](repeating: 0, count: n))
        let all = (0..<n).filter { graded[$0] }.map { Int32($0) }
        let pools = grading.pooling == .wholePark ? [all] : [all.filter { group[Int($0)] == 0 }, all.filter { group[Int($0)] == 1 }]
        for var order in pools {
            order.sort { a, b in totals[Int(a)] > totals[Int(b)] || (totals[Int(a)] == totals[Int(b)] && a < b) }
            for i in order { ranking.poolSize[Int(i)] = order.count }
            order.withUnsafeBufferPointer { o in
                totals.withUnsafeBufferPointer { t in
                    cluster.withUnsafeBufferPointer { c in
                        ranking.grades.withUnsafeMutableBufferPointer { g in
                            ranking.parkRanks.withUnsafeMutableBufferPointer { p in
                                ranking.clusterRanks.withUnsafeMutableBufferPointer { cr in
                                    PerMuPlan.rankAndGrade(order: o, scores: t, cluster: c, clusterCount: clusterIndex.count,
                                                           grading: grading, grades: g, parkRanks: p, clusterRanks: cr)
                                }
                            }
                        }
                    }
                }
            }
        }
        return ranking
    }

    /// The result of unit `i`, with its indicator lines, rank, grade, treatments and texts.
    static func result(_ i: Int, unit u: PerMuUnit, plan: PerMuPlan, scheme: PerMuScheme, group g: UInt8, scopeCode: UInt8,
                       values: [Double], scores: [Double], averages: [[Double]], ungradedBy: PerMuIndicator?, total: Double,
                       ranking: Ranking, previous: [UUID: PerMuPriorYear], texts: Bool = true) -> PerMuResult {
        let none = Bilingual(zh: "", en: "")
        func text(_ make: @autoclosure () -> Bilingual) -> Bilingual { texts ? make() : none }
        let f = u.figures
        var members = u.members.map {
            PerMuMember(enterpriseId: $0.enterpriseId, landMu: $0.landMu, electricityKWh: $0.electricityKWh,
                        otherElectricitySurchargeYuanPerKWh: $0.otherElectricitySurchargeYuanPerKWh,
                        addedElectricityRate: 0, electricitySurchargeYuan: 0)
        }
        let prior = u.members.compactMap { previous[$0.enterpriseId] }
            .max { ($0.grade, $0.consecutiveYears) < ($1.grade, $1.consecutiveYears) }
        var r = PerMuResult(enterpriseId: f.enterpriseId, members: members, group: g == 0 ? .aboveSize : .belowSize,
                            cluster: f.cluster, subArea: f.subArea, landMu: f.landMu, status: .outOfScope, indicators: [],
                            total: nil, parkRank: nil, poolSize: nil, clusterRank: nil, grade: nil, previousGrade: prior?.grade,
                            consecutiveYears: 0, treatments: [], reason: nil, explanation: Bilingual(zh: "", en: ""))
        guard scopeCode == 0 else {
            let reason = text(PerMuText.outOfScope(scopeCode, figures: f, scope: scheme.scope))
            r.reason = reason
            r.explanation = text(Bilingual(zh: "不在评价范围：\(reason.zh)", en: "out of scope: \(reason.en)"))
            return r
        }
        let items = plan.groups[Int(g)]
        r.indicators = items.enumerated().map { j, item in
            let v = values[j]
            let s = scores.isEmpty ? (v.isNaN ? 0 : PerMuPlan.normalise(item, v)) : scores[j]
            let points = item.weight * s
            let rule: PerMuMissingRule? = v.isNaN ? item.missingRule : nil
            return PerMuIndicatorResult(indicator: item.indicator, weight: item.weight, value: v.isNaN ? nil : v,
                                        benchmark: item.ratio && !item.benchmark.isNaN ? item.benchmark : nil, score: s,
                                        points: points, missingRule: rule,
                                        explanation: text(PerMuText.indicator(item, figures: f, value: v, score: s, points: points, missing: rule)))
        }
        if let ungradedBy {
            let reason = text(PerMuText.ungraded(ungradedBy))
            r.status = .ungraded
            r.reason = reason
            r.explanation = text(Bilingual(zh: "不予分类：\(reason.zh)", en: "ungraded: \(reason.en)"))
            return r
        }
        guard let grade = PerMuGrade(code: ranking.grades[i]) else { return r }
        r.status = .graded
        r.total = total
        r.grade = grade
        r.parkRank = Int(ranking.parkRanks[i])
        r.poolSize = ranking.poolSize[i]
        r.clusterRank = ranking.clusterRanks[i] > 0 ? Int(ranking.clusterRanks[i]) : nil
        var years = 1
        if let prior, prior.grade == grade { years = prior.consecutiveYears + 1 }
        r.consecutiveYears = years
        for t in scheme.treatments(for: grade) {
            let rate = t.rate(consecutiveYears: years)
            var yuan: Double?
            if t.kind == .electricitySurcharge, let rate {
                var sum = 0.0
                for k in members.indices {
                    let added = PerMuTreatmentOutcome.addedElectricityRate(
                        rate, other: members[k].otherElectricitySurchargeYuanPerKWh, onlyHighest: scheme.onlyHighestPunitiveTariff)
                    members[k].addedElectricityRate = added
                    members[k].electricitySurchargeYuan = (members[k].electricityKWh ?? 0) * added
                    sum += members[k].electricitySurchargeYuan
                }
                yuan = sum
            }
            let kWh = members.reduce(0.0) { $0 + ($1.electricityKWh ?? 0) }
            r.treatments.append(PerMuTreatmentOutcome(
                kind: t.kind, consecutiveYears: years, rate: rate, electricitySurchargeYuan: yuan,
                explanation: text(PerMuText.treatment(t, years: years, rate: rate, yuan: yuan, kWh: kWh))))
        }
        r.members = members
        let poolName = plan.grading.pooling == .perGroup ? r.group.name
            : Bilingual(zh: "全区参评企业", en: "evaluated enterprises of the park")
        r.explanation = text(PerMuText.summary(total: total, rank: r.parkRank ?? 0, pool: r.poolSize ?? 0, poolName: poolName,
                                               cluster: f.cluster, clusterRank: r.clusterRank, grade: grade, grading: plan.grading,
                                               treatments: r.treatments))
        return r
    }
}
