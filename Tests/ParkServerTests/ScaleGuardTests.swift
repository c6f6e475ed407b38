import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The scale rule as a test (issue 16): on a seeded demo park, every console page an
/// administrator, an officer and an enterprise user can reach by following links, and every API
/// list, is requested while the database drivers' query log is read. A request fails when it
/// sends more than `maxQueries` statements (an N+1 loop) or reads a table that grows with the park
/// without a LIMIT, an aggregate or a key (`ScaleRule`), and a console page fails above 200 KB.
/// Pages are found by following links, so a new module's pages are walked without editing this.
final class ScaleGuardTests: ServerTestCase {
    /// At most this many SQL statements for one request (session lookup included).
    static let maxQueries = 40
    static let maxPageBytes = 200 * 1024

    /// Reads that broke the rule when this guard was written, by route and table, each to be fixed
    /// (issue 16) and removed from here; a route or table not listed here fails at once.
    /// Requests that must read growing tables whole, each with the reason. The per-mu what-if
    /// re-evaluates every land-holding enterprise under two schemes (a park-wide computation
    /// like a run, measured by permu-db-bench), so it reads the year's results of the year before.
    static let knownViolations: [String: String] = [
        "GET permu/compare permu_results": "the what-if: last year's grades of every unit",
        "GET permu/compare permu_merged": "the what-if: every merged unit of last year",
    ]

    let queries = QueryLog()
    var firmA: UserAccount!

    override func setUp() async throws {
        try await super.setUp()
        app.middleware.use(QueryLog.Middleware(log: queries), at: .beginning)
        _ = try await DemoSeeder(db: app.db, clock: .fixed(TestDatabase.now), bcryptCost: 4).seed(seed: 7, scale: .small)
        firmA = try await app.park.accounts.find(username: "firm-a")
    }

    struct Finding: CustomStringConvertible {
        var who: String, path: String, problem: String
        var description: String { "\(who) GET \(path): \(problem)" }
    }

    /// Checks what one request sent to the database and how large the answer was.
    func judge(_ who: String, _ path: String, _ res: XCTHTTPResponse, html: Bool) -> [Finding] {
        let sent = queries.take()
        var out: [Finding] = []
        if res.status.code >= 500 { out.append(Finding(who: who, path: path, problem: "status \(res.status.code)")) }
        if sent.count > Self.maxQueries {
            out.append(Finding(who: who, path: path, problem: "\(sent.count) SQL statements (at most \(Self.maxQueries))"))
        }
        let route = pattern(path) ?? path
        for sql in sent {
            guard let why = ScaleRule.violation(sql) else { continue }
            let tables = ScaleRule.tables(sql).filter { ScaleRule.smallTables[$0] == nil }
            if tables.allSatisfy({ Self.knownViolations["\(route) \($0)"] != nil }) { continue }
            out.append(Finding(who: who, path: path, problem: "\(why): \(sql.prefix(300))"))
        }
        if html && res.body.readableBytes > Self.maxPageBytes {
            out.append(Finding(who: who, path: path, problem: "\(res.body.readableBytes / 1024) KB of HTML (at most 200 KB)"))
        }
        return out
    }

    /// The registered route a path answers to, as "GET a/:id/b" (query strings ignored).
    func pattern(_ path: String) -> String? {
        let parts = (path.split(separator: "?").first ?? "").split(separator: "/").map(String.init)
        let candidates = app.routes.all.filter { $0.method == .GET && $0.path.count == parts.count }
        func matches(_ r: Route) -> Bool {
            zip(r.path, parts).allSatisfy { c, p in
                if case .constant(let k) = c { return k == p }
                return true
            }
        }
        // A constant segment beats a parameter (/enterprises/new before /enterprises/:id).
        let ranked = candidates.filter(matches).sorted { a, b in
            a.path.filter { if case .constant = $0 { true } else { false } }.count
                > b.path.filter { if case .constant = $0 { true } else { false } }.count
        }
        return ranked.first.map { "GET " + $0.path.string }
    }

    static let linkPattern = try! NSRegularExpression(pattern: ##"href="(/[^"#]*)"##)

    func links(_ html: String) -> [String] {
        Self.linkPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { m in
            Range(m.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }.filter { !$0.hasPrefix("//") && !$0.hasPrefix("/assets/") && !$0.hasPrefix("/logout") && !$0.contains("lang=") }
    }

    /// Follows links from the home page as `who`, at most `perPattern` URLs of each route.
    func crawl(_ who: String, session: String, perPattern: Int = 2, budget: Int = 400) async throws -> (findings: [Finding], patterns: Set<String>) {
        var queue = ["/"], seen: Set<String> = [], perRoute: [String: Int] = [:], findings: [Finding] = []
        var visited = 0
        _ = queries.take()
        while !queue.isEmpty && visited < budget {
            let path = queue.removeFirst()
            guard !seen.contains(path), let route = pattern(path), perRoute[route, default: 0] < perPattern else { continue }
            seen.insert(path); perRoute[route, default: 0] += 1; visited += 1
            let res = try await send(.GET, path, headers: htmlHeaders(session: session))
            let isHTML = res.headers.contentType?.subType == "html"
            findings += judge(who, path, res, html: isHTML)
            if isHTML { queue += links(res.body.string).filter { !seen.contains($0) } }
        }
        return (findings, Set(perRoute.keys))
    }

    /// Every GET route of the API without path parameters, and the enterprise-scoped ones with
    /// the enterprise user's own enterprise.
    func apiLists(_ who: String, token: String, enterpriseID: UUID) async throws -> [Finding] {
        var findings: [Finding] = []
        _ = queries.take()
        for route in app.routes.all where route.method == .GET && route.path.first == .constant("api") {
            let parts = route.path.map { c -> String? in
                switch c {
                case .constant(let k): k
                case .parameter("id") where route.path.string.hasPrefix("api/v1/enterprises/:id"): enterpriseID.uuidString
                default: nil
                }
            }
            guard parts.allSatisfy({ $0 != nil }) else { continue }
            let path = "/" + parts.map { $0! }.joined(separator: "/")
            if path.hasSuffix("/auth/logout") { continue }
            let res = try await send(.GET, path, token: token)
            findings += judge(who, path, res, html: false)
        }
        return findings
    }

    func testNoPageOrListReadsAGrowingTableWholeOrLoopsOverIt() async throws {
        // given the demo park, signed in three ways
        var findings: [Finding] = [], patterns: Set<String> = []
        for who in ["admin", "econ", "firm-a"] {
            let session = try await login(who, password: DemoSeeder.password)
            // when every reachable page is requested
            let crawl = try await crawl(who, session: session)
            findings += crawl.findings
            patterns.formUnion(crawl.patterns)
            let token = try await token(who, password: DemoSeeder.password)
            findings += try await apiLists(who, token: token, enterpriseID: firmA.enterpriseID!)
        }
        // then
        XCTAssertEqual(findings.map(\.description), [], "\(findings.count) requests break the scale rule")
        XCTAssertGreaterThan(patterns.count, 25, "the crawl reached too few console pages: \(patterns.sorted())")
    }

    func testTheRuleTellsWholeReadsFromBoundedOnes() {
        // given // when // then
        XCTAssertNotNil(ScaleRule.violation(#"SELECT "enterprises"."id" AS "enterprises_id" FROM "enterprises""#))
        XCTAssertNotNil(ScaleRule.violation(#"SELECT * FROM "leases" WHERE "leases"."state" = $1"#))
        XCTAssertNotNil(ScaleRule.violation(#"SELECT * FROM leases l JOIN enterprises e ON e.id = l.enterprise_id"#),
                        "a join condition is not a key narrowed to a value")
        XCTAssertNotNil(ScaleRule.violation(#"SELECT * FROM policy_results WHERE "run_id" = ?"#), "a run's results grow with the park")
        XCTAssertNil(ScaleRule.violation(#"SELECT * FROM "enterprises" WHERE "enterprises"."id" = $1 LIMIT 1"#))
        XCTAssertNil(ScaleRule.violation(#"SELECT * FROM leases WHERE enterprise_id = ?"#))
        XCTAssertNil(ScaleRule.violation(#"SELECT COUNT(*) AS n FROM enterprises"#))
        XCTAssertNil(ScaleRule.violation(#"SELECT ownership, COUNT(*) FROM enterprises GROUP BY ownership"#))
        XCTAssertNil(ScaleRule.violation(#"SELECT * FROM enterprises ORDER BY name_zh LIMIT 50 OFFSET 100"#))
        XCTAssertNil(ScaleRule.violation(#"SELECT * FROM clusters"#), "reference data stays small")
        XCTAssertNil(ScaleRule.violation(#"INSERT INTO enterprises VALUES (?)"#))
    }
}
