import FluentKit
import Foundation
import ParkDomain
import ParkStore
import XCTest

/// A clock the test moves forward (dates in Shanghai, 10:00).
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ day: String) { date = MovingClock.instant(day) }
    static func instant(_ day: String) -> Date {
        let d = LocalDate(iso: day)!
        // 10:00 in Shanghai is 02:00 UTC.
        return Date(timeIntervalSince1970: Double(d.dayNumber - LocalDate(iso: "1970-01-01")!.dayNumber) * 86400 + 2 * 3600)
    }
    func set(_ day: String) { lock.lock(); date = Self.instant(day); lock.unlock() }
    func advance(seconds: Double) { lock.lock(); date = date.addingTimeInterval(seconds); lock.unlock() }
    var now: Date { lock.lock(); defer { lock.unlock() }; return date }
    var park: ParkClock { ParkClock { [self] in self.now } }
}

/// A park with a firm, its user, and officers of customs (staff and head), health, market,
/// service (the dispatcher) and leadership.
class ServiceStoreTestCase: StoreTestCase {
    var moving = MovingClock("2026-02-11")
    var desk: ServiceDesk { ServiceDesk(db: db, clock: moving.park) }
    var repo: ServiceRepository { ServiceRepository(db: db, clock: moving.park) }
    var firm: Enterprise!, other: Enterprise!
    var firmUser: Principal!, otherUser: Principal!
    var customs: Principal!, customsHead: Principal!, health: Principal!, healthHead: Principal!, market: Principal!
    var dispatcher: Principal!, leader: Principal!

    /// Called before the people are seeded; a test case may swap the store here.
    func prepareStore() async throws {}

    override func setUp() async throws {
        try await super.setUp()
        try await prepareStore()
        firm = try await register(enterprise(1, zh: "罗氏诊断（苏州）有限公司", en: "Roche Diagnostics Suzhou", industry: "27"))
        other = try await register(enterprise(2, zh: "乙生物有限公司", en: "Beta Bio"))
        func user(_ name: String, _ role: Role, dept: String? = nil, ent: UUID? = nil, position: Position = .staff) async throws -> Principal {
            Principal(try await accounts.create(.init(username: name, displayName: name, password: "parkos-test-1", role: role,
                                                      departmentCode: dept, enterpriseID: ent, position: position), by: admin))
        }
        firmUser = try await user("firm", .enterprise, ent: firm.id)
        otherUser = try await user("other", .enterprise, ent: other.id)
        customs = try await user("customs", .officer, dept: "customs")
        customsHead = try await user("customs-head", .officer, dept: "customs", position: .head)
        health = try await user("health", .officer, dept: "health")
        healthHead = try await user("health-head", .officer, dept: "health", position: .head)
        market = try await user("market", .officer, dept: "market")
        dispatcher = try await user("dispatch", .officer, dept: "service")
        leader = try await user("leader", .officer, dept: "econ", position: .leader)
    }

    func serumDraft(_ title: String = "进口牛血清白蛋白用于生产 Import of bovine serum albumin for production") -> RequestDraft {
        RequestDraft(enterpriseID: firm.id!, categoryCode: "special_bio_items", title: title,
                     description: "生产诊断试剂需进口牛血清白蛋白，现行规定无适用通关路径。We need bovine serum albumin for diagnostics production; no clearance route exists.",
                     urgency: .critical, contactName: "张经理", contactPhone: "0512-6666 8888")
    }

    func inbox(_ p: Principal) async throws -> [InboxItem] {
        try await ServiceInbox(db: db, clock: moving.park).items(p.userID!, page: try PageRequest(page: 1, perPage: 100)).items
    }
}
