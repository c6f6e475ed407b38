import Foundation

/// One enterprise's figures for one year, the input of the per-mu evaluation. Money in 万元
/// (10,000 yuan), land in mu, energy in tonnes of standard coal, emissions in tonnes of main
/// pollutants, electricity in kWh. A figure that may be missing is optional; nil means not
/// reported (the indicator's `PerMuMissingRule` then applies).
public struct PerMuFigures: Sendable, Hashable, Codable {
    /// The enterprise (`Enterprise.id`).
    public var enterpriseId: UUID
    /// The data year.
    public var year: Int
    /// Cluster code (`Cluster.code`), for the rank within the cluster; nil when none.
    public var cluster: String?
    /// Sub-area of the park (片区), for reports.
    public var subArea: String?
    /// Above designated size (规模以上): the above-size indicator set applies.
    public var aboveDesignatedSize: Bool
    /// Land the enterprise holds (mu).
    public var landMu: Double
    /// Whether the enterprise is producing.
    public var producing: Bool
    /// Whether its contracted production date (约定投产日期) has passed.
    public var pastContractedProductionDate: Bool
    /// Enterprises with the same key share a parcel and are merged into one result (nil: none).
    public var parcelGroup: String?
    /// Tax paid (万元).
    public var taxWanYuan: Double?
    /// Industrial value added (万元).
    public var valueAddedWanYuan: Double?
    /// Main business revenue (万元).
    public var revenueWanYuan: Double?
    /// Total energy use (t standard coal).
    public var energyTonnesCoal: Double?
    /// Main pollutant emissions (t).
    public var emissionsTonnes: Double?
    /// Average employees over the year.
    public var averageEmployees: Double?
    /// R&D spend (万元).
    public var rdSpendWanYuan: Double?
    /// Electricity used (kWh).
    public var electricityKWh: Double?
    /// Another punitive electricity tariff the enterprise already pays (yuan/kWh), e.g. for an
    /// energy-intensive industry; with `onlyHighestPunitiveTariff` only the higher one applies.
    public var otherElectricitySurchargeYuanPerKWh: Double

    public init(enterpriseId: UUID, year: Int, cluster: String? = nil, subArea: String? = nil, aboveDesignatedSize: Bool,
                landMu: Double, producing: Bool = true, pastContractedProductionDate: Bool = true, parcelGroup: String? = nil,
                taxWanYuan: Double? = nil, valueAddedWanYuan: Double? = nil, revenueWanYuan: Double? = nil,
                energyTonnesCoal: Double? = nil, emissionsTonnes: Double? = nil, averageEmployees: Double? = nil,
                rdSpendWanYuan: Double? = nil, electricityKWh: Double? = nil, otherElectricitySurchargeYuanPerKWh: Double = 0) {
        self.enterpriseId = enterpriseId; self.year = year; self.cluster = cluster; self.subArea = subArea
        self.aboveDesignatedSize = aboveDesignatedSize; self.landMu = landMu; self.producing = producing
        self.pastContractedProductionDate = pastContractedProductionDate; self.parcelGroup = parcelGroup
        self.taxWanYuan = taxWanYuan; self.valueAddedWanYuan = valueAddedWanYuan; self.revenueWanYuan = revenueWanYuan
        self.energyTonnesCoal = energyTonnesCoal; self.emissionsTonnes = emissionsTonnes; self.averageEmployees = averageEmployees
        self.rdSpendWanYuan = rdSpendWanYuan; self.electricityKWh = electricityKWh
        self.otherElectricitySurchargeYuanPerKWh = otherElectricitySurchargeYuanPerKWh
    }
}

/// What the evaluation scores: one enterprise, or the enterprises sharing a parcel merged.
///
/// **Merging** (when the scope merges shared parcels): members are the figures with the same
/// `parcelGroup`, in input order. The lead is the member holding the most land (the first such
/// on a tie): the unit takes its id, cluster and sub-area. Land and every figure are summed
/// over the members; an optional figure is missing when any member lacks it (a partial sum
/// would flatter ratios such as value added per emissions). The unit is above-size when any
/// member is, producing when any member is, past its contracted date when any member is.
public struct PerMuUnit: Sendable, Hashable, Codable {
    /// The merged figures (those of the single member when not merged), with the lead's id.
    public var figures: PerMuFigures
    /// The original figures of the members, in input order (one entry when not merged).
    public var members: [PerMuFigures]

    public init(figures: PerMuFigures, members: [PerMuFigures]) { self.figures = figures; self.members = members }

    /// The units of `figures` for `year`, in order of first appearance, with notes on what was
    /// set aside: figures of other years are ignored; when an enterprise appears twice in the
    /// year, the later figures replace the earlier (in the earlier's place).
    public static func units(from figures: [PerMuFigures], year: Int,
                             mergeSharedParcels: Bool) -> (units: [PerMuUnit], notes: [Bilingual]) {
        var notes: [Bilingual] = []
        var rows: [PerMuFigures] = []
        var position: [UUID: Int] = [:]
        var otherYears = 0, duplicates = 0
        for f in figures {
            guard f.year == year else { otherYears += 1; continue }
            if let p = position[f.enterpriseId] { rows[p] = f; duplicates += 1 } else { position[f.enterpriseId] = rows.count; rows.append(f) }
        }
        if otherYears > 0 {
            notes.append(Bilingual(zh: "已忽略 \(otherYears) 条非 \(year) 年度的数据", en: "\(otherYears) figure(s) of years other than \(year) ignored"))
        }
        if duplicates > 0 {
            notes.append(Bilingual(zh: "\(duplicates) 家企业同一年度有重复数据，以后一条为准",
                                   en: "\(duplicates) enterprises had figures twice for the year; the later figures were used"))
        }
        var groups: [[PerMuFigures]] = []
        var groupOf: [String: Int] = [:]
        for r in rows {
            if mergeSharedParcels, let key = r.parcelGroup {
                if let g = groupOf[key] { groups[g].append(r); continue }
                groupOf[key] = groups.count
            }
            groups.append([r])
        }
        let units = groups.map { merge($0) }
        let merged = units.filter { $0.members.count > 1 }
        if !merged.isEmpty {
            let count = merged.reduce(0) { $0 + $1.members.count }
            notes.append(Bilingual(zh: "\(count) 家企业共用地块，合并为 \(merged.count) 个评价对象",
                                   en: "\(count) enterprises sharing parcels merged into \(merged.count) result(s)"))
        }
        return (units, notes)
    }

    /// One unit of `members` (non-empty).
    static func merge(_ members: [PerMuFigures]) -> PerMuUnit {
        guard members.count > 1 else { return PerMuUnit(figures: members[0], members: members) }
        var lead = 0
        for (i, m) in members.enumerated() where m.landMu > members[lead].landMu { lead = i }
        var f = members[lead]
        func sum(_ key: KeyPath<PerMuFigures, Double?>) -> Double? {
            var total = 0.0
            for m in members {
                guard let v = m[keyPath: key] else { return nil }
                total += v
            }
            return total
        }
        f.landMu = members.reduce(0) { $0 + $1.landMu }
        f.aboveDesignatedSize = members.contains { $0.aboveDesignatedSize }
        f.producing = members.contains { $0.producing }
        f.pastContractedProductionDate = members.contains { $0.pastContractedProductionDate }
        f.taxWanYuan = sum(\.taxWanYuan); f.valueAddedWanYuan = sum(\.valueAddedWanYuan)
        f.revenueWanYuan = sum(\.revenueWanYuan); f.energyTonnesCoal = sum(\.energyTonnesCoal)
        f.emissionsTonnes = sum(\.emissionsTonnes); f.averageEmployees = sum(\.averageEmployees)
        f.rdSpendWanYuan = sum(\.rdSpendWanYuan); f.electricityKWh = sum(\.electricityKWh)
        return PerMuUnit(figures: f, members: members)
    }
}
