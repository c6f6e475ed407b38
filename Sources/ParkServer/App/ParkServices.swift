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
    /// Proxies whose `X-Forwarded-For` is believed (`PARKOS_TRUSTED_PROXIES`).
    public var trustedProxies: TrustedProxies
    /// Bearer token `/metrics` asks for (`PARKOS_METRICS_TOKEN`); nil: /metrics answers only
    /// requests from loopback that came through no proxy.
    public var metricsToken: String?
    /// Origins allowed to call the API from a browser (`PARKOS_CORS_ORIGINS`); empty: CORS off.
    public var corsOrigins: [String]
    /// How failed sign-ins are slowed down.
    public var signInThrottle: SignInThrottle

    public init(database: DatabaseTarget, clock: ParkClock = .system, bcryptCost: Int = 12, secureCookies: Bool = false,
                trustedProxies: TrustedProxies = TrustedProxies(), metricsToken: String? = nil, corsOrigins: [String] = [],
                signInThrottle: SignInThrottle = SignInThrottle()) {
        self.database = database; self.clock = clock; self.bcryptCost = bcryptCost; self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies; self.metricsToken = metricsToken; self.corsOrigins = corsOrigins
        self.signInThrottle = signInThrottle
    }

    /// Settings read from the environment: `PARKOS_SECURE_COOKIES=1`, `PARKOS_TRUSTED_PROXIES`
    /// (addresses or CIDR blocks, comma-separated), `PARKOS_METRICS_TOKEN`, `PARKOS_CORS_ORIGINS`.
    public static func fromEnvironment(database: DatabaseTarget, _ env: [String: String] = ProcessInfo.processInfo.environment) throws(DomainError) -> ServerOptions {
        func list(_ name: String) -> [String] {
            (env[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let token = env["PARKOS_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let token, token.count < 16 {
            throw DomainError(code: "too_short", field: "PARKOS_METRICS_TOKEN", en: "PARKOS_METRICS_TOKEN must have at least 16 characters",
                              zh: "PARKOS_METRICS_TOKEN 至少 16 个字符")
        }
        return ServerOptions(database: database, secureCookies: env["PARKOS_SECURE_COOKIES"] == "1",
                             trustedProxies: try TrustedProxies(list("PARKOS_TRUSTED_PROXIES")), metricsToken: token,
                             corsOrigins: list("PARKOS_CORS_ORIGINS"))
    }
}

/// The services a request reaches through `request.park`: repositories bound to the
/// request's database, the clock, metrics.
public struct ParkServices: Sendable {
    public let options: ServerOptions
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
    public var loginThrottle: LoginThrottleRepository {
        LoginThrottleRepository(db: db, clock: clock, policy: services.options.signInThrottle)
    }
    public var today: LocalDate { LocalDate(clock.now()) }
}

extension Request {
    var park: ParkRepositories { ParkRepositories(db: db, services: application.parkServices) }
}

extension Application {
    public var park: ParkRepositories { ParkRepositories(db: db, services: parkServices) }
}
