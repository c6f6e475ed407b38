import Foundation
import ParkDomain
import XCTVapor
import ParkTestSupport

final class ImportAPITests: ServerTestCase {
    var officer: String!

    override func setUp() async throws {
        try await super.setUp()
        try await seedUser("land-1", role: .officer, department: "land")
        officer = try await token("land-1")
    }

    func upload(_ bytes: [UInt8], query: String = "") async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv")
        return try await send(.POST, "/api/v1/enterprises/import" + query, token: officer,
                              body: ByteBuffer(bytes: bytes), headers: headers)
    }

    func csv(_ rows: [String]) -> [UInt8] {
        Array((["credit_code,name_zh,name_en,industry_code,employees"] + rows).joined(separator: "\n").utf8)
    }

    func testAGoodFileIsImported() async throws {
        // when
        let res = try await upload(csv(["\(Self.code(1).value),甲公司,Alpha,27,10", "\(Self.code(2).value),乙公司,Beta,C39,"]))
        // then
        XCTAssertEqual(res.status, .ok, res.body.string)
        let report = try decode(ImportReportJSON.self, res)
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(report.imported, 2)
        XCTAssertEqual(report.encoding, "utf8")
        XCTAssertEqual(report.errors.count, 0)
        await assertEqual(try await app.park.enterprises.count(), 2)
        await assertEqual(try await app.park.audit.recent().count, 3, "two enterprises and the officer's account")
    }

    func testDryRunWritesNothing() async throws {
        // when
        let res = try await upload(csv(["\(Self.code(1).value),甲公司,Alpha,27,10"]), query: "?dry_run=true")
        // then
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try decode(ImportReportJSON.self, res).dryRun, true)
        await assertEqual(try await app.park.enterprises.count(), 0)
    }

    func testABadFileIs422WithRowErrorsAndWritesNothing() async throws {
        // when
        let res = try await upload(csv(["\(Self.code(1).value),甲公司,Alpha,27,10",
                                        "\(Self.code(2).value),乙公司,Beta,27,lots",
                                        "\(Self.code(3).value),,Gamma,27,"]))
        // then
        XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
        let report = try decode(ImportReportJSON.self, res)
        XCTAssertEqual(report.imported, 0)
        XCTAssertEqual(report.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" },
                       ["3|employees|invalid_integer", "4|name_zh|required"])
        XCTAssertEqual(report.errors.first?.message, "employees 应为整数，实际为“lots”")
        await assertEqual(try await app.park.enterprises.count(), 0)
    }

    func testAFileOverTenMiBIs413() async throws {
        // given
        let big = csv([]) + Array(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        // when
        let res = try await upload(big)
        // then
        XCTAssertEqual(res.status, .payloadTooLarge, String(res.body.string.prefix(300)))
        XCTAssertEqual(try problem(res).code, "too_large")
        await assertEqual(try await app.park.enterprises.count(), 0)
    }

    func testAGBKFileIsAccepted() async throws {
        // given 苏州工业园区有限公司 in GBK, built by hand (Foundation on Linux has no GBK encoder)
        let name: [UInt8] = [0xCB, 0xD5, 0xD6, 0xDD, 0xB9, 0xA4, 0xD2, 0xB5, 0xD4, 0xB0, 0xC7, 0xF8, 0xD3, 0xD0, 0xCF, 0xDE, 0xB9, 0xAB, 0xCB, 0xBE]
        let bytes = Array("credit_code,name_zh,name_en,industry_code\n\(Self.code(1).value),".utf8) + name + Array(",SIP Co,27\n".utf8)
        // when
        let res = try await upload(bytes)
        // then
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try decode(ImportReportJSON.self, res).encoding, "gb18030")
        await assertEqual(try await app.park.enterprises.find(creditCode: Self.code(1).value)?.nameZh, "苏州工业园区有限公司")
    }

    func testEnterpriseUsersMayNotImport() async throws {
        // given
        let a = try await seedEnterprise(9, zh: "甲", en: "A")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        officer = try await token("firm-a")
        // when
        let res = try await upload(csv(["\(Self.code(1).value),甲公司,Alpha,27,10"]))
        // then
        XCTAssertEqual(res.status, .forbidden)
        await assertEqual(try await app.park.enterprises.count(), 1)
    }
}
