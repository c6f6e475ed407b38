import Foundation
import ParkDomain
import ParkServer
import ParkStore
import SQLKit
import XCTVapor

/// Where the server tests run: PostgreSQL when `DATABASE_URL` is set (CI), else SQLite in memory.
enum TestDatabase {
    static var target: DatabaseTarget {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { return .postgres(url) }
        return .sqliteMemory
    }

    /// 2025-06-01 08:00 in Shanghai.
    static let now = Date(timeIntervalSince1970: 1_748_736_000)

    /// Empties the PostgreSQL schema so the next app starts from nothing (tests run one at a time).
    static func resetIfPostgres() async throws {
        guard target.isPostgres else { return }
        var logger = Logger(label: "parkos.test")
        logger.logLevel = .warning
        let store = try StoreRuntime(target, logger: logger)
        do {
            let sql = try XCTUnwrap(store.db as? any SQLDatabase)
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}

/// A test case with its own application on an empty, migrated database.
class ServerTestCase: XCTestCase {
    var app: Application!
    static let password = "correct-horse-1"
    let system = Principal.system("test")

    override func setUp() async throws {
        try await super.setUp()
        try await TestDatabase.resetIfPostgres()
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await ParkApp.configure(app, options: options())
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        self.app = app
    }

    /// The server's settings; a test case overrides this to try others (trusted proxies, tokens).
    func options() -> ServerOptions {
        ServerOptions(database: TestDatabase.target, clock: .fixed(TestDatabase.now), bcryptCost: 4)
    }

    override func tearDown() async throws {
        try await app?.asyncShutdown()
        app = nil
        try await super.tearDown()
    }

    // MARK: seeding

    static func code(_ n: Int) -> CreditCode {
        CreditCode.make(region: "320594", organisationBody: String(format: "MA1%05d", n))!
    }

    @discardableResult
    func seedEnterprise(_ n: Int, zh: String, en: String, clusters: [String] = [], ownership: Ownership = .domestic,
                        country: String = "CN", employees: Int? = nil) async throws -> Enterprise {
        let e = Enterprise(creditCode: Self.code(n), nameZh: zh, nameEn: en, industryCode: "27", clusters: clusters,
                           ownership: ownership, originCountry: country, employees: employees, address: "星湖街 \(n) 号")
        return try await app.park.enterprises.create(e, by: system, catalog: try await app.park.reference.catalog())
    }

    @discardableResult
    func seedUser(_ username: String, role: Role, department: String? = nil, enterprise: UUID? = nil) async throws -> UserAccount {
        try await app.park.accounts.create(.init(username: username, displayName: username, password: Self.password, role: role,
                                                 departmentCode: department, enterpriseID: enterprise), by: system)
    }

    /// A parcel (a ~100 m square near SIP) and a contracted lease of it for `enterprise`.
    /// Taken on to `state` (under_construction, in_production) when given.
    func seedLease(_ enterprise: Enterprise, code: String, offset: Double, state: LeaseState = .contracted) async throws -> (Parcel, Lease) {
        let lon = 120.70 + offset, lat = 31.30, d = 0.001
        let ring = [GeoPoint(longitude: lon, latitude: lat), GeoPoint(longitude: lon + d, latitude: lat),
                    GeoPoint(longitude: lon + d, latitude: lat + d), GeoPoint(longitude: lon, latitude: lat + d),
                    GeoPoint(longitude: lon, latitude: lat)]
        var parcel = Parcel(code: code, subArea: "湖东", landUse: "industrial", declaredAreaM2: 1, boundary: ring)
        parcel.declaredAreaM2 = parcel.computedAreaM2
        parcel = try await ParcelRepository(db: app.db).createAll([parcel], by: system)[0]
        let leases = LeaseRepository(db: app.db)
        let auction = AuctionRecord(date: LocalDate(iso: "2016-03-01")!, reservePriceYuan: 1_000_000, winningBidYuan: 1_200_000,
                                    depositYuan: 200_000, winnerEnterpriseID: enterprise.id!)
        var lease = try await leases.recordAuction(parcelID: parcel.id!, auction: auction, by: system)
        lease = try await leases.confirm(lease.id!, on: LocalDate(iso: "2016-03-02")!, by: system)
        lease = try await leases.signContract(lease.id!, contract: GrantContract(signedOn: LocalDate(iso: "2016-03-10")!,
                                              startDate: LocalDate(iso: "2016-04-01")!, priceYuan: 1_200_000),
                                              commitments: [Commitment(kind: .taxPerMu, target: 100_000, mandatory: true, weight: 100)], by: system)
        for next in [LeaseState.underConstruction, .inProduction] where lease.state != state {
            lease = try await leases.advance(lease.id!, to: next, by: system)
        }
        return (parcel, lease)
    }

    // MARK: HTTP

    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil,
              body: ByteBuffer? = nil, headers: HTTPHeaders = [:],
              file: StaticString = #filePath, line: UInt = #line) async throws -> XCTHTTPResponse {
        var h = headers
        if let token { h.bearerAuthorization = .init(token: token) }
        var payload = body
        if let json {
            h.contentType = .json
            payload = ByteBuffer(string: json)
        }
        return try await app.testable().sendRequest(method, path, headers: h, body: payload, file: file, line: line)
    }

    func token(_ username: String, password: String = ServerTestCase.password) async throws -> String {
        let res = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(TokenJSON.self).token
    }

    func problem(_ res: XCTHTTPResponse, file: StaticString = #filePath, line: UInt = #line) throws -> ProblemJSON {
        XCTAssertEqual(res.headers.contentType?.subType, "json", "problem bodies are JSON", file: file, line: line)
        return try JSONDecoder().decode(ProblemJSON.self, from: Data(res.body.readableBytesView))
    }

    func decode<T: Decodable>(_ type: T.Type, _ res: XCTHTTPResponse) throws -> T {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return try d.decode(type, from: Data(res.body.readableBytesView))
    }

    /// The JSON body the API takes for an enterprise.
    static func enterpriseJSON(_ n: Int, zh: String, en: String, extra: String = "") -> String {
        #"{"credit_code":"\#(code(n).value)","name_zh":"\#(zh)","name_en":"\#(en)","industry_code":"C27"\#(extra)}"#
    }
}

struct ProblemJSON: Decodable, Equatable {
    var code: String
    var message: String
    var field: String?
}

struct TokenJSON: Decodable { var token: String }

struct UserJSON: Decodable { var id: String; var username: String; var role: String; var disabled: Bool }

struct EnterpriseJSON: Decodable {
    var id: String
    var creditCode: String
    var nameZh: String
    var nameEn: String
    var industryCode: String
    var industrySection: String
    var clusters: [String]?
    var ownership: String?
    var originCountry: String?
    var employees: Int?
    var address: String?
}

struct PageJSON: Decodable {
    var items: [EnterpriseJSON]
    var total: Int
    var page: Int
    var perPage: Int
}

struct ImportReportJSON: Decodable {
    struct RowError: Decodable { var row: Int; var column: String?; var code: String; var message: String }
    var rows: Int
    var imported: Int
    var dryRun: Bool
    var encoding: String
    var errors: [RowError]
}
