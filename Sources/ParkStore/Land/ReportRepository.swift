import FluentKit
import Foundation
import ParkDomain

/// Yearly performance reports. A correction never overwrites: it adds a version with its
/// reason; the newest version of each year is in force.
public struct ReportRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "performance_report"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public struct Version: Sendable {
        public var report: PerformanceReport
        public var version: Int
        public var reason: String
        public var createdBy: String
        public var createdAt: Date
    }

    /// Every version of every year, oldest first.
    public func history(leaseID: UUID) async throws -> [Version] {
        try await ReportModel.query(on: db).filter(\.$leaseID == leaseID).sort(\.$year).sort(\.$version).all().map { m in
            Version(report: m.toDomain(), version: m.version, reason: m.reason, createdBy: m.createdBy,
                    createdAt: Date(timeIntervalSince1970: Double(m.createdAtMillis) / 1000))
        }
    }

    /// The report in force for each year, by year.
    public func current(leaseID: UUID) async throws -> [PerformanceReport] {
        var byYear: [Int: PerformanceReport] = [:]
        for v in try await history(leaseID: leaseID) { byYear[v.report.year] = v.report }
        return byYear.keys.sorted().map { byYear[$0]! }
    }

    /// Files a report (or a correction of one). Enterprise users file for their own leases only
    /// (as self-reported, unverified); staff may file imports and verify.
    public func submit(leaseID: UUID, report: PerformanceReport, reason: String, by principal: Principal) async throws -> Version {
        guard let lease = try await LeaseModel.find(leaseID, on: db)?.toDomain(), principal.canRead(enterprise: lease.enterpriseID) else {
            throw DomainError.notFound("lease", id: leaseID.uuidString)
        }
        var filed = report
        if !principal.isStaff { filed.source = .selfReported; filed.verification = .unverified }
        try Self.validate(filed, today: LocalDate(clock.now()))
        let report = filed
        if reason.count > 500 { throw DomainError.tooLong("reason", max: 500) }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let previous = try await ReportModel.query(on: tx).filter(\.$leaseID == leaseID).filter(\.$year == report.year)
                .sort(\.$version, .descending).first()
            if previous != nil && reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DomainError(code: "reason_required", field: "reason",
                                  en: "a correction of the \(report.year) report needs a reason",
                                  zh: "更正 \(report.year) 年度报告须说明原因")
            }
            let m = ReportModel()
            m.id = UUID(); m.leaseID = leaseID; m.year = report.year; m.version = (previous?.version ?? 0) + 1
            m.apply(report); m.reason = reason; m.createdBy = principal.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            let before = previous?.toDomain()
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: previous == nil ? "report" : "correct",
                                                            entityType: Self.entityType, entityID: "\(leaseID.uuidString)/\(report.year)",
                                                            before: before, after: report)
            try await LeaseAlertFactsStore.refresh([leaseID], on: tx, today: LocalDate(clock.now()))
            return Version(report: report, version: m.version, reason: reason, createdBy: principal.name,
                           createdAt: Date(timeIntervalSince1970: Double(m.createdAtMillis) / 1000))
        }
    }

    static func validate(_ r: PerformanceReport, today: LocalDate) throws(DomainError) {
        if r.year < 1990 || r.year > today.year {
            throw DomainError(code: "out_of_range", field: "year", en: "year must be between 1990 and \(today.year)",
                              zh: "年度须在 1990 至 \(today.year) 之间")
        }
        let money: [(String, Int64)] = [("investment_to_date_yuan", r.investmentToDateYuan), ("tax_paid_yuan", r.taxPaidYuan),
                                        ("revenue_yuan", r.revenueYuan), ("value_added_yuan", r.valueAddedYuan),
                                        ("rd_spend_yuan", r.rdSpendYuan)]
        for (field, v) in money { try Bounds.yuan(v, field: field) }
        let amounts: [(String, Double)] = [("energy_tonnes_coal", r.energyTonnesCoal), ("electricity_kwh", r.electricityKWh),
                                           ("emissions_tonnes", r.emissionsTonnes)]
        for (field, v) in amounts { try Bounds.quantity(v, field: field) }
        for (key, v) in r.custom where !v.isFinite || abs(v) > Bounds.maxQuantity {
            throw Bounds.outOfRange("custom.\(key)", -Bounds.maxQuantity...Bounds.maxQuantity)
        }
        try Bounds.count(r.averageEmployees, field: "average_employees")
        // Both are at most 10^15 here, so ten times revenue cannot overflow.
        if r.rdSpendYuan > 0 && r.revenueYuan > 0 && r.rdSpendYuan > r.revenueYuan * 10 {
            throw DomainError(code: "implausible", field: "rd_spend_yuan", en: "R&D spend is more than ten times revenue; check the units (yuan)",
                              zh: "研发投入超过营业收入的十倍，请检查单位（元）")
        }
        if let p = r.productionStartDate, p > today {
            throw DomainError(code: "future_date", field: "production_start_date", en: "production start date \(p) is in the future",
                              zh: "投产日期 \(p) 晚于今天")
        }
    }
}
