import XCTest
@testable import ParkDomain

final class PolicyFactTextTests: XCTestCase {
    let catalogue = PolicyFactCatalogue.builtIn

    func testSuppliedFactsParseExactlyAndRoundTrip() throws {
        let fdi = try XCTUnwrap(catalogue["utilised_fdi_usd"])
        XCTAssertEqual(try PolicyFactText.parse("12,345,678.91", fact: fdi), .quantity(micro: 12_345_678_910_000))
        XCTAssertEqual(PolicyFactText.text(.quantity(micro: 12_345_678_910_000), fact: fdi), "12345678.91")
        XCTAssertEqual(PolicyFactText.text(.quantity(micro: 5_000_000), fact: fdi), "5.00")
        let certs = try XCTUnwrap(catalogue["certifications"])
        XCTAssertEqual(try PolicyFactText.parse("high_tech; srdi", fact: certs), .codes(["high_tech", "srdi"]))
        let tier = try XCTUnwrap(catalogue["hq_tier"])
        XCTAssertEqual(try PolicyFactText.parse("asia_pacific", fact: tier), .code("asia_pacific"))
        for f in PolicyFactText.supplied { XCTAssertNotNil(catalogue[f], f) }
    }

    func testBadValuesAreRefusedNamingTheFact() {
        let fdi = catalogue["utilised_fdi_usd"]!
        for bad in ["12.345", "1e6", "abc", "", "1.2.3"] {
            XCTAssertThrowsError(try PolicyFactText.parse(bad, fact: fdi), bad) { e in
                XCTAssertEqual((e as? DomainError)?.field, "utilised_fdi_usd")
            }
        }
        XCTAssertThrowsError(try PolicyFactText.parse("galactic", fact: catalogue["hq_tier"]!)) { e in
            XCTAssertTrue((e as! DomainError).message.en.contains("must be one of global"), (e as! DomainError).message.en)
        }
        XCTAssertThrowsError(try PolicyFactText.parse("high_tech;bogus", fact: catalogue["certifications"]!))
    }
}
