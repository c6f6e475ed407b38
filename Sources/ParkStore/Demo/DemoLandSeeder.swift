import FluentKit
import Foundation
import ParkDomain

/// Adds the demo park's land: parcels, leases in every state, ten years of reports, and the
/// assessments of leases that have been assessed or decided. Each parcel and lease gets an
/// audit entry ("seed"); the generated yearly reports are bulk-loaded as version 1.
struct DemoLandSeeder: Sendable {
    let db: any Database
    let clock: ParkClock

    func seed(seed: UInt64, scale: DemoScale, enterprises: [Enterprise], progress: (@Sendable (String) -> Void)?) async throws -> Int {
        let land = DemoLand.generate(seed: seed, scale: scale, enterpriseCount: enterprises.count, today: LocalDate(clock.now()))
        return try await self.seed(land, enterprises: enterprises, progress: progress)
    }

    /// Stores `land` (generated for `enterprises`, by index).
    func seed(_ land: DemoLand, enterprises: [Enterprise], progress: (@Sendable (String) -> Void)?) async throws -> Int {
        let today = LocalDate(clock.now())
        let system = Principal.system("demo")
        let parcels = try await ParcelRepository(db: db, clock: clock).createAll(land.parcels, by: system)
        progress?("registered \(parcels.count) parcels")
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            let audit = AuditLog(db: tx, clock: clock)
            let ruleset = try await RulesetRepository(db: tx).active()
            // 200 leases at a time: their rows, reports and assessments one statement each
            // (500 rows at most), their audit entries in one append.
            for from in stride(from: 0, to: land.leases.count, by: 200) {
                let batch = land.leases[from ..< min(from + 200, land.leases.count)]
                var leases: [LeaseModel] = [], reports: [ReportModel] = [], assessments: [AssessmentModel] = []
                var alertFacts: [LeaseAlertFactModel] = []
                var records: [AuditLog.Record] = []
                for demo in batch {
                    var lease = demo.lease
                    lease.id = UUID()
                    lease.parcelID = parcels[demo.parcelIndex].id!
                    lease.enterpriseID = enterprises[demo.enterpriseIndex].id!
                    lease.auction.winnerEnterpriseID = lease.enterpriseID
                    let m = LeaseModel()
                    m.id = lease.id; m.apply(lease); m.updatedAtMillis = clock.millis
                    leases.append(m)
                    records.append(.init(action: "seed", entityType: LeaseRepository.entityType, entityID: lease.id!.uuidString,
                                         before: Lease?.none, after: lease))
                    reports += demo.reports.map { r -> ReportModel in
                        let rm = ReportModel()
                        rm.id = UUID(); rm.leaseID = lease.id!; rm.version = 1
                        rm.apply(r); rm.reason = ""; rm.createdBy = "demo"; rm.createdAtMillis = clock.millis
                        return rm
                    }
                    let parcel = parcels[demo.parcelIndex]
                    if let row = try LeaseAlertFactsStore.row(lease, parcel: parcel, reports: demo.reports.sorted { $0.year < $1.year },
                                                              today: today, ruleset: ruleset) { alertFacts.append(row) }
                    if [.assessed, .extended, .reclaimed].contains(lease.state), let contract = lease.contract {
                        let asOf = min(contract.assessmentWindowOpens(months: 6), today)
                        let proposal = AssessmentEngine.assess(commitments: lease.commitments, reports: demo.reports,
                                                               areaMu: parcels[demo.parcelIndex].computedAreaMu, asOf: asOf,
                                                               ruleset: .standard, firstTermYears: contract.firstTermYears,
                                                               maxTotalYears: contract.maxTotalYears)
                        let a = AssessmentModel()
                        a.id = UUID(); a.leaseID = lease.id!; a.asOf = asOf.iso; a.proposal = LandJSON.encode(proposal)
                        a.decision = demo.decision.map { LandJSON.encode($0) }; a.createdAtMillis = clock.millis
                        assessments.append(a)
                    }
                }
                try await BulkInsert.insert(leases, on: tx)
                try await audit.appendAll(by: system, records)
                try await BulkInsert.insert(reports, on: tx)
                try await BulkInsert.insert(assessments, on: tx)
                try await BulkInsert.insert(alertFacts, on: tx)
                progress?("registered \(from + batch.count)/\(land.leases.count) leases")
            }
        }
        progress?("registered \(land.leases.count) leases")
        return land.leases.count
    }
}
