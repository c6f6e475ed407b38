import FluentKit
import Foundation
import ParkDomain

/// The land bureau's due list: every live lease with its alerts as of a date.
public struct LeaseAlertsQuery: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    public struct Row: Sendable {
        public var lease: Lease
        public var parcel: Parcel
        public var enterpriseName: Bilingual
        public var alerts: [LeaseAlert]
    }

    /// Leases with at least one alert, soonest first-term end first. `enterpriseID` limits the
    /// list to one enterprise (its portal).
    public func run(today: LocalDate, withinMonths: Int = 12, enterpriseID: UUID? = nil,
                    ruleset: AssessmentRuleset? = nil) async throws -> [Row] {
        var rules = AssessmentRuleset.standard
        if let ruleset { rules = ruleset } else { rules = try await RulesetRepository(db: db).active() }
        let live: [LeaseState] = [.contracted, .underConstruction, .inProduction, .assessmentDue, .extended]
        let snapshot = try await LandSnapshot.load(db, states: live, enterpriseID: enterpriseID)
        var names: [UUID: Bilingual] = [:]
        let firms = Array(Set(snapshot.items.map(\.lease.enterpriseID)))
        for chunk in stride(from: 0, to: firms.count, by: 500) {
            for m in try await EnterpriseModel.query(on: db).filter(\.$id ~~ Array(firms[chunk ..< min(chunk + 500, firms.count)])).all() {
                names[m.id!] = Bilingual(zh: m.nameZh, en: m.nameEn.isEmpty ? m.nameZh : m.nameEn)
            }
        }
        let rows = snapshot.items.compactMap { item -> Row? in
            let alerts = LeaseAlerts.alerts(lease: item.lease, reports: item.reports, areaMu: item.parcel.computedAreaMu,
                                            today: today, withinMonths: withinMonths, ruleset: rules)
            guard !alerts.isEmpty else { return nil }
            return Row(lease: item.lease, parcel: item.parcel, enterpriseName: names[item.lease.enterpriseID] ?? Bilingual(zh: "", en: ""),
                       alerts: alerts)
        }
        return rows.sorted {
            ($0.lease.contract?.firstTermEnd ?? $0.lease.auction.date, $0.parcel.code) < ($1.lease.contract?.firstTermEnd ?? $1.lease.auction.date, $1.parcel.code)
        }
    }
}
