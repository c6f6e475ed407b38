import FluentKit
import Foundation
import Logging
import ParkDomain
import ParkStore
import SQLKit
import XCTest

/// Where the store tests run: PostgreSQL when `DATABASE_URL` is set (CI), else SQLite in memory.
/// On PostgreSQL every test starts from an empty schema (tests run one after another).
enum TestDatabase {
    static var target: DatabaseTarget {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { return .postgres(url) }
        return .sqliteMemory
    }

    /// 2025-06-01 08:00 in Shanghai: tests pin the date.
    static let now = Date(timeIntervalSince1970: 1_748_736_000)
    static let clock = ParkClock.fixed(now)

    static var quietLogger: Logger {
        var l = Logger(label: "parkos.test")
        l.logLevel = .warning
        return l
    }

    /// A fresh, empty store; migrated unless told otherwise.
    static func makeStore(migrate: Bool = true) async throws -> StoreRuntime {
        let store = try StoreRuntime(target, logger: quietLogger)
        do {
            if target.isPostgres { try await resetSchema(store.db) }
            if migrate { try await store.migrate() }
        } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    /// Drops everything in the public schema (PostgreSQL only).
    static func resetSchema(_ db: any Database) async throws {
        let sql = try XCTUnwrap(db as? any SQLDatabase)
        try await sql.raw("DROP SCHEMA public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }
}

/// A test case with its own empty, migrated database.
class StoreTestCase: XCTestCase {
    var store: StoreRuntime!
    var db: any Database { store.db }
    var sql: any SQLDatabase { store.db as! any SQLDatabase }
    let clock = TestDatabase.clock
    let admin = Principal.system("test-admin")
    let officer = Principal(userID: UUID(), name: "officer", role: .officer)

    override func setUp() async throws {
        try await super.setUp()
        store = try await TestDatabase.makeStore()
    }

    override func tearDown() async throws {
        await store?.shutdown()
        store = nil
        try await super.tearDown()
    }

    var enterprises: EnterpriseRepository { EnterpriseRepository(db: db, clock: clock) }
    var accounts: AccountRepository { AccountRepository(db: db, clock: clock, bcryptCost: 4) }
    var audit: AuditLog { AuditLog(db: db, clock: clock) }

    func catalog() async throws -> ReferenceCatalog { try await ReferenceRepository(db: db).catalog() }

    /// A valid credit code whose organisation body is MA1nnnnn.
    static func code(_ n: Int) -> CreditCode {
        CreditCode.make(region: "320594", organisationBody: String(format: "MA1%05d", n))!
    }

    func enterprise(_ n: Int, zh: String, en: String, industry: String = "27", clusters: [String] = [],
                    ownership: Ownership = .domestic, country: String = "CN", fortune500: String? = nil,
                    rd: Bool = false, hq: Bool = false, above: Bool = false, employees: Int? = nil) -> Enterprise {
        Enterprise(creditCode: Self.code(n), nameZh: zh, nameEn: en, industryCode: industry, clusters: clusters,
                   ownership: ownership, originCountry: country, fortune500Parent: fortune500,
                   regionalHeadquarters: hq, rdCentre: rd, aboveDesignatedSize: above, employees: employees,
                   foundedOn: LocalDate(year: 2010 + n, month: 3, day: 1), address: "苏州工业园区星湖街 \(n) 号")
    }

    @discardableResult
    func register(_ e: Enterprise) async throws -> Enterprise {
        try await enterprises.create(e, by: admin, catalog: try await catalog())
    }

    func auditCount() async throws -> Int { try await audit.recent(limit: 100_000).count }

    /// Asserts that `body` throws a `DomainError` and returns it.
    func domainError(_ body: () async throws -> Void, file: StaticString = #filePath, line: UInt = #line) async -> DomainError? {
        do {
            try await body()
            XCTFail("expected a DomainError, nothing was thrown", file: file, line: line)
        } catch let e as DomainError {
            return e
        } catch {
            XCTFail("expected a DomainError, got \(String(reflecting: error))", file: file, line: line)
        }
        return nil
    }
}
