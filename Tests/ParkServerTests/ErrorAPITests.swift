import Foundation
import ParkDomain
import XCTVapor
import ParkTestSupport

final class ErrorAPITests: ServerTestCase {
    var token: String!

    override func setUp() async throws {
        try await super.setUp()
        try await seedUser("land-1", role: .officer, department: "land")
        token = try await self.token("land-1")
    }

    func testMalformedJSONIs400WithACode() async throws {
        // when
        let res = try await send(.POST, "/api/v1/enterprises", token: token, json: #"{"credit_code": "#)
        // then
        XCTAssertEqual(res.status, .badRequest, res.body.string)
        XCTAssertEqual(try problem(res).code, "invalid_value")
        await assertEqual(try await app.park.enterprises.count(), 0)
    }

    func testMissingFieldIs400NamingTheField() async throws {
        // given no name_zh
        let body = #"{"credit_code":"\#(Self.code(1).value)","name_en":"Alpha","industry_code":"27"}"#
        // when
        let res = try await send(.POST, "/api/v1/enterprises", token: token, json: body)
        // then
        XCTAssertEqual(res.status, .badRequest, res.body.string)
        let p = try problem(res)
        XCTAssertEqual(p.code, "required")
        XCTAssertEqual(p.field, "name_zh")
    }

    func testBadCreditCodeNamesTheFieldAndTheExpectedCheckCharacter() async throws {
        // given a valid code with its check character replaced
        let valid = Self.code(1).value
        let expected = valid.last!
        let wrong: Character = expected == "0" ? "1" : "0"
        let body = Self.enterpriseJSON(1, zh: "甲", en: "A").replacingOccurrences(of: valid, with: valid.dropLast() + String(wrong))
        // when
        let zh = try await send(.POST, "/api/v1/enterprises", token: token, json: body)
        var english = HTTPHeaders()
        english.add(name: .acceptLanguage, value: "en-GB,en;q=0.9")
        let en = try await send(.POST, "/api/v1/enterprises", token: token, json: body, headers: english)
        // then
        XCTAssertEqual(zh.status, .badRequest)
        let pz = try problem(zh), pe = try problem(en)
        XCTAssertEqual(pz.field, "credit_code")
        XCTAssertEqual(pz.code, "credit_code_check")
        XCTAssertEqual(pz.message, "统一社会信用代码校验位为“\(wrong)”，应为“\(expected)”")
        XCTAssertEqual(pe.message, "credit code check character is '\(wrong)', expected '\(expected)'")
    }

    func testUnknownAPIRouteIs404JSON() async throws {
        // when
        let res = try await send(.GET, "/api/v1/no-such-thing", token: token)
        let anonymous = try await send(.POST, "/api/v2/enterprises")
        // then
        XCTAssertEqual(res.status, .notFound)
        XCTAssertEqual(try problem(res).code, "not_found")
        XCTAssertEqual(anonymous.status, .notFound)
        XCTAssertEqual(try problem(anonymous).code, "not_found")
    }

    func testMessagesFollowAcceptLanguage() async throws {
        // given
        let bad = #"{"username":"land-1","password":"nope-nope"}"#
        var en = HTTPHeaders()
        en.add(name: .acceptLanguage, value: "en-US,en;q=0.8")
        var zhFirst = HTTPHeaders()
        zhFirst.add(name: .acceptLanguage, value: "zh-CN,zh;q=0.9,en;q=0.8")
        // when
        let english = try await send(.POST, "/api/v1/auth/token", json: bad, headers: en)
        let chinese = try await send(.POST, "/api/v1/auth/token", json: bad, headers: zhFirst)
        let defaulted = try await send(.POST, "/api/v1/auth/token", json: bad)
        // then
        XCTAssertEqual(try problem(english).message, "wrong username or password, or the account is disabled")
        XCTAssertEqual(try problem(chinese).message, "用户名或密码错误，或账号已停用")
        XCTAssertEqual(try problem(defaulted).message, "用户名或密码错误，或账号已停用")
    }

    func testDomainValidationNamesTheField() async throws {
        // when
        let res = try await send(.POST, "/api/v1/enterprises", token: token,
                                 json: Self.enterpriseJSON(1, zh: "甲", en: "A", extra: #","origin_country":"XX","ownership":"foreign""#))
        // then
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try problem(res).field, "origin_country")
        XCTAssertEqual(try problem(res).code, "unknown_country")
    }
}
