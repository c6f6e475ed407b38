import Foundation
import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class AccountRepositoryTests: StoreTestCase {
    func newUser(_ username: String = "alice", password: String = "correct-horse", role: Role = .admin,
                 department: String? = nil, enterprise: UUID? = nil) -> AccountRepository.NewUser {
        .init(username: username, displayName: username.capitalized, password: password, role: role,
              departmentCode: department, enterpriseID: enterprise)
    }

    func testCreateValidatesUsernamePasswordDepartmentAndEnterprise() async throws {
        // given
        let cases: [(AccountRepository.NewUser, String, String)] = [
            (newUser("al"), "username", "invalid_username"),
            (newUser("alice smith"), "username", "invalid_username"),
            (newUser(password: "short"), "password", "weak_password"),
            (newUser(password: String(repeating: "x", count: 73)), "password", "too_long"),
            (newUser(role: .officer), "department", "required"),
            (newUser(role: .officer, department: "nasa"), "department", "unknown_department"),
            (newUser(role: .enterprise), "enterprise", "required"),
        ]
        for (input, field, code) in cases {
            // when
            let error = await domainError { _ = try await self.accounts.create(input, by: self.admin) }
            // then
            XCTAssertEqual(error?.field, field, "\(input.username) / \(input.role)")
            XCTAssertEqual(error?.code, code, "\(input.username) / \(input.role)")
        }
        let unknownFirm = await domainError { _ = try await self.accounts.create(self.newUser(role: .enterprise, enterprise: UUID()), by: self.admin) }
        XCTAssertEqual(unknownFirm?.kind, .notFound)
        await assertEqual(try await accounts.list(), [])
        await assertEqual(try await auditCount(), 0)
    }

    func testPositionsAreForOfficersAndTravelWithTheSession() async throws {
        // given
        var head = newUser("invest-head", role: .officer, department: "invest")
        head.position = .head
        var firmLeader = newUser("firm-boss", role: .admin)
        firmLeader.position = .leader
        // when
        let created = try await accounts.create(head, by: admin)
        let refused = await domainError { _ = try await self.accounts.create(firmLeader, by: self.admin) }
        let token = try await accounts.issueToken(for: created, kind: "api")
        let resolved = try await accounts.resolve(token: token.token)
        // then
        XCTAssertEqual(refused?.field, "position")
        XCTAssertEqual(resolved?.user.position, .head)
        let principal = Principal(try XCTUnwrap(resolved?.user))
        XCTAssertTrue(principal.isHead(of: "invest"))
        XCTAssertFalse(principal.isHead(of: "land"))
        XCTAssertFalse(principal.isLeadership)
        // when an admin makes the head staff again
        try await accounts.setPosition(created.id, .staff, by: admin)
        // then
        await assertEqual(try await accounts.find(created.id)?.position, .staff)
        let other = try await accounts.create(newUser("land-1", role: .officer, department: "land"), by: admin)
        let notAdmin = await domainError { try await self.accounts.setPosition(other.id, .leader, by: principal) }
        XCTAssertEqual(notAdmin?.kind, .forbidden)
    }

    func testCreateKeepsOnlyTheScopeOfTheRole() async throws {
        // given
        let firm = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        // when
        let officer = try await accounts.create(newUser("land-1", role: .officer, department: "land"), by: admin)
        let user = try await accounts.create(newUser("firm-a", role: .enterprise, enterprise: firm.id), by: admin)
        // then
        XCTAssertEqual(officer.departmentCode, "land")
        XCTAssertNil(officer.enterpriseID)
        XCTAssertEqual(user.enterpriseID, firm.id)
        XCTAssertNil(user.departmentCode)
        await assertEqual(try await accounts.list().map(\.username), ["firm-a", "land-1"])
        await assertEqual(try await accounts.find(username: "land-1"), officer)
    }

    func testDuplicateUsernameAndNonAdminsAreRefused() async throws {
        // given
        _ = try await accounts.create(newUser(), by: admin)
        // when
        let duplicate = await domainError { _ = try await self.accounts.create(self.newUser(), by: self.admin) }
        let byOfficer = await domainError { _ = try await self.accounts.create(self.newUser("bob"), by: self.officer) }
        // then
        XCTAssertEqual(duplicate?.kind, .conflict)
        XCTAssertEqual(duplicate?.field, "username")
        XCTAssertEqual(byOfficer?.kind, .forbidden)
        await assertEqual(try await accounts.list().count, 1)
    }

    func testAuthenticate() async throws {
        // given
        let alice = try await accounts.create(newUser(), by: admin)
        let bob = try await accounts.create(newUser("bob"), by: admin)
        try await accounts.setDisabled(bob.id, true, by: admin)
        // when
        let right = try await accounts.authenticate(username: "alice", password: "correct-horse")
        let wrong = try await accounts.authenticate(username: "alice", password: "correct-horsE")
        let unknown = try await accounts.authenticate(username: "nobody", password: "correct-horse")
        let disabled = try await accounts.authenticate(username: "bob", password: "correct-horse")
        // then
        XCTAssertEqual(right, alice)
        XCTAssertNil(wrong)
        XCTAssertNil(unknown)
        XCTAssertNil(disabled)
    }

    func testTokensIssueResolveExpireAndRevoke() async throws {
        // given
        let alice = try await accounts.create(newUser(), by: admin)
        // when
        let issued = try await accounts.issueToken(for: alice, kind: "api")
        // then
        XCTAssertEqual(issued.token.count, 64)
        XCTAssertEqual(issued.expiresAtMillis, clock.millis + 12 * 3600 * 1000)
        let resolved = try await accounts.resolve(token: issued.token)
        XCTAssertEqual(resolved?.user, alice)
        XCTAssertEqual(resolved?.csrfToken, issued.csrfToken)
        await assertNil(try await accounts.resolve(token: String(repeating: "0", count: 64)))
        await assertNil(try await accounts.resolve(token: "short"))

        // when time passes
        func at(_ seconds: TimeInterval) -> AccountRepository {
            AccountRepository(db: db, clock: .fixed(TestDatabase.now.addingTimeInterval(seconds)), bcryptCost: 4)
        }
        // then the token lives 12 hours
        await assertNotNil(try await at(12 * 3600 - 1).resolve(token: issued.token))
        await assertNil(try await at(12 * 3600).resolve(token: issued.token))
        await assertNil(try await at(13 * 3600).resolve(token: issued.token))

        // when revoked
        let other = try await accounts.issueToken(for: alice, kind: "console")
        try await accounts.revoke(token: issued.token)
        // then only that token is gone
        await assertNil(try await accounts.resolve(token: issued.token))
        await assertNotNil(try await accounts.resolve(token: other.token))
    }

    func testSetPasswordRevokesSessionsAndChangesTheLogin() async throws {
        // given
        let alice = try await accounts.create(newUser(), by: admin)
        let t1 = try await accounts.issueToken(for: alice, kind: "api")
        let t2 = try await accounts.issueToken(for: alice, kind: "console")
        // when
        let withoutCurrent = await domainError { try await self.accounts.setPassword(alice.id, to: "new-password-2", by: Principal(alice)) }
        try await accounts.setPassword(alice.id, to: "new-password-2", current: "correct-horse", by: Principal(alice))
        // then
        XCTAssertEqual(withoutCurrent?.code, "current_password_required", "one's own password needs the current one")
        await assertNil(try await accounts.resolve(token: t1.token))
        await assertNil(try await accounts.resolve(token: t2.token))
        await assertNil(try await accounts.authenticate(username: "alice", password: "correct-horse"))
        await assertEqual(try await accounts.authenticate(username: "alice", password: "new-password-2"), alice)
    }

    func testSetPasswordOfSomeoneElseNeedsAnAdminAndAWeakPasswordIsRefused() async throws {
        // given
        let alice = try await accounts.create(newUser(), by: admin)
        let bob = try await accounts.create(newUser("bob", role: .officer, department: "tax"), by: admin)
        // when
        let byBob = await domainError { try await self.accounts.setPassword(alice.id, to: "bobs-choice-1", by: Principal(bob)) }
        let weak = await domainError { try await self.accounts.setPassword(alice.id, to: "1234", by: self.admin) }
        // then
        XCTAssertEqual(byBob?.kind, .forbidden)
        XCTAssertEqual(weak?.code, "weak_password")
        await assertEqual(try await accounts.authenticate(username: "alice", password: "correct-horse"), alice)
    }

    func testDisablingRevokesSessionsButNotOneself() async throws {
        // given
        let alice = try await accounts.create(newUser(), by: admin)
        let token = try await accounts.issueToken(for: alice, kind: "api")
        // when
        let selfDisable = await domainError { try await self.accounts.setDisabled(alice.id, true, by: Principal(alice)) }
        try await accounts.setDisabled(alice.id, true, by: admin)
        // then
        XCTAssertEqual(selfDisable?.code, "self_disable")
        await assertNil(try await accounts.resolve(token: token.token))
        await assertEqual(try await accounts.find(alice.id)?.disabled, true)
    }
}
