import Foundation

/// A year's evaluation units as plain arrays (struct of arrays), the input of `PerMuBatch.run`.
/// Row `i` is one `PerMuUnit` (an enterprise, or enterprises sharing a parcel already merged).
/// A missing figure is `.nan`. Units as `PerMuFigures`: 万元, mu, t standard coal, t, kWh. A store
/// may fill the arrays straight from one SQL query; `init(_:)` builds them from units.
public struct PerMuColumns: Sendable, Hashable {
    /// The unit's (lead enterprise's) id.
    public var enterpriseId: [UUID] = []
    /// 0 above-size, 1 below-size.
    public var group: [UInt8] = []
    /// Index into `clusterNames`, -1 when none.
    public var cluster: [Int32] = []
    /// 1 producing, else 0.
    public var producing: [UInt8] = []
    /// 1 when the contracted production date has passed, else 0.
    public var pastContractedProductionDate: [UInt8] = []
    /// Land (mu).
    public var landMu: [Double] = []
    /// Tax paid (万元).
    public var tax: [Double] = []
    /// Industrial value added (万元).
    public var valueAdded: [Double] = []
    /// Main business revenue (万元).
    public var revenue: [Double] = []
    /// R&D spend (万元).
    public var rdSpend: [Double] = []
    /// Energy (t standard coal).
    public var energy: [Double] = []
    /// Main pollutant emissions (t).
    public var emissions: [Double] = []
    /// Average employees.
    public var employees: [Double] = []
    /// Electricity (kWh).
    public var electricityKWh: [Double] = []
    /// The cluster codes the `cluster` column indexes.
    public var clusterNames: [String] = []

    /// No rows.
    public init() {}

    /// The columns of `units`, in order.
    public init(_ units: [PerMuUnit]) {
        reserve(units.count)
        var clusterIndex: [String: Int32] = [:]
        for u in units {
            let f = u.figures
            var c: Int32 = -1
            if let name = f.cluster {
                if let known = clusterIndex[name] { c = known } else {
                    c = Int32(clusterNames.count); clusterIndex[name] = c; clusterNames.append(name)
                }
            }
            append(enterpriseId: f.enterpriseId, aboveSize: f.aboveDesignatedSize, cluster: c, producing: f.producing,
                   pastContractedProductionDate: f.pastContractedProductionDate, landMu: f.landMu,
                   tax: f.taxWanYuan ?? .nan, valueAdded: f.valueAddedWanYuan ?? .nan, revenue: f.revenueWanYuan ?? .nan,
                   rdSpend: f.rdSpendWanYuan ?? .nan, energy: f.energyTonnesCoal ?? .nan, emissions: f.emissionsTonnes ?? .nan,
                   employees: f.averageEmployees ?? .nan, electricityKWh: f.electricityKWh ?? .nan)
        }
    }

    /// The columns of `figures` for `scheme`: its year's figures, merged as its scope says
    /// (`PerMuUnit.units`), so row `i` is `PerMuEvaluator`'s result `i`.
    public init(_ figures: [PerMuFigures], scheme: PerMuScheme) {
        self.init(PerMuUnit.units(from: figures, year: scheme.year, mergeSharedParcels: scheme.scope.mergeSharedParcels).units)
    }

    /// Number of rows.
    public var count: Int { group.count }

    /// Reserves room for `rows` rows.
    public mutating func reserve(_ rows: Int) {
        enterpriseId.reserveCapacity(rows); group.reserveCapacity(rows); cluster.reserveCapacity(rows)
        producing.reserveCapacity(rows); pastContractedProductionDate.reserveCapacity(rows); landMu.reserveCapacity(rows)
        tax.reserveCapacity(rows); valueAdded.reserveCapacity(rows); revenue.reserveCapacity(rows); rdSpend.reserveCapacity(rows)
        energy.reserveCapacity(rows); emissions.reserveCapacity(rows); employees.reserveCapacity(rows)
        electricityKWh.reserveCapacity(rows)
    }

    /// Appends one row (`.nan` for a missing figure; `cluster` indexes `clusterNames`, -1 none).
    public mutating func append(enterpriseId: UUID, aboveSize: Bool, cluster: Int32, producing: Bool,
                                pastContractedProductionDate: Bool, landMu: Double, tax: Double, valueAdded: Double,
                                revenue: Double, rdSpend: Double, energy: Double, emissions: Double, employees: Double,
                                electricityKWh: Double) {
        self.enterpriseId.append(enterpriseId); group.append(aboveSize ? 0 : 1); self.cluster.append(cluster)
        self.producing.append(producing ? 1 : 0); self.pastContractedProductionDate.append(pastContractedProductionDate ? 1 : 0)
        self.landMu.append(landMu); self.tax.append(tax); self.valueAdded.append(valueAdded); self.revenue.append(revenue)
        self.rdSpend.append(rdSpend); self.energy.append(energy); self.emissions.append(emissions)
        self.employees.append(employees); self.electricityKWh.append(electricityKWh)
    }
}
