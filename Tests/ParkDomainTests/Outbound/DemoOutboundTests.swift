import Foundation
import ParkDomain
import XCTest

final class DemoOutboundTests: XCTestCase {
    func testTheDemoHasThePlatformsPublishedCounts() {
        // given
        let demo = DemoOutbound.generate(seed: 7, today: LocalDate(iso: "2025-06-01")!)
        let june2020 = LocalDate(iso: "2020-06-30")!, h1 = LocalDate(iso: "2020-01-01")!
        // when
        let counted = demo.projects.filter { $0.stage != .abandoned && ($0.agreedOn.map { $0 <= june2020 } ?? false) }
        let br = counted.filter { DemoOutbound.beltAndRoadCountries.contains($0.countryCode) }
        let inH1 = counted.filter { $0.agreedOn! >= h1 }
        // then
        XCTAssertEqual(Set(counted.map(\.firmIndex)).count, 309)
        XCTAssertEqual(Set(counted.map(\.countryCode)).count, 53)
        XCTAssertEqual(counted.count, DemoOutbound.historicProjects)
        XCTAssertEqual(Set(br.map(\.firmIndex)).count, 148)
        XCTAssertEqual(br.count, 179)
        XCTAssertEqual(Set(br.map(\.countryCode)).count, 22)
        XCTAssertEqual(inH1.count, 27)
        XCTAssertEqual(counted.filter { $0.balancesWindow != nil }.count, 2)
        XCTAssertEqual(demo.projects[0].firmIndex, 0)
        XCTAssertEqual(demo.projects[0].countryCode, "MM")
        XCTAssertTrue(counted.allSatisfy { $0.equityBasisPoints >= 1_000 })
        // and every filing state has a project behind it among the recent ones
        let scripts = demo.projects.map(\.filings)
        XCTAssertTrue(scripts.contains(.lapsed))
        XCTAssertTrue(scripts.contains(.refused))
        XCTAssertEqual(DemoOutbound.index(of: DemoOutbound.indexID(300)), 300)
    }
}
