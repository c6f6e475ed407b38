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
            for (n, demo) in land.leases.enumerated() {
                var lease = demo.lease
                lease.id = UUID()
                lease.parcelID = parcels[demo.parcelIndex].id!
                lease.enterpriseID = enterprises[demo.enterpriseIndex].id!
                lease.auction.winnerEnterpriseID = lease.enterpriseID
                let m = LeaseModel()
                m.id = lease.id; m.apply(lease); m.updatedAtMillis = clock.millis
                try await m.create(on: tx)
                try await audit.append(by: system, action: "seed", entityType: LeaseRepository.entityType,
                                       entityID: lease.id!.uuidString, before: Lease?.none, after: lease)
                let rows = demo.reports.map { r -> ReportModel in
                    let rm = ReportModel()
                    rm.id = UUID(); rm.leaseID = lease.id!; rm.version = 1
                    rm.apply(r); rm.reason = ""; rm.createdBy = "demo"; rm.createdAtMillis = clock.millis
                    return rm
                }
                if !rows.isEmpty { try await rows.create(on: tx) }
                if [.assessed, .extended, .reclaimed].contains(lease.state), let contract = lease.contract {
                    let asOf = min(contract.assessmentWindowOpens(months: 6), today)
                    let proposal = AssessmentEngine.assess(commitments: lease.commitments, reports: demo.reports,
                                                           areaMu: parcels[demo.parcelIndex].computedAreaMu, asOf: asOf,
                                                           ruleset: .standard, firstTermYears: contract.firstTermYears,
                                                           maxTotalYears: contract.maxTotalYears)
                    let a = AssessmentModel()
                    a.id = UUID(); a.leaseID = lease.id!; a.asOf = asOf.iso; a.proposal = LandJSON.encode(proposal)
                    a.decision = demo.decision.map { LandJSON.encode($0) }; a.createdAtMillis = clock.millis
                    try await a.create(on: tx)
                }
                if (n + 1) % 200 == 0 { progress?("registered \(n + 1)/\(land.leases.count) leases") }
            }
            try await LeaseAlertFactsStore.refreshAll(on: tx, today: today)
        }
        progress?("registered \(land.leases.count) leases")
        return land.leases.count
    }
}
