import Foundation
import ParkDomain
import XCTVapor
import ParkTestSupport

final class AuthAPITests: ServerTestCase {
    func testTokenFlowAndMe() async throws {
        // given
        let officer = try await seedUser("land-1", role: .officer, department: "land")
        // when
        let res = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"land-1","password":"\#(Self.password)"}"#)
        // then
        XCTAssertEqual(res.status, .ok)
        struct Issued: Decodable { var token: String; var expiresAt: String; var user: UserJSON }
        let issued = try decode(Issued.self, res)
        XCTAssertEqual(issued.token.count, 64)
        XCTAssertEqual(issued.expiresAt, "2025-06-01T12:00:00Z", "12 hours after the pinned clock")
        XCTAssertEqual(issued.user.username, "land-1")
        XCTAssertEqual(issued.user.role, "officer")
        let me = try await send(.GET, "/api/v1/me", token: issued.token)
        XCTAssertEqual(me.status, .ok)
        XCTAssertEqual(try decode(UserJSON.self, me).id, officer.id.uuidString)
    }

    func testWrongPasswordIs401WithCodeMessageAndField() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        // when
        let res = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"land-1","password":"nope-nope"}"#)
        let unknown = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"ghost","password":"nope-nope"}"#)
        // then
        XCTAssertEqual(res.status, .unauthorized)
        XCTAssertEqual(try problem(res), ProblemJSON(code: "bad_credentials", message: "用户名或密码错误，或账号已停用", field: "password"))
        XCTAssertEqual(unknown.status, .unauthorized)
        XCTAssertEqual(try problem(unknown), try problem(res), "an unknown user gets the same answer")
    }

    func testSixthBadAttemptIsRateLimited() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let bad = #"{"username":"land-1","password":"guess-guess"}"#
        // when
        var statuses: [UInt] = []
        for _ in 1...5 { statuses.append(try await send(.POST, "/api/v1/auth/token", json: bad).status.code) }
        let sixth = try await send(.POST, "/api/v1/auth/token", json: bad)
        let rightButLimited = try await send(.POST, "/api/v1/auth/token",
                                             json: #"{"username":"land-1","password":"\#(Self.password)"}"#)
        // then
        XCTAssertEqual(statuses, [401, 401, 401, 401, 401])
        XCTAssertEqual(sixth.status, .tooManyRequests)
        XCTAssertEqual(try problem(sixth).code, "too_many_attempts")
        XCTAssertEqual(rightButLimited.status, .tooManyRequests, "the limit holds even for the right password")
    }

    func testLogoutRevokesTheToken() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let token = try await self.token("land-1")
        // when
        let out = try await send(.POST, "/api/v1/auth/logout", token: token)
        let after = try await send(.GET, "/api/v1/me", token: token)
        // then
        XCTAssertEqual(out.status, .noContent)
        XCTAssertEqual(after.status, .unauthorized)
        XCTAssertEqual(try problem(after).code, "unauthenticated")
    }

    func testMissingOrForgedTokenIs401() async throws {
        // when
        let none = try await send(.GET, "/api/v1/me")
        let forged = try await send(.GET, "/api/v1/me", token: String(repeating: "a", count: 64))
        // then
        XCTAssertEqual(none.status, .unauthorized)
        XCTAssertEqual(forged.status, .unauthorized)
        XCTAssertEqual(try problem(none).code, "unauthenticated")
    }

    func testDisabledUsersTokenStopsWorking() async throws {
        // given
        let user = try await seedUser("land-1", role: .officer, department: "land")
        let token = try await self.token("land-1")
        // when
        try await app.park.accounts.setDisabled(user.id, true, by: system)
        // then
        await assertEqual(try await send(.GET, "/api/v1/me", token: token).status, .unauthorized)
    }

    func testAPITokensAndConsoleSessionsAreNotInterchangeable() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let token = try await self.token("land-1")
        // when the API token is sent as the console cookie, and as a bearer token to the console
        var cookie = HTTPHeaders()
        cookie.add(name: .cookie, value: "parkos_session=\(token)")
        let asCookieToAPI = try await send(.GET, "/api/v1/me", headers: cookie)
        let asBearerToConsole = try await send(.GET, "/enterprises", token: token)
        // then
        XCTAssertEqual(asCookieToAPI.status, .unauthorized)
        XCTAssertEqual(asBearerToConsole.status, .seeOther)
    }
}
