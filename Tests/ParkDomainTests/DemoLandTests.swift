import XCTest
@testable import ParkDomain

final class DemoLandTests: XCTestCase {
    static let today = LocalDate(year: 2025, month: 6, day: 30)!
    /// Generated once: several tests read the same SIP-scale land.
    static let sip = DemoLand.generate(seed: 20_240_512, scale: .sip, enterpriseCount: 5_000, today: today)
    static let small = DemoLand.generate(seed: 7, scale: .small, enterpriseCount: 200, today: today)
    static let subAreas = ["湖东", "湖西", "独墅湖科教创新区", "阳澄湖半岛", "唯亭", "胜浦", "娄葑", "斜塘"]

    func testSameSeedGivesTheSameLandAndOtherSeedsDiffer() {
        // when
        let again = DemoLand.generate(seed: 7, scale: .small, enterpriseCount: 200, today: Self.today)
        let other = DemoLand.generate(seed: 8, scale: .small, enterpriseCount: 200, today: Self.today)
        // then
        XCTAssertEqual(again.parcels, Self.small.parcels)
        XCTAssertEqual(again.leases, Self.small.leases)
        XCTAssertNotEqual(other.parcels.map(\.boundary), Self.small.parcels.map(\.boundary))
    }

    func testCountsAndEveryLeaseStateAtBothScales() {
        XCTAssertEqual(Self.sip.parcels.count, 1_500)
        XCTAssertEqual(Self.sip.leases.count, 1_200)
        XCTAssertEqual(Self.small.parcels.count, 60)
        XCTAssertEqual(Self.small.leases.count, 45)
        for land in [Self.sip, Self.small] {
            XCTAssertEqual(Set(land.leases.map(\.lease.state)), Set(LeaseState.allCases))
            XCTAssertEqual(Set(land.leases.map(\.parcelIndex)).count, land.leases.count, "one lease per parcel")
        }
    }

    func testTheLargeParkHasTwentyTimesSIPsLandInTwentyDistrictsWithoutOverlaps() throws {
        // when
        let large = DemoLand.generate(seed: 20_240_512, scale: .large, enterpriseCount: 100_000, today: Self.today)
        // then: SIP's proportions (1,500 parcels and 1,200 leases per 5,000 enterprises)
        XCTAssertEqual(DemoScale.large.enterpriseCount, 100_000)
        XCTAssertEqual(large.parcels.count, 30_000)
        XCTAssertEqual(large.leases.count, 24_000)
        XCTAssertEqual(Set(large.parcels.map(\.code)).count, 30_000, "parcel codes are unique")
        XCTAssertEqual(Set(large.leases.map(\.lease.state)), Set(LeaseState.allCases))
        XCTAssert(large.leases.allSatisfy { $0.enterpriseIndex < 100_000 })
        XCTAssert(Set(large.parcels.map(\.subArea)).isSubset(of: Set(Self.subAreas)))
        // twenty SIP-sized districts, five to a row: 0.8° of longitude, 0.44° of latitude
        let lons = large.parcels.flatMap { $0.boundary.map(\.longitude) }, lats = large.parcels.flatMap { $0.boundary.map(\.latitude) }
        XCTAssert(lons.min()! >= 120.64 && lons.max()! <= 121.44 && lats.min()! >= 31.25 && lats.max()! <= 31.69)
        XCTAssertEqual(Self.overlaps(large.parcels), 0)
        // SIP's own land is unchanged by the districts (same seed, same first parcels)
        XCTAssertEqual(Self.sip.parcels.count, 1_500)
    }

    static func overlaps(_ parcels: [Parcel]) -> Int {
        let boxes = parcels.map { p in
            (w: p.boundary.map(\.longitude).min()!, e: p.boundary.map(\.longitude).max()!,
             s: p.boundary.map(\.latitude).min()!, n: p.boundary.map(\.latitude).max()!)
        }.sorted { $0.w < $1.w }
        var overlaps = 0
        for i in boxes.indices {
            var j = i + 1
            while j < boxes.count && boxes[j].w < boxes[i].e {
                if boxes[j].s < boxes[i].n && boxes[i].s < boxes[j].n { overlaps += 1 }
                j += 1
            }
        }
        return overlaps
    }

    func testPolygonsLieInsideTheExtentWithoutOverlapping() throws {
        for land in [Self.sip, Self.small] {
            for p in land.parcels {
                try Geodesy.validateRing(p.boundary)
                for point in p.boundary {
                    XCTAssert((31.25...31.36).contains(point.latitude) && (120.64...120.80).contains(point.longitude), p.code)
                }
                XCTAssert((20...300).contains(p.computedAreaMu), "\(p.code): \(p.computedAreaMu) mu")
            }
            // Bounding boxes, swept west to east: none may overlap another.
            XCTAssertEqual(Self.overlaps(land.parcels), 0)
        }
    }

    func testParcelAttributes() throws {
        let parcels = Self.sip.parcels
        let landUses = Set(LandUseClass.defaults.map(\.code))
        for p in parcels { try p.validate(landUses: landUses) }
        XCTAssertEqual(Set(parcels.map(\.code)).count, parcels.count)
        XCTAssert(parcels.allSatisfy { $0.code.range(of: #"^SIP-20\d{2}-\d{4}$"#, options: .regularExpression) != nil })
        XCTAssertEqual(Set(parcels.map(\.subArea)), Set(Self.subAreas))
        XCTAssertGreaterThan(parcels.filter { $0.landUse == "industrial" }.count, parcels.count * 6 / 10)
        XCTAssertEqual(Set(parcels.map(\.landUse)), ["industrial", "rnd", "warehousing", "commercial"])
        let mismatched = parcels.filter(\.hasAreaMismatch).count
        XCTAssert((15...90).contains(mismatched), "\(mismatched) parcels over the 1 % mismatch (about 3 % wanted)")
        for p in parcels where p.landUse == "industrial" {
            let c = p.planning
            XCTAssert((1.0...2.5).contains(c.plotRatioMin!) && (1.0...2.5).contains(c.plotRatioMax!), p.code)
            XCTAssertLessThanOrEqual(c.buildingDensityMax!, 0.6)
            XCTAssertGreaterThanOrEqual(c.greenRatioMin!, 0.1)
            XCTAssert((24...50).contains(c.heightLimitMetres!))
            XCTAssertLessThanOrEqual(c.officeShareMax!, 0.07)
        }
    }

    func testLeaseDatesAndRecordsFitTheirStates() throws {
        let t = Self.today
        for l in Self.sip.leases {
            let lease = l.lease, state = lease.state
            let parcel = Self.sip.parcels[l.parcelIndex]
            XCTAssertNotEqual(parcel.landUse, "commercial")
            XCTAssert((4...8).contains(lease.commitments.count))
            XCTAssertEqual(lease.commitments.reduce(0) { $0 + $1.weight }, 100)
            XCTAssertEqual(Set(lease.commitments.filter(\.mandatory).map(\.kind)), [.investmentIntensity, .productionStart, .taxPerMu])
            XCTAssert(l.reports.count <= 12 && zip(l.reports, l.reports.dropFirst()).allSatisfy { $0.year < $1.year })
            XCTAssert(l.reports.allSatisfy { $0.productionStartDate != nil || ($0.taxPaidYuan == 0 && $0.revenueYuan == 0) })
            XCTAssert(l.reports.allSatisfy { $0.year < t.year })
            guard let contract = lease.contract else {
                XCTAssert([.auctioned, .confirmed, .lapsed].contains(state))
                XCTAssert(l.reports.isEmpty)
                XCTAssertEqual(lease.auction.confirmedOn != nil, state == .confirmed)
                if state == .auctioned { XCTAssertGreaterThan(lease.auction.date.adding(days: 5), t) }
                continue
            }
            try contract.validate(landUse: LandUseClass.defaults[0], auction: lease.auction)
            XCTAssert((t.year - 12...t.year).contains(contract.startDate.year))
            let end = contract.firstTermEnd
            let produced = l.reports.contains { $0.productionStartDate != nil }
            switch state {
            case .contracted, .underConstruction: XCTAssertFalse(produced)
            case .inProduction: XCTAssert(produced && contract.assessmentWindowOpens(months: 12) > t)
            case .assessmentDue: XCTAssert(end > t && end <= t.adding(months: 12))
            case .reclaimed, .expired: XCTAssertLessThanOrEqual(end, t)
            default: break
            }
            XCTAssertEqual(l.decision != nil, state == .extended || state == .reclaimed)
            XCTAssertEqual(l.assessedOn != nil, [.assessed, .extended, .reclaimed].contains(state))
            if let d = l.decision {
                XCTAssertLessThanOrEqual(d.decidedOn, t)
                XCTAssertEqual(d.kind == .reclaim, state == .reclaimed)
                XCTAssertEqual(lease.extensionYears, d.extensionYears)
                if state == .reclaimed { XCTAssertGreaterThan(d.compensationYuan ?? 0, 0) }
                try contract.validateExtension(extensionYears: d.extensionYears)
                if d.overrideReason.isEmpty {
                    let p = AssessmentEngine.assess(commitments: lease.commitments, reports: l.reports, areaMu: parcel.computedAreaMu,
                                                    asOf: l.assessedOn!, ruleset: .standard)
                    XCTAssertEqual(p.kind, d.kind)
                }
            }
        }
        XCTAssertGreaterThanOrEqual(Self.sip.leases.map(\.reports.count).max()!, 10)
    }

    func testAnchorEnterprisesHoldInterestingLeases() {
        for land in [Self.sip, Self.small] {
            XCTAssert(land.leases.contains { $0.enterpriseIndex == 0 && $0.lease.state == .assessmentDue })
            XCTAssert(land.leases.contains { $0.enterpriseIndex == 1 && $0.lease.state == .extended })
            XCTAssert(land.leases.contains { $0.enterpriseIndex == 1 && $0.lease.state == .inProduction })
        }
        XCTAssert(Self.small.leases.allSatisfy { (0..<200).contains($0.enterpriseIndex) })
    }

    func testAboutAQuarterOfAssessedLeasesFail() {
        // given the leases whose first term is ending or has ended, assessed as the demo does
        let due: Set<LeaseState> = [.assessmentDue, .assessed, .extended, .reclaimed, .expired]
        let assessed = Self.sip.leases.filter { due.contains($0.lease.state) }
        // when
        let proposals = assessed.map { l in
            AssessmentEngine.assess(commitments: l.lease.commitments, reports: l.reports,
                                    areaMu: Self.sip.parcels[l.parcelIndex].computedAreaMu,
                                    asOf: min(l.lease.contract!.assessmentWindowOpens(months: 6), Self.today), ruleset: .standard)
        }
        // then
        let share = Double(proposals.filter { $0.kind == .reclaim }.count) / Double(proposals.count)
        XCTAssert((0.15...0.30).contains(share), "reclaim share \(share)")
        XCTAssertEqual(Set(proposals.map(\.kind)), Set(ProposalKind.allCases))
    }
}
