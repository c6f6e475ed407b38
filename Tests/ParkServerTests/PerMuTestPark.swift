import Foundation
import ParkDomain
import ParkStore
import XCTVapor

extension ServerTestCase {
    /// The per-mu tests' park: Alpha Tech (tax 1.6 万元/mu) and Beta Bio (0.2 万元/mu), each with
    /// a lease in production and a 2024 report (2,000,000 kWh); users econ (officer), boss
    /// (admin) and firm-a (Alpha Tech).
    func seedPerMuPark() async throws -> (Enterprise, Enterprise) {
        let a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        let b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        for (e, code, offset, taxPerMu) in [(a, "P-A", 0.0, 1.6), (b, "P-B", 0.01, 0.2)] {
            let (parcel, lease) = try await seedLease(e, code: code, offset: offset, state: .inProduction)
            let tax = Int64((taxPerMu * parcel.computedAreaMu * 10_000).rounded())
            _ = try await ReportRepository(db: app.db).submit(
                leaseID: lease.id!, report: PerformanceReport(year: 2024, productionStartDate: LocalDate(iso: "2017-01-01"),
                                                              taxPaidYuan: tax, electricityKWh: 2_000_000),
                reason: "", by: system)
        }
        try await seedUser("econ", role: .officer, department: "econ")
        try await seedUser("boss", role: .admin)
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        return (a, b)
    }
}
