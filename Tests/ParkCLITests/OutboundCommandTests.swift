import ArgumentParser
import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest

/// `parkos outbound …` and `parkos countries risk import` on SQLite files.
final class OutboundCommandTests: CLITestCase {
    func seed() async throws -> Enterprise {
        try await withStore { store in
            try await store.migrate()
            let rates = DemoOutbound.generate(seed: 1, today: LocalDate(iso: "2025-06-01")!).rates
            _ = try await ExchangeRateRepository(db: store.db).importCSV(Data(RateCSV.encode(rates).utf8), dryRun: false, by: .system("test"))
            let e = Enterprise(creditCode: Self.code(11), nameZh: "甲公司", nameEn: "Alpha",
                               industryCode: "36", clusters: [], ownership: .domestic, originCountry: "CN", address: "")
            return try await EnterpriseRepository(db: store.db).createAll([e], by: .system("test"))[0]
        }
    }

    func testImportThenStatsAsTableJSONAndCSV() async throws {
        // given two projects in 2020: US$5,000,000 in Vietnam (6.8976 yuan per US$) and EUR 1,000,000 in Germany
        let firm = try await seed()
        let file = dir.appendingPathComponent("projects.csv").path
        try """
        credit_code,title,country,target_company,industry_code,form,equity_percent,currency,amount,stage,agreed_on
        \(firm.creditCode.value),Hanoi plant,VN,,36,greenfield,100,USD,5000000,operating,2020-03-02
        \(firm.creditCode.value),Stake in Ziel AG,DE,Ziel AG,36,equity_stake,25,EUR,1000000.00,filed,2020-06-30

        """.write(toFile: file, atomically: true, encoding: .utf8)
        // when
        let dry = try await parkos("outbound", "import", "--db", dbPath, file, "--dry-run")
        let imported = try await parkos("outbound", "import", "--db", dbPath, file)
        let table = try await parkos("outbound", "stats", "--db", dbPath, "--from", "2020-01", "--to", "2020-06")
        let json = try await parkos("outbound", "stats", "--db", dbPath, "--to", "2020-06", "--format", "json")
        let csv = try await parkos("outbound", "stats", "--db", dbPath, "--to", "2020-06", "--format", "csv")
        // then 34,488,000.00 + 7,878,438.72 = 42,366,438.72 yuan
        XCTAssertEqual(dry, "dry run: all 2 projects are valid; nothing written\n")
        XCTAssertEqual(imported, "imported 2 projects\n")
        XCTAssertTrue(table.contains("total\t1 firms, 2 countries, 2 projects"), table)
        XCTAssertTrue(table.contains("(42366438.72 yuan)"), table)
        XCTAssertTrue(json.contains(#""agreed_yuan" : "42366438.72""#), json)
        XCTAssertTrue(csv.hasPrefix("section,key,name,firms,countries,projects,agreed_yuan,agreed_usd\ntotal,all,All projects,1,2,2,42366438.72,6142200.00\n"), csv)
        XCTAssertTrue(csv.contains("total,belt_and_road,Belt and Road,1,1,1,34488000.00,5000000.00\n"), csv)
        // and the export carries the import's columns, so it imports again
        let out = dir.appendingPathComponent("out.csv").path
        _ = try await parkos("outbound", "export", "--db", dbPath, "-o", out)
        let exported = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(exported.contains(",Hanoi plant,VN,,36,greenfield,100,USD,5000000.00,own_funds,operating,2020-03-02,"), exported)
    }

    func testABadFileImportsNothingAndNamesEveryRow() async throws {
        let firm = try await seed()
        let file = dir.appendingPathComponent("bad.csv").path
        try """
        credit_code,title,country,target_company,industry_code,form,equity_percent,currency,amount,agreed_on
        \(firm.creditCode.value),Stake,DE,Ziel AG,36,equity_stake,9.99,EUR,100,2020-03-02
        \(firm.creditCode.value),Plant,VN,,36,greenfield,100,GBP,100,2020-03-02

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let (code, output) = try await parkosFailing("outbound", "import", "--db", dbPath, file)
        XCTAssertEqual(code, 1)
        XCTAssertTrue(output.stdout.contains("2\tequity_percent\t"), output.stdout)
        XCTAssertTrue(output.stdout.contains("3\tcurrency\t"), output.stdout)
        XCTAssertTrue(output.stderr.contains("2 error(s); nothing was imported"), output.stderr)
    }

    func testCountryRisksImportAndADowngradeAlertsTheFirmsThere() async throws {
        let firm = try await seed()
        try await withStore { store in
            _ = try await OutboundService(db: store.db).importProjects(Data("""
                credit_code,title,country,industry_code,form,equity_percent,currency,amount,stage,agreed_on
                \(firm.creditCode.value),Yangon plant,MM,36,greenfield,100,USD,100,operating,2020-03-02

                """.utf8), dryRun: false, by: .system("test"))
        }
        let file = dir.appendingPathComponent("risk.csv").path
        try "country,grade,political,economic,business_environment,legal,source_year\nMM,6,6,6,6,6,2020\nMM,7,8,7,7,7,2021\nDE,1,1,1,1,1,2021\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let out = try await parkos("countries", "risk", "import", "--db", dbPath, file)
        XCTAssertEqual(out, "imported 3 grades; 1 downgrade alert(s) sent\n")
        let delivered = try await withStore { try await OutboundRiskRepository(db: $0.db).alerts(for: firm.id!).total }
        XCTAssertEqual(delivered, 1)
        let bad = dir.appendingPathComponent("bad-risk.csv").path
        try "country,grade,political,economic,business_environment,legal,source_year\nXX,10,1,1,1,1,2021\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let (code, output) = try await parkosFailing("countries", "risk", "import", "--db", dbPath, bad)
        XCTAssertEqual(code, 1)
        XCTAssertTrue(output.stdout.contains("2\tcountry\t"), output.stdout)
    }
}
