import XCTest
import ParkDomain

final class DemoParkTests: XCTestCase {
    static let today = LocalDate(year: 2025, month: 6, day: 30)!
    /// Generated once: several tests read the same SIP-scale park.
    static let sip = DemoPark.generate(seed: 20_240_512, scale: .sip, today: today)

    private func count(_ park: DemoPark, _ test: (Enterprise) -> Bool) -> Int {
        park.enterprises.filter(test).count
    }

    // MARK: Determinism

    func testSameSeedGivesIdenticalEnterprises() {
        // given
        let seed: UInt64 = 7

        // when
        let a = DemoPark.generate(seed: seed, scale: .small, today: Self.today)
        let b = DemoPark.generate(seed: seed, scale: .small, today: Self.today)
        let c = DemoPark.generate(seed: 20_240_512, scale: .sip, today: Self.today)

        // then
        XCTAssertEqual(a.enterprises, b.enterprises)
        XCTAssertEqual(c.enterprises, Self.sip.enterprises)
    }

    func testDifferentSeedsGiveDifferentEnterprises() {
        // given
        let seeds: [UInt64] = [1, 2]

        // when
        let parks = seeds.map { DemoPark.generate(seed: $0, scale: .small, today: Self.today) }

        // then
        XCTAssertNotEqual(parks[0].enterprises, parks[1].enterprises)
        XCTAssertNotEqual(parks[0].enterprises.map(\.nameZh), parks[1].enterprises.map(\.nameZh))
        XCTAssertNotEqual(parks[0].enterprises.map(\.creditCode), parks[1].enterprises.map(\.creditCode))
    }

    func testSeed42GivesThePinnedParkOnEveryMachine() {
        // given: an FNV-1a fingerprint of seed 42 pins the output; it fails when the generator or
        // its word lists change (then update the number) or when a platform draws differently
        let park = DemoPark.generate(seed: 42, scale: .small, today: Self.today)

        // when
        let fingerprint = park.enterprises.reduce(into: UInt64(1_469_598_103_934_665_603)) { hash, e in
            let fields = [e.creditCode.value, e.nameZh, e.nameEn, e.industryCode, e.clusters.joined(separator: ","),
                          e.ownership.rawValue, e.originCountry, e.fortune500Parent ?? "", "\(e.regionalHeadquarters)",
                          "\(e.rdCentre)", e.listing?.rawValue ?? "", "\(e.aboveDesignatedSize)",
                          "\(e.employees ?? -1)", e.foundedOn?.iso ?? "", e.address]
            for byte in fields.joined(separator: "|").utf8 {
                hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
            }
        }

        // then
        XCTAssertEqual(park.enterprises.count, 200)
        XCTAssertEqual(fingerprint, DemoParkTests.seed42Fingerprint, "fingerprint \(fingerprint)")
    }
    static let seed42Fingerprint: UInt64 = 14_828_596_728_392_300_251

    func testFirstTwoEnterprisesAreTheSameWellKnownFirmsForEverySeed() {
        // given
        let seeds: [UInt64] = [0, 1, 99, .max]

        // when
        let parks = seeds.map { DemoPark.generate(seed: $0, scale: .small, today: Self.today) }

        // then
        for park in parks {
            XCTAssertEqual(park.enterprises[0], parks[0].enterprises[0])
            XCTAssertEqual(park.enterprises[1], parks[0].enterprises[1])
        }
        let first = parks[0].enterprises[0], second = parks[0].enterprises[1]
        XCTAssertNotEqual(first.creditCode, second.creditCode)
        XCTAssertEqual(first.nameZh, "博世汽车部件（苏州）有限公司")
        XCTAssertEqual(first.fortune500Parent, "Robert Bosch GmbH")
        XCTAssertEqual(first.ownership, .foreign)
        XCTAssertEqual(second.nameEn, "Suzhou Xinrui Biotech Co., Ltd.")
        XCTAssertEqual(second.ownership, .domestic)
        XCTAssertEqual(second.clusters, ["biomedicine"])
    }

    // MARK: Validity

    func testEveryEnterpriseIsValidWithUniqueCodesAndNames() throws {
        // given
        let parks = [Self.sip, DemoPark.generate(seed: 3, scale: .small, today: Self.today)]

        for park in parks {
            // when
            let codes = park.enterprises.map(\.creditCode.value)

            // then
            for e in park.enterprises {
                XCTAssertNoThrow(try e.validate(against: .builtIn, today: Self.today), e.nameZh)
                XCTAssertEqual(e.creditCode.region, "320594")
                XCTAssertTrue(e.address.hasPrefix("苏州工业园区"), e.address)
                XCTAssertTrue(e.nameZh.hasSuffix("公司"), e.nameZh)
                XCTAssertTrue(e.nameEn.contains("Co., Ltd."), e.nameEn)
            }
            XCTAssertEqual(Set(codes).count, codes.count)
            XCTAssertEqual(Set(park.enterprises.map(\.nameZh)).count, codes.count)
            XCTAssertEqual(Set(park.enterprises.map(\.nameEn)).count, codes.count)
        }
    }

    func testFoundingDatesLieBetweenTheParksFoundingAndToday() {
        // given
        let earlyToday = LocalDate(year: 2001, month: 2, day: 28)!
        let parkFounded = LocalDate(year: 1994, month: 5, day: 12)!

        // when
        let early = DemoPark.generate(seed: 5, scale: .small, today: earlyToday)

        // then
        for e in Self.sip.enterprises {
            let f = try? XCTUnwrap(e.foundedOn)
            XCTAssertTrue(f.map { $0 >= parkFounded && $0 <= Self.today } ?? false, "\(e.nameZh) \(String(describing: f))")
        }
        for e in early.enterprises {
            XCTAssertNoThrow(try e.validate(against: .builtIn, today: earlyToday), e.nameZh)
        }
        XCTAssertGreaterThan(Set(Self.sip.enterprises.compactMap { $0.foundedOn?.year }).count, 25)
    }

    // MARK: Realism at SIP scale

    func testSipScaleHasRealisticHeadlineCounts() {
        // given
        let park = Self.sip

        // when
        let f500 = count(park) { $0.fortune500Parent != nil }
        let rd = count(park) { $0.rdCentre }
        let hq = count(park) { $0.regionalHeadquarters }
        let listed = count(park) { $0.listing != nil }
        let above = count(park) { $0.aboveDesignatedSize }

        // then
        XCTAssertTrue((4_500...5_500).contains(park.enterprises.count), "\(park.enterprises.count)")
        XCTAssertTrue((80...130).contains(f500), "F500 \(f500)")
        XCTAssertTrue((200...300).contains(rd), "R&D \(rd)")
        XCTAssertTrue((110...170).contains(hq), "HQ \(hq)")
        XCTAssertTrue((200...300).contains(listed), "listed \(listed)")
        XCTAssertTrue((1_500...2_000).contains(above), "above designated size \(above)")
    }

    func testSipScaleOwnershipMixAndOrigins() {
        // given
        let park = Self.sip
        let n = park.enterprises.count

        // when
        let share = { (o: Ownership) in 100 * park.enterprises.filter { $0.ownership == o }.count / n }

        // then
        XCTAssertTrue((40...50).contains(share(.foreign)), "foreign \(share(.foreign)) %")
        XCTAssertTrue((8...12).contains(share(.hongKongMacaoTaiwan)), "HMT \(share(.hongKongMacaoTaiwan)) %")
        XCTAssertTrue((8...12).contains(share(.jointVenture)), "JV \(share(.jointVenture)) %")
        XCTAssertTrue((30...40).contains(share(.domestic)), "domestic \(share(.domestic)) %")
        for e in park.enterprises {
            switch e.ownership {
            case .domestic: XCTAssertEqual(e.originCountry, "CN")
            case .hongKongMacaoTaiwan: XCTAssertTrue(["HK", "MO", "TW"].contains(e.originCountry), e.originCountry)
            case .foreign, .jointVenture:
                XCTAssertFalse(["CN", "HK", "MO", "TW"].contains(e.originCountry), e.originCountry)
            }
        }
        let foreign = park.enterprises.filter { $0.ownership == .foreign }
        let top = ["US", "JP", "DE", "SG", "KR"].map { c in foreign.filter { $0.originCountry == c }.count }
        XCTAssertTrue(top.allSatisfy { $0 > 100 }, "\(top)")
        XCTAssertGreaterThan(Set(foreign.map(\.originCountry)).count, 20)
    }

    func testSipScaleClusterMixWithBiomedicineLargest() {
        // given
        let park = Self.sip
        let codes = ["biomedicine", "electronics", "nanotech", "equipment", "ai", "semiconductors3g"]

        // when
        let sizes = codes.map { c in count(park) { $0.clusters.contains(c) } }
        let none = count(park) { $0.clusters.isEmpty }
        let two = count(park) { $0.clusters.count == 2 }

        // then
        XCTAssertTrue((1_800...2_300).contains(sizes[0]), "biomedicine \(sizes[0])")
        XCTAssertEqual(sizes, sizes.sorted(by: >), "clusters by size: \(sizes)")
        XCTAssertGreaterThan(sizes[5], 50)
        XCTAssertTrue((300...1_000).contains(none), "no cluster \(none)")
        XCTAssertTrue((50...250).contains(two), "two clusters \(two)")
        XCTAssertEqual(count(park) { $0.clusters.count > 2 }, 0)
        XCTAssertEqual(count(park) { Set($0.clusters).count != $0.clusters.count }, 0)
    }

    func testIndustryDivisionFitsThePrimaryCluster() {
        // given
        let fits: [String: Set<String>] = [
            "biomedicine": ["27", "35", "73"], "electronics": ["39"], "nanotech": ["26", "29", "30", "33"],
            "equipment": ["34", "35", "36", "38", "40"], "ai": ["64", "65"], "semiconductors3g": ["38", "39"],
        ]

        for e in Self.sip.enterprises {
            // when
            guard let primary = e.clusters.first else {
                // then: firms outside the clusters do other business
                XCTAssertFalse(["27", "39", "65"].contains(e.industryCode), e.nameZh)
                continue
            }

            // then
            XCTAssertTrue(fits[primary]!.contains(e.industryCode), "\(e.nameZh) \(primary) \(e.industryCode)")
        }
    }

    func testFortune500ParentsListingsAndSizesAreConsistent() {
        // given
        let park = Self.sip

        // when
        var countryOfParent: [String: Set<String>] = [:]
        for e in park.enterprises {
            if let p = e.fortune500Parent { countryOfParent[p, default: []].insert(e.originCountry) }
        }

        // then
        XCTAssertGreaterThan(countryOfParent.count, 30)
        for (parent, countries) in countryOfParent { XCTAssertEqual(countries.count, 1, parent) }
        for e in park.enterprises {
            guard let board = e.listing else { continue }
            switch e.originCountry {
            case "CN": XCTAssertTrue([.sseMain, .sseStar, .szseMain, .szseChinext, .bse, .hkex].contains(board))
            case "US": XCTAssertTrue([.nasdaq, .nyse].contains(board), e.nameEn)
            case "HK", "MO": XCTAssertEqual(board, .hkex)
            default: XCTAssertEqual(board, .other, e.nameEn)
            }
        }
        let employees = park.enterprises.compactMap(\.employees)
        XCTAssertEqual(employees.count, park.enterprises.count)
        XCTAssertTrue(employees.allSatisfy { (10...20_000).contains($0) })
        let median = employees.sorted()[employees.count / 2]
        XCTAssertTrue((40...300).contains(median), "median \(median)")
        let f500Median = park.enterprises.filter { $0.fortune500Parent != nil }.compactMap(\.employees).sorted()
        XCTAssertGreaterThan(f500Median[f500Median.count / 2], median * 3)
    }

    // MARK: Small scale

    func testSmallScaleHasAFewOfEverything() {
        // given
        let park = DemoPark.generate(seed: 11, scale: .small, today: Self.today)

        // when
        let n = park.enterprises.count

        // then
        XCTAssertTrue((180...220).contains(n), "\(n)")
        XCTAssertGreaterThanOrEqual(count(park) { $0.fortune500Parent != nil }, 3)
        XCTAssertGreaterThanOrEqual(count(park) { $0.rdCentre }, 3)
        XCTAssertGreaterThanOrEqual(count(park) { $0.regionalHeadquarters }, 3)
        XCTAssertGreaterThanOrEqual(count(park) { $0.listing != nil }, 3)
        for code in Cluster.defaults.map(\.code) {
            XCTAssertGreaterThanOrEqual(count(park) { $0.clusters.contains(code) }, 3, code)
        }
        for o in Ownership.allCases {
            XCTAssertGreaterThanOrEqual(count(park) { $0.ownership == o }, 10, o.rawValue)
        }
    }
}
