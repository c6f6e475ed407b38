import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Fills an empty database with the synthetic demo park and its demo accounts. A database
/// that already holds enterprises is reused as it is.
public struct DemoSeeder: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public let bcryptCost: Int

    public init(db: any Database, clock: ParkClock = .system, bcryptCost: Int = 10) {
        self.db = db; self.clock = clock; self.bcryptCost = bcryptCost
    }

    /// The demo logins (documented in the README; for the demo park only).
    public static let password = "parkos-demo"
    public struct Login: Sendable { public var username: String; public var role: Role; public var note: String }

    public struct Outcome: Sendable {
        public var created: Bool
        public var enterprises: Int
        public var logins: [Login]
    }

    public func seed(seed: UInt64, scale: DemoScale, progress: (@Sendable (String) -> Void)? = nil) async throws -> Outcome {
        let enterprises = EnterpriseRepository(db: db, clock: clock)
        let accounts = AccountRepository(db: db, clock: clock, bcryptCost: bcryptCost)
        let existing = try await enterprises.count()
        if existing > 0 {
            // A park from before land existed gets its land now.
            if try await ParcelRepository(db: db).count() == 0 {
                _ = try await DemoLandSeeder(db: db, clock: clock).seed(seed: seed, scale: scale, enterprises: try await enterprises.all(), progress: progress)
            }
            // …and a park from before the per-mu evaluation its schemes and enacted years.
            let perMu = DemoPerMuSeeder(db: db, clock: clock)
            if try await !perMu.seeded() { try await perMu.seed(progress: progress) }
            // …and one from before policies its supplied facts.
            if try await (db as? any SQLDatabase)?.raw("SELECT COUNT(*) AS n FROM enterprise_facts").first()?.decode(column: "n", as: Int.self) == 0 {
                try await DemoPolicySeeder(db: db, clock: clock).seed(seed: seed, enterprises: try await enterprises.all(), progress: progress)
            }
            return Outcome(created: false, enterprises: existing, logins: try await logins(accounts))
        }
        let system = Principal.system("demo")
        progress?("generating \(scale.rawValue) park (seed \(seed))")
        let today = LocalDate(clock.now())
        let drawn = DemoPark.generate(seed: seed, scale: scale, today: today)
        let land = DemoLand.generate(seed: seed, scale: scale, enterpriseCount: drawn.enterprises.count, today: today)
        let park = drawn.withEmployees(land.reportedEmployees())
        let created = try await enterprises.createAll(park.enterprises, by: system) { done, total in
            progress?("registered \(done)/\(total) enterprises")
        }
        let a = created[0], b = created[1]
        let users: [AccountRepository.NewUser] = [
            .init(username: "admin", displayName: "系统管理员", password: Self.password, role: .admin),
            .init(username: "land", displayName: "国土局 王芳", password: Self.password, role: .officer, departmentCode: "land"),
            .init(username: "econ", displayName: "经发委 李强", password: Self.password, role: .officer, departmentCode: "econ"),
            .init(username: "invest", displayName: "投促局 陈静", password: Self.password, role: .officer, departmentCode: "invest"),
            .init(username: "invest-head", displayName: "投促局局长 周伟", password: Self.password, role: .officer, departmentCode: "invest", position: .head),
            .init(username: "leader", displayName: "管委会副主任 刘洋", password: Self.password, role: .officer, departmentCode: "econ", position: .leader),
            // ── slot: demo accounts of Service (issue 12), Indicators (13), Outbound (14) ──
            .init(username: "customs", displayName: "海关 赵敏", password: Self.password, role: .officer, departmentCode: "customs"),
            .init(username: "customs-head", displayName: "海关处长 孙涛", password: Self.password, role: .officer, departmentCode: "customs", position: .head),
            .init(username: "health", displayName: "卫健委 钱丽", password: Self.password, role: .officer, departmentCode: "health"),
            .init(username: "health-head", displayName: "卫健委主任 吴刚", password: Self.password, role: .officer, departmentCode: "health", position: .head),
            .init(username: "market", displayName: "市场监管局 郑洁", password: Self.password, role: .officer, departmentCode: "market"),
            .init(username: "service", displayName: "企业服务中心 冯云（分派）", password: Self.password, role: .officer, departmentCode: "service"),

            .init(username: "firm-a", displayName: a.nameZh, password: Self.password, role: .enterprise, enterpriseID: a.id),
            .init(username: "firm-b", displayName: b.nameZh, password: Self.password, role: .enterprise, enterpriseID: b.id),
        ]
        for u in users { _ = try await accounts.create(u, by: system) }
        _ = try await DemoLandSeeder(db: db, clock: clock).seed(land, enterprises: created, progress: progress)
        try await DemoPerMuSeeder(db: db, clock: clock).seed(progress: progress)
        try await DemoPolicySeeder(db: db, clock: clock).seed(seed: seed, enterprises: created, progress: progress)
        // ── slot: Investment (issue 11) demo ──
        try await DemoInvestmentSeeder(db: db, clock: clock).seed(seed: seed, enterprises: created, progress: progress)
        try await DemoInfoReportSeeder(db: db, clock: clock).seed(enterprises: created, progress: progress)

        // ── slot: Service (issue 12) demo ──
        try await DemoServiceSeeder(db: db, clock: clock).seed(enterprises: Array(created.prefix(2000)), roche: a, count: scale == .small ? 400 : 1000,
                                                               seed: seed, progress: progress)

        // ── slot: Indicators (issue 13) demo ──
        try await DemoIndicatorSeeder(db: db, clock: clock).seed(progress: progress)

        // ── slot: Outbound (issue 14) demo ──
        try await DemoOutboundSeeder(db: db, clock: clock).seed(seed: seed, enterprises: created.map { $0.id! }, progress: progress)

        progress?("created \(users.count) demo accounts")
        return Outcome(created: true, enterprises: created.count, logins: try await logins(accounts))
    }

    func logins(_ accounts: AccountRepository) async throws -> [Login] {
        var out: [Login] = []
        for user in try await accounts.list() where !user.disabled {
            var note = user.departmentCode ?? ""
            if let eid = user.enterpriseID, let e = try await EnterpriseRepository(db: db).find(eid) { note = e.nameZh }
            out.append(Login(username: user.username, role: user.role, note: note))
        }
        return out
    }
}
