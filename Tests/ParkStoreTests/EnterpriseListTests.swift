import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

/// Search, filters, sort and pages over a small hand-made register.
final class EnterpriseListTests: StoreTestCase {
    var innovent: Enterprise!, bosch: Enterprise!, samsung: Enterprise!, nanomicro: Enterprise!, auo: Enterprise!

    override func setUp() async throws {
        try await super.setUp()
        innovent = try await register(enterprise(1, zh: "苏州信达生物科技有限公司", en: "Suzhou Innovent Biologics",
                                                 industry: "27", clusters: ["biomedicine"], rd: true, above: true, employees: 1200))
        bosch = try await register(enterprise(2, zh: "博世汽车部件（苏州）有限公司", en: "Bosch Automotive Parts (Suzhou)",
                                              industry: "36", clusters: ["equipment"], ownership: .foreign, country: "DE",
                                              fortune500: "Robert Bosch GmbH", rd: true, hq: true, above: true, employees: 5000))
        samsung = try await register(enterprise(3, zh: "三星半导体（中国）研究开发有限公司", en: "Samsung Semiconductor China R&D",
                                                industry: "39", clusters: ["electronics", "semiconductors3g"], ownership: .foreign,
                                                country: "KR", fortune500: "Samsung Electronics", rd: true, above: true, employees: 800))
        nanomicro = try await register(enterprise(4, zh: "苏州纳微科技股份有限公司", en: "Suzhou Nanomicro Technology",
                                                  industry: "26", clusters: ["nanotech"], employees: 300))
        auo = try await register(enterprise(5, zh: "友达光电（苏州）有限公司", en: "AU Optronics (Suzhou)", industry: "39",
                                            clusters: ["electronics"], ownership: .hongKongMacaoTaiwan, country: "TW", above: true))
    }

    func testParkStatsComeFromSQLAggregatesAndMatchTheRecords() async throws {
        // given the five firms above (three foreign-invested, two Fortune 500 parents, one firm in two clusters)
        // when
        let stats = try await enterprises.stats()
        // then: hand-counted
        XCTAssertEqual(stats.total, 5)
        XCTAssertEqual(stats.foreignInvested, 3)
        XCTAssertEqual(stats.fortune500, 2)
        XCTAssertEqual(stats.rdCentres, 3)
        XCTAssertEqual(stats.regionalHQs, 1)
        XCTAssertEqual(stats.aboveSize, 4)
        XCTAssertEqual(stats.byCluster, ["biomedicine": 1, "equipment": 1, "electronics": 2, "semiconductors3g": 1, "nanotech": 1])
        XCTAssertEqual(stats.withoutCluster, 0)
        XCTAssertEqual(stats.byOwnership, [.domestic: 2, .foreign: 2, .hongKongMacaoTaiwan: 1])
        XCTAssertEqual(stats.byCountry, ["DE": 1, "KR": 1, "TW": 1])
        await assertEqual(ParkStats(try await enterprises.all()), stats)
    }

    func testParkStatsAreStoredAndEveryChangeToTheRegisterRecomputesThem() async throws {
        // given: the counts read once (and stored)
        let first = try await enterprises.stats()
        let stored = try await sql.raw("SELECT COUNT(*) AS n FROM register_stats").first()!.decode(column: "n", as: Int.self)
        XCTAssertEqual(stored, 1, "the first read stores the counts")
        XCTAssertEqual(first.regionalHQs, 1)
        // when: Nanomicro becomes a regional headquarters through ParkOS
        var n = nanomicro!
        n.regionalHeadquarters = true
        _ = try await enterprises.update(nanomicro.id!, to: n, by: admin, catalog: try await catalog())
        // then: the stored row is gone and the next read counts it (hand count: Bosch + Nanomicro)
        let gone = try await sql.raw("SELECT COUNT(*) AS n FROM register_stats").first()!.decode(column: "n", as: Int.self)
        XCTAssertEqual(gone, 0, "a change to the register deletes the stored counts")
        let recounted = try await enterprises.stats()
        XCTAssertEqual(recounted.regionalHQs, 2)
        // when: someone edits the table outside ParkOS
        try await sql.raw("UPDATE enterprises SET rd_centre = \(bind: false)").run()
        // then: the counts follow the table, not the stored row
        let after = try await enterprises.stats()
        XCTAssertEqual(after.rdCentres, 0)
        await assertEqual(ParkStats(try await enterprises.all()), after)
    }

    func list(_ edit: (inout EnterpriseQuery) -> Void) async throws -> Page<Enterprise> {
        var q = EnterpriseQuery()
        q.sort = .creditCode
        edit(&q)
        return try await enterprises.list(q)
    }

    func names(_ page: Page<Enterprise>) -> [String] { page.items.map(\.nameEn) }

    func testSearchByChineseName() async throws {
        // when
        let page = try await list { $0.search = "纳微" }
        // then
        XCTAssertEqual(names(page), [nanomicro.nameEn])
        XCTAssertEqual(page.total, 1)
    }

    func testSearchByEnglishNameIgnoresCase() async throws {
        // when
        let lower = try await list { $0.search = "suzhou" }
        let upper = try await list { $0.search = "SAMSUNG" }
        // then
        XCTAssertEqual(names(lower), [innovent, bosch, nanomicro, auo].map(\.nameEn))
        XCTAssertEqual(lower.total, 4)
        XCTAssertEqual(names(upper), [samsung.nameEn])
    }

    func testSearchByCreditCode() async throws {
        // given
        let full = samsung.creditCode.value
        let tail = String(full.suffix(8)).lowercased()
        // when
        let byFull = try await list { $0.search = full }
        let byTail = try await list { $0.search = " \(tail) " }
        let none = try await list { $0.search = "no such firm" }
        // then
        XCTAssertEqual(names(byFull), [samsung.nameEn])
        XCTAssertEqual(names(byTail), [samsung.nameEn])
        XCTAssertEqual(none.total, 0)
        XCTAssertEqual(none.items, [])
    }

    func testFilters() async throws {
        // when / then, one filter at a time
        let electronics = try await list { $0.cluster = "electronics" }
        XCTAssertEqual(names(electronics), [samsung, auo].map(\.nameEn))
        await assertEqual(names(try await list { $0.cluster = "semiconductors3g" }), [samsung.nameEn])
        await assertEqual(names(try await list { $0.ownership = .foreign }), [bosch, samsung].map(\.nameEn))
        await assertEqual(names(try await list { $0.ownership = .hongKongMacaoTaiwan }), [auo.nameEn])
        await assertEqual(names(try await list { $0.country = "de" }), [bosch.nameEn])
        await assertEqual(names(try await list { $0.size = .above }), [innovent, bosch, samsung, auo].map(\.nameEn))
        await assertEqual(names(try await list { $0.size = .below }), [nanomicro.nameEn])
        await assertEqual(names(try await list { $0.fortune500 = true }), [bosch, samsung].map(\.nameEn))
        await assertEqual(names(try await list { $0.fortune500 = false }), [innovent, nanomicro, auo].map(\.nameEn))
        await assertEqual(names(try await list { $0.rdCentre = true }), [innovent, bosch, samsung].map(\.nameEn))
        await assertEqual(names(try await list { $0.rdCentre = false }), [nanomicro, auo].map(\.nameEn))
        await assertEqual(names(try await list { $0.regionalHQ = true }), [bosch.nameEn])
        // and combined
        let combined = try await list { $0.ownership = .foreign; $0.rdCentre = true; $0.cluster = "electronics" }
        XCTAssertEqual(names(combined), [samsung.nameEn])
        XCTAssertEqual(combined.total, 1)
    }

    func testSortByEmployeesDescendingPutsUnknownLast() async throws {
        // when
        let desc = try await list { $0.sort = .employees; $0.descending = true }
        let asc = try await list { $0.sort = .employees }
        // then: the same order on SQLite and PostgreSQL; AU Optronics has no head count
        XCTAssertEqual(desc.items.map(\.employees), [5000, 1200, 800, 300, nil])
        XCTAssertEqual(asc.items.map(\.employees), [300, 800, 1200, 5000, nil])
    }

    func testPaginationSlicesAndCountsTheWholeResult() async throws {
        // given English names in order: AU, Bosch, Samsung, Suzhou Innovent, Suzhou Nanomicro
        func page(_ n: Int) async throws -> Page<Enterprise> {
            try await list { $0.sort = .nameEn; $0.perPage = 2; $0.page = n }
        }
        // when
        let p1 = try await page(1), p2 = try await page(2), p3 = try await page(3), p4 = try await page(4)
        // then
        XCTAssertEqual(names(p1), [auo, bosch].map(\.nameEn))
        XCTAssertEqual(names(p2), [samsung, innovent].map(\.nameEn))
        XCTAssertEqual(names(p3), [nanomicro.nameEn])
        XCTAssertEqual(names(p4), [])
        for p in [p1, p2, p3, p4] {
            XCTAssertEqual(p.total, 5)
            XCTAssertEqual(p.pageCount, 3)
            XCTAssertEqual(p.perPage, 2)
        }
        XCTAssertEqual(p3.page, 3)
    }

    func testPageBoundsAreRefused() async throws {
        // when / then
        let zero = await domainError { _ = try await self.list { $0.page = 0 } }
        XCTAssertEqual(zero?.field, "page")
        let huge = await domainError { _ = try await self.list { $0.perPage = 501 } }
        XCTAssertEqual(huge?.field, "per_page")
    }

    func testOnlyEnterpriseRestrictsEverything() async throws {
        // when
        let own = try await list { $0.onlyEnterprise = self.bosch.id!.uuidString }
        let searchingOthers = try await list { $0.onlyEnterprise = self.bosch.id!.uuidString; $0.search = "Samsung" }
        let garbage = try await list { $0.onlyEnterprise = "not-a-uuid" }
        // then
        XCTAssertEqual(names(own), [bosch.nameEn])
        XCTAssertEqual(own.total, 1)
        XCTAssertEqual(searchingOthers.total, 0)
        XCTAssertEqual(garbage.total, 0)
    }
}
