import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// A year's per-mu figures (`PerMuFigures`) of every enterprise holding land, from the register,
/// the leases and the leases' yearly reports, in two queries:
///
/// 1. Land: every lease with a contract that held its parcel in the year (contract start on or
///    before 31 December; not lapsed; a reclaimed or expired lease only if its first term ran
///    to the year's end), with the parcel's area and sub-area and the enterprise's clusters and
///    size. Land (mu) = Σ parcel area (m²) ÷ (2000/3). Sub-area: that of the enterprise's
///    largest parcel. Cluster: the enterprise's first cluster. Enterprises holding leases on
///    the same parcel share its `parcelGroup` (the scheme's scope may merge them).
/// 2. Reports: the newest version of each lease's report for the year. Each figure is the sum
///    over the enterprise's leases that reported (yuan ÷ 10,000 → 万元; kWh, t, tce and
///    employees as reported); an enterprise with no report for the year has every figure
///    missing. It is producing when a report of the year gives a production start on or before
///    31 December; a lease not producing is past its contracted production date when its
///    agreement's production-start commitment date is on or before 31 December.
///
/// Enterprises are listed in order of their first lease row (storage order; the evaluation's
/// results follow it).
public enum PerMuFiguresLoader {
    /// Lease states whose lease holds (or held) land under a contract.
    static let heldStates: [LeaseState] = [.contracted, .underConstruction, .inProduction, .assessmentDue, .assessed, .extended]

    public static func load(_ db: any Database, year: Int) async throws -> [PerMuFigures] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let yearEnd = "\(year)-12-31"
        let held = heldStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let landRows = try await sql.raw("""
            SELECT l.id AS lease_id, l.enterprise_id, l.parcel_id, p.computed_area_m2, p.sub_area, e.clusters,
                   e.above_designated_size, l.commitments
            FROM leases l JOIN parcels p ON p.id = l.parcel_id JOIN enterprises e ON e.id = l.enterprise_id
            WHERE l.contract_start IS NOT NULL AND l.contract_start <= \(bind: yearEnd)
              AND (l.state IN (\(unsafeRaw: held))
                   OR (l.state IN ('reclaimed', 'expired') AND l.first_term_end >= \(bind: yearEnd)))
            """).all()
        struct Holding { var figures: PerMuFigures; var largestM2: Double; var parcels: [UUID]; var leases: [UUID]; var commitments: [String] }
        var order: [UUID] = []
        var byEnterprise: [UUID: Holding] = [:]
        var leaseOwner: [UUID: UUID] = [:]
        var parcelHolders: [UUID: Set<UUID>] = [:]
        for row in landRows {
            let lease = try row.decode(column: "lease_id", as: UUID.self)
            let enterprise = try row.decode(column: "enterprise_id", as: UUID.self)
            let parcel = try row.decode(column: "parcel_id", as: UUID.self)
            let m2 = try row.decode(column: "computed_area_m2", as: Double.self)
            let subArea = try row.decode(column: "sub_area", as: String.self)
            leaseOwner[lease] = enterprise
            parcelHolders[parcel, default: []].insert(enterprise)
            if var h = byEnterprise[enterprise] {
                h.figures.landMu += m2 / (2000.0 / 3.0)
                if m2 > h.largestM2 { h.largestM2 = m2; h.figures.subArea = subArea }
                h.parcels.append(parcel); h.leases.append(lease)
                h.commitments.append(try row.decode(column: "commitments", as: String.self))
                byEnterprise[enterprise] = h
            } else {
                let clusters = try row.decode(column: "clusters", as: String.self).split(separator: ";").map(String.init)
                let above = try row.decode(column: "above_designated_size", as: Bool.self)
                order.append(enterprise)
                byEnterprise[enterprise] = Holding(
                    figures: PerMuFigures(enterpriseId: enterprise, year: year, cluster: clusters.first, subArea: subArea,
                                          aboveDesignatedSize: above, landMu: m2 / (2000.0 / 3.0), producing: false,
                                          pastContractedProductionDate: false),
                    largestM2: m2, parcels: [parcel], leases: [lease],
                    commitments: [try row.decode(column: "commitments", as: String.self)])
            }
        }
        let reportRows = try await sql.raw("""
            SELECT r.lease_id, r.tax_paid_yuan, r.value_added_yuan, r.revenue_yuan, r.rd_spend_yuan, r.energy_tonnes_coal,
                   r.electricity_kwh, r.emissions_tonnes, r.average_employees, r.production_start_date
            FROM performance_reports r
            WHERE r.year = \(bind: year) AND NOT EXISTS (SELECT 1 FROM performance_reports n
                  WHERE n.lease_id = r.lease_id AND n.year = r.year AND n.version > r.version)
            """).all()
        struct Sums { var tax: Int64 = 0, va: Int64 = 0, revenue: Int64 = 0, rd: Int64 = 0
                      var energy = 0.0, kWh = 0.0, emissions = 0.0, employees = 0 }
        var sums: [UUID: Sums] = [:]
        for row in reportRows {
            let lease = try row.decode(column: "lease_id", as: UUID.self)
            guard let enterprise = leaseOwner[lease] else { continue }
            var s = sums[enterprise] ?? Sums()
            s.tax += try row.decode(column: "tax_paid_yuan", as: Int64.self)
            s.va += try row.decode(column: "value_added_yuan", as: Int64.self)
            s.revenue += try row.decode(column: "revenue_yuan", as: Int64.self)
            s.rd += try row.decode(column: "rd_spend_yuan", as: Int64.self)
            s.energy += try row.decode(column: "energy_tonnes_coal", as: Double.self)
            s.kWh += try row.decode(column: "electricity_kwh", as: Double.self)
            s.emissions += try row.decode(column: "emissions_tonnes", as: Double.self)
            s.employees += try row.decode(column: "average_employees", as: Int.self)
            sums[enterprise] = s
            if let start = try row.decode(column: "production_start_date", as: String?.self), start <= yearEnd {
                byEnterprise[enterprise]?.figures.producing = true
            }
        }
        var out: [PerMuFigures] = []
        out.reserveCapacity(order.count)
        for id in order {
            guard var h = byEnterprise[id] else { continue }
            if let s = sums[id] {
                h.figures.taxWanYuan = Double(s.tax) / 10_000; h.figures.valueAddedWanYuan = Double(s.va) / 10_000
                h.figures.revenueWanYuan = Double(s.revenue) / 10_000; h.figures.rdSpendWanYuan = Double(s.rd) / 10_000
                h.figures.energyTonnesCoal = s.energy; h.figures.electricityKWh = s.kWh
                h.figures.emissionsTonnes = s.emissions; h.figures.averageEmployees = Double(s.employees)
            }
            if h.figures.producing {
                h.figures.pastContractedProductionDate = true
            } else {
                h.figures.pastContractedProductionDate = h.commitments.contains { productionDatePassed($0, yearEnd: yearEnd) }
            }
            if let shared = h.parcels.first(where: { (parcelHolders[$0]?.count ?? 0) > 1 }) {
                h.figures.parcelGroup = shared.uuidString
            }
            out.append(h.figures)
        }
        return out
    }

    /// Whether the agreement (`commitments` JSON) has a production-start commitment whose date
    /// is on or before `yearEnd` (ISO dates compare as text).
    static func productionDatePassed(_ commitments: String, yearEnd: String) -> Bool {
        guard commitments.contains(CommitmentKind.productionStart.rawValue),
              let list = try? JSONDecoder().decode([Commitment].self, from: Data(commitments.utf8)) else { return false }
        return list.contains { $0.kind == .productionStart && ($0.targetDate.map { $0.iso <= yearEnd } ?? false) }
    }
}
