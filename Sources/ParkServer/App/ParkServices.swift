import Fluent
import FluentKit
import ParkDomain
import ParkStore
import Vapor

/// Settings of one running server.
public struct ServerOptions: Sendable {
    public var database: DatabaseTarget
    public var clock: ParkClock
    public var bcryptCost: Int
    /// Mark cookies `Secure` (set when served behind HTTPS).
    public var secureCookies: Bool

    public init(database: DatabaseTarget, clock: ParkClock = .system, bcryptCost: Int = 12, secureCookies: Bool = false) {
        self.database = database; self.clock = clock; self.bcryptCost = bcryptCost; self.secureCookies = secureCookies
    }
}

/// The services a request reaches through `request.park`: repositories bound to the
/// request's database, the clock, the login throttle, metrics.
public struct ParkServices: Sendable {
    public let options: ServerOptions
    public let throttle: LoginThrottle
    public let metrics: ParkMetrics
}

struct ParkServicesKey: StorageKey { typealias Value = ParkServices }

extension Application {
    public var parkServices: ParkServices {
        get { storage[ParkServicesKey.self]! }
        set { storage[ParkServicesKey.self] = newValue }
    }
}

/// Repositories for one request (or the app), on one database handle.
public struct ParkRepositories: Sendable {
    public let db: any Database
    public let services: ParkServices

    public var clock: ParkClock { services.options.clock }
    public var enterprises: EnterpriseRepository { EnterpriseRepository(db: db, clock: clock) }
    public var accounts: AccountRepository { AccountRepository(db: db, clock: clock, bcryptCost: services.options.bcryptCost) }
    public var reference: ReferenceRepository { ReferenceRepository(db: db, clock: clock) }
    public var audit: AuditLog { AuditLog(db: db, clock: clock) }
    public var today: LocalDate { LocalDate(clock.now()) }
}

extension Request {
    var park: ParkRepositories { ParkRepositories(db: db, services: application.parkServices) }
}

extension Application {
    public var park: ParkRepositories { ParkRepositories(db: db, services: parkServices) }
}
