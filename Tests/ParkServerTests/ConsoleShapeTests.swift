@testable import ParkServer
import Foundation
import ParkDomain
import ParkStore
import XCTVapor
import ParkTestSupport

/// The console's page shape: typed URLs register every route and build every link, access is
/// the route group's middleware, pages load their model without HTTP, one number formatter.
final class ConsoleShapeTests: ServerTestCase {
    var registered: [Route] { app.routes.all.filter { $0.consoleURL != nil } }

    func testEveryConsoleURLIsRegisteredOnceWithItsMethodAndPath() {
        // given
        let keys = registered.map { "\($0.method.rawValue) \($0.path.string)" }
        // then: every case of the enum is a route, and no route is registered twice
        XCTAssertEqual(Set(keys).count, keys.count, "a route registered twice")
        XCTAssertEqual(Set(ConsoleURL.routes.map(\.key)), Set(keys))
        XCTAssertEqual(ConsoleURL.routes.count, keys.count)
        for route in registered {
            XCTAssertEqual(route.consoleURL?.key, "\(route.method.rawValue) \(route.path.string)")
        }
    }

    func testEveryConsoleRouteComesFromTheURLEnum() {
        // then: outside the APIs (ours and Open311's) and the server's own endpoints, no route was registered by a literal path
        let outside = app.routes.all.filter { r in
            r.consoleURL == nil && r.path.first != .constant("api") && r.path.first != .constant("open311")
                && !["healthz", "metrics", "openapi.yaml"].contains(r.path.string)
        }
        XCTAssertEqual(outside.map { "\($0.method.rawValue) \($0.path.string)" }, [])
    }

    func testLinksAreBuiltFromTypedValues() {
        let id = UUID(uuidString: "6F1C0C9E-0000-4000-8000-000000000001")!
        XCTAssertEqual(ConsoleURL.enterprises(.detail(.value(id))).path, "/enterprises/6F1C0C9E-0000-4000-8000-000000000001")
        XCTAssertEqual(ConsoleURL.enterprises(.detail(.key)).key, "GET enterprises/:id")
        XCTAssertEqual(ConsoleURL.home.path, "/")
        XCTAssertEqual(ConsoleURL.enterprises(.list).href([("q", "博世 & co"), ("page", nil), ("size", "")]), "/enterprises?q=%E5%8D%9A%E4%B8%96%20%26%20co")
        XCTAssertEqual(ConsoleURL.permu(.scorecard(run: .value(id), enterprise: .value(id))).path,
                       "/permu/runs/\(id.uuidString)/enterprises/\(id.uuidString)")
        XCTAssertEqual(ConsoleURL.policies(.policy(.value("fdi award/2"))).path, "/policies/fdi%20award%2F2")
        let html: HTML = "<a href=\"\(ConsoleURL.admin(.audit))\">"
        XCTAssertEqual(html.raw, "<a href=\"/admin/audit\">")
    }

    /// The access level of every route, read from its URL, is what the route answers: nobody is
    /// sent to sign in, an enterprise user is refused staff and admin routes, an officer admin routes.
    func testEveryRouteIsGuardedByTheMiddlewareOfItsAccessLevel() async throws {
        // given
        let firm = try await seedEnterprise(1, zh: "甲公司", en: "Alpha")
        try await seedUser("firm-a", role: .enterprise, enterprise: firm.id)
        try await seedUser("land-1", role: .officer, department: "land")
        let enterprise = try await login("firm-a"), officer = try await login("land-1")
        var wrong: [String] = []
        for route in registered {
            let url = try XCTUnwrap(route.consoleURL)
            let path = "/" + route.path.map { c -> String in
                if case .parameter = c { return UUID().uuidString }
                return c.description
            }.joined(separator: "/")
            // when
            func status(_ session: String?) async throws -> HTTPStatus {
                try await send(route.method, path, body: route.method == .GET ? nil : ByteBuffer(string: "x=1"),
                               headers: htmlHeaders(session: session, form: route.method != .GET)).status
            }
            // then
            switch url.access {
            case .open: continue
            case .signedIn, .enterprise:
                if try await status(nil) != .seeOther { wrong.append("\(url.key) without a session") }
            case .staff:
                if try await status(enterprise) != .forbidden { wrong.append("\(url.key) as an enterprise user") }
            case .admin:
                if try await status(officer) != .forbidden { wrong.append("\(url.key) as an officer") }
            }
            if url.method != .GET, url.access != .open, try await status(officer) != .forbidden, url.access != .enterprise {
                wrong.append("\(url.key): a form without its CSRF token was not refused")
            }
        }
        XCTAssertEqual(wrong, [])
    }

    func testTheHomeModelLoadsWithoutHTTPAndSendsAnEnterpriseUserToItsOwnRecord() async throws {
        // given
        let a = try await seedEnterprise(1, zh: "甲公司", en: "Alpha", clusters: ["biomedicine"])
        try await seedEnterprise(2, zh: "乙公司", en: "Beta", ownership: .foreign, country: "DE")
        let officer = PageContext(park: app.park, principal: Principal(userID: UUID(), name: "o", role: .officer), language: .en)
        let firm = PageContext(park: app.park, principal: Principal(userID: UUID(), name: "f", role: .enterprise, enterpriseID: a.id))
        // when
        let model = try await HomePage.Model.load(on: officer)
        // then
        XCTAssertEqual(model.tiles.map(\.count), [2, 1, 0, 0, 0, 0])
        XCTAssertEqual(model.tiles[1].href, "/enterprises?ownership=foreign")
        XCTAssertEqual(model.countries.map(\.label), ["Germany (DE)"])
        XCTAssertEqual(model.clusters.first { $0.href == "/enterprises?cluster=biomedicine" }?.count, 1)
        XCTAssertEqual(model.recent, [], "the trail is for administrators")
        do {
            _ = try await HomePage.Model.load(on: firm)
            XCTFail("an enterprise user has no park overview")
        } catch let r as ConsoleRedirect {
            XCTAssertEqual(r.location, "/enterprises/\(a.id!.uuidString)")
        }
        let page = HomePage.View.render(model, officer)
        XCTAssertEqual(page.title, "Park overview")
        XCTAssertTrue(page.body.raw.contains("<div class=\"v\">2</div>"))
    }

    func testTheEnterpriseListModelScopesAnEnterpriseUserAndNamesABadField() async throws {
        // given
        let a = try await seedEnterprise(1, zh: "甲公司", en: "Alpha")
        try await seedEnterprise(2, zh: "乙公司", en: "Beta")
        let firm = PageContext(park: app.park, principal: Principal(userID: UUID(), name: "f", role: .enterprise, enterpriseID: a.id))
        let officer = PageContext(park: app.park, principal: Principal(userID: UUID(), name: "o", role: .officer))
        // when
        let own = try await EnterpriseListPage.Model.load([:], on: firm)
        let all = try await EnterpriseListPage.Model.load(["sort": "employees", "order": "desc"], on: officer)
        // then
        XCTAssertEqual(own.page.items.map(\.nameEn), ["Alpha"])
        XCTAssertFalse(own.isStaff)
        XCTAssertEqual(all.page.total, 2)
        do {
            _ = try await EnterpriseListPage.Model.load(["sort": "bogus"], on: officer)
            XCTFail("a bad sort is refused")
        } catch let e as DomainError {
            XCTAssertEqual(e.field, "sort")
        }
        let html = EnterpriseListPage.View.render(all, officer).body.raw
        XCTAssertTrue(html.contains("共 2 家企业，第 1/1 页"))
        XCTAssertTrue(html.contains("href=\"/enterprises/export.csv?"))
    }

    func testNumbersCarryTheirUnits() {
        let nb = Numbers.unitSpace
        XCTAssertEqual(Numbers.count(14661), "14,661")
        XCTAssertEqual(Numbers.count(-1234567), "-1,234,567")
        XCTAssertEqual(Numbers.decimal(1234.565, digits: 2), "1,234.57")
        XCTAssertEqual(Numbers.decimal(-0.004, digits: 2), "0.00")
        XCTAssertEqual(Numbers.decimal(.nan), "—")
        XCTAssertEqual(Numbers.percent(ratio: 0.0137), "1.37\(nb)%")
        XCTAssertEqual(Numbers.percent(ratio: 1.0, digits: 1), "100.0\(nb)%")
        XCTAssertEqual(Numbers.percent(ratio: Decimal(string: "0.7675")!), "76.75\(nb)%")
        XCTAssertEqual(Numbers.yuan(fen: 15_000_000_000, .zh), "1.50\(nb)亿元")
        XCTAssertEqual(Numbers.yuan(fen: 15_000_000_000, .en), "150.00\(nb)M\(nb)yuan")
        XCTAssertEqual(Numbers.yuan(fen: 51_655_822_200, .zh), "5.17\(nb)亿元")
        XCTAssertEqual(Numbers.yuan(fen: 999_999, .zh), "9,999.99\(nb)元")
        XCTAssertEqual(Numbers.yuanExact(fen: 123_456, .en), "1,234.56\(nb)yuan")
        XCTAssertEqual(Numbers.yuanExact(516_558_222, .zh), "516,558,222\(nb)元")
        XCTAssertEqual(Numbers.yuan(516_558_222, .zh), "5.17\(nb)亿元", "a land price in whole yuan, as officials read it")
        XCTAssertEqual(Numbers.yuan(516_558_222, .en), "516.56\(nb)M\(nb)yuan")
        XCTAssertEqual(Numbers.yuan(150_000, .zh), "15.00\(nb)万元")
        XCTAssertEqual(Numbers.yuan(Int64.max, .zh), Numbers.yuan(fen: .max, .zh), "held at the bound, no trap")
        XCTAssertEqual(Numbers.usd(cents: 2_500_000_000, .en), "US$\(nb)25.00\(nb)M")
        XCTAssertEqual(Numbers.usd(cents: 2_500_000_000, .zh), "2,500.00\(nb)万美元")
        XCTAssertEqual(Numbers.usd(cents: 99_950, .en), "US$\(nb)999.50")
        XCTAssertEqual(Numbers.measure(12.5, .mu, .zh), "12.50\(nb)亩")
        XCTAssertEqual(Numbers.measure(0.0302, .ratio, .en), "3.02\(nb)%")
        XCTAssertEqual(Numbers.measure(nil, .kWh, .en), "—")
        XCTAssertEqual(Numbers.trimmed(24.0970), "24.097")
    }

    /// US$ scale per value like yuan: 亿 from 1 亿, 万 from 1 万 in Chinese; bn from 1 bn, M from 1 M in English.
    func testDollarsScalePerValueLikeYuan() {
        let nb = Numbers.unitSpace
        // US$ 2,872,000,000 = 28.72 亿 (was "287,200.00 万美元") = 2.872 bn → 2.87
        XCTAssertEqual(Numbers.usd(cents: 287_200_000_000, .zh), "28.72\(nb)亿美元")
        XCTAssertEqual(Numbers.usd(cents: 287_200_000_000, .en), "US$\(nb)2.87\(nb)bn")
        // US$ 12,500,000 = 1,250 万 = 12.5 M
        XCTAssertEqual(Numbers.usd(cents: 1_250_000_000, .zh), "1,250.00\(nb)万美元")
        XCTAssertEqual(Numbers.usd(cents: 1_250_000_000, .en), "US$\(nb)12.50\(nb)M")
        // exactly 1 亿 is 亿; one cent less is 万 (9,999.9999 万 rounds half up to 10,000.00)
        XCTAssertEqual(Numbers.usd(cents: 10_000_000_000, .zh), "1.00\(nb)亿美元")
        XCTAssertEqual(Numbers.usd(cents: 9_999_999_999, .zh), "10,000.00\(nb)万美元")
        // US$ 12,345.67: 1.23 万 in Chinese, exact in English (below 1 M)
        XCTAssertEqual(Numbers.usd(cents: 1_234_567, .zh), "1.23\(nb)万美元")
        XCTAssertEqual(Numbers.usd(cents: 1_234_567, .en), "US$\(nb)12,345.67")
        XCTAssertEqual(Numbers.usd(cents: 999_999, .zh), "9,999.99\(nb)美元")
        XCTAssertEqual(Numbers.usd(cents: -350_000_000, .en), "-US$\(nb)3.50\(nb)M")
        XCTAssertEqual(Numbers.usd(cents: -350_000_000, .zh), "-350.00\(nb)万美元")
    }

    /// Chart labels cut to their column with "…" (the full text in a tooltip); map clusters sized
    /// within their grid cell with the count fitting inside.
    func testChartLabelsAndClusterMarkersFitTheirSpace() {
        XCTAssertEqual(FDICharts.clipped("Biomedicine and health", width: 28), "Biomedicine and health")
        XCTAssertEqual(FDICharts.clipped("Specialised, refined, distinctive and novel", width: 28), "Specialised, refined, disti…")
        XCTAssertEqual(FDICharts.clipped("一二三四五六七八九十一二三四五", width: 28), "一二三四五六七八九十一二三…", "a Chinese character counts two")
        // 30,000 parcels: radius 14 × min(2.2, 0.8 + log10(30000)/2 = 3.04) = 30.8 → 31, below 0.42 × 75 = 31.5;
        // "30,000" is 6 characters: 30.8 × 1.7 / (6 × 0.56) = 15.6 → 16 (not 0.9 × 30.8 = 28, which spills out)
        XCTAssertEqual(LandMap.clusterMarker(count: 30_000, unit: 14, cell: 75).radius, 31)
        XCTAssertEqual(LandMap.clusterMarker(count: 30_000, unit: 14, cell: 75).fontSize, 16)
        // 7 parcels: 14 × (0.8 + 0.845/2) = 17.1 → 17; one digit: 0.9 × 17.1 = 15.4 → 15
        XCTAssertEqual(LandMap.clusterMarker(count: 7, unit: 14, cell: 75).radius, 17)
        XCTAssertEqual(LandMap.clusterMarker(count: 7, unit: 14, cell: 75).fontSize, 15)
        // a small cell caps the radius: 0.42 × 20 = 8.4 → 8
        XCTAssertEqual(LandMap.clusterMarker(count: 300, unit: 14, cell: 20).radius, 8)
        // records the migrations seeded are "built in", not written by "migration"
        XCTAssertEqual(ConsoleText.author("migration", .zh), "系统预置")
        XCTAssertEqual(ConsoleText.author("migration", .en), "Built in")
        XCTAssertEqual(ConsoleText.author("econ", .en), "econ")
    }

    /// A table column reads in one unit, chosen from its largest amount.
    func testAColumnOfAmountsReadsInOneUnit() {
        let nb = Numbers.unitSpace
        // tax by cluster: 120,000,000 yuan (1.2 亿), 34,000,000 (3,400 万), 56,789 (5.68 万)
        let tax: [Int64] = [120_000_000, 34_000_000, 56_789]
        let zh = Numbers.yuanColumn(tax, .zh)
        XCTAssertEqual(tax.map(zh.yuan), ["1.20\(nb)亿元", "0.34\(nb)亿元", "0.00\(nb)亿元"])
        XCTAssertEqual(zh.unit, "亿元")
        let en = Numbers.yuanColumn(tax, .en)
        // 120 M, 34 M, 0.056789 M → 0.06
        XCTAssertEqual(tax.map(en.yuan), ["120.00\(nb)M\(nb)yuan", "34.00\(nb)M\(nb)yuan", "0.06\(nb)M\(nb)yuan"])
        // per value the same amounts mix units; the column does not
        XCTAssertEqual(tax.map { Numbers.yuan($0, .zh) }, ["1.20\(nb)亿元", "3,400.00\(nb)万元", "5.68\(nb)万元"])
        // a column whose largest amount is below 1 万 stays exact
        XCTAssertEqual(Numbers.yuanColumn(fen: [999_999, 5], .zh)(5), "0.05\(nb)元")
        // US$ by region: 2,872,000,000 and 80,000,000 → bn; 亿 in Chinese
        let odi: [Int64] = [287_200_000_000, 8_000_000_000]
        XCTAssertEqual(odi.map(Numbers.usdColumn(cents: odi, .en).callAsFunction), ["US$\(nb)2.87\(nb)bn", "US$\(nb)0.08\(nb)bn"])
        XCTAssertEqual(odi.map(Numbers.usdColumn(cents: odi, .zh).callAsFunction), ["28.72\(nb)亿美元", "0.80\(nb)亿美元"])
        XCTAssertEqual(Numbers.usdColumn(cents: odi, .en).unit, "US$\(nb)bn")
        // an empty column and the extremes do not trap
        XCTAssertEqual(Numbers.usdColumn(cents: [], .zh)(0), "0.00\(nb)美元")
        XCTAssertFalse(Numbers.yuanColumn(fen: [.min, .max], .zh)(.min).isEmpty)
    }

    /// Console files still building paths by hand; each leaves this list when its pages are ported.
    static let notYetPorted: Set<String> = []

    /// No console source writes a path by hand (`href="/…"`, `action="/…"`, `redirect(to: "/…")`):
    /// links come from `ConsoleURL`; no page checks its own access (`requireLogin`, `requireStaff`,
    /// `checkCSRF`: the route's middleware does); no text is chosen inline by language
    /// (`lang == .zh ? … : …`: texts live in catalogues).
    func testNoConsoleSourceWritesALiteralPathChecksItsOwnAccessOrPicksATextInline() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let console = root.appendingPathComponent("Sources/ParkServer/Console")
        let pattern = try NSRegularExpression(pattern: #"(href|action)=\\?"/|redirect\(to: "/|"/(enterprises|land|leases|parcels|permu|policies|admin|login|logout|assets)\b|requireLogin\(|requireStaff\(|requireAdmin\(|checkCSRF\(|lang(uage)? == \.zh \?|\bzh \? "|lang == \.zh \{"#)
        var offenders: [String] = []
        let files = FileManager.default.enumerator(at: console, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 40)
        for file in files {
            let relative = String(file.path.dropFirst(console.path.count + 1))
            guard !Self.notYetPorted.contains(relative), !["Shape/ConsoleURL.swift", "Shape/ConsoleRouter.swift", "ConsoleRoutes.swift"].contains(relative) else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let l = String(line)
                if pattern.firstMatch(in: l, range: NSRange(location: 0, length: (l as NSString).length)) != nil {
                    offenders.append("\(relative):\(n + 1)")
                }
            }
        }
        XCTAssertEqual(offenders, [])
    }

    func testTheLinkCheckFindsALinkNoRouteAnswers() {
        let html = #"<a href="/enterprises/6F1C">x</a><a href="/enterprises/export.csv?q=1">y</a><form action="/nowhere/at/all"><a href="/enterprises/:id">"#
        XCTAssertEqual(unroutedLinks(in: html), ["/nowhere/at/all", "/enterprises/:id"])
    }
}
