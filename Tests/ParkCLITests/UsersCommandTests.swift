import Foundation
import ParkDomain
import ParkStore
import XCTest

final class UsersCommandTests: CLITestCase {
    func testAddListAndDisable() async throws {
        // given
        let file = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10"])
        try await parkos("enterprises", "import", "--db", dbPath, file)
        // when
        let added = try await parkos("users", "add", "--db", dbPath, "--username", "root", "--role", "admin",
                                     "--name", "管理员", "--password", "root-pass-123")
        try await parkos("users", "add", "--db", dbPath, "--username", "land-1", "--role", "officer",
                         "--department", "land", "--password", "land-pass-123")
        try await parkos("users", "add", "--db", dbPath, "--username", "firm-a", "--role", "enterprise",
                         "--enterprise", Self.code(1).value.lowercased(), "--password", "firm-pass-123")
        let disabled = try await parkos("users", "disable", "--db", dbPath, "land-1")
        let listed = try await parkos("users", "list", "--db", dbPath)
        // then
        XCTAssertTrue(added.hasPrefix("created admin root ("), added)
        XCTAssertEqual(disabled, "disabled land-1\n")
        let firmID = try await withStore { try await EnterpriseRepository(db: $0.db).find(creditCode: Self.code(1).value)?.id }
        XCTAssertEqual(listed, """
            username\trole\tdepartment\tposition\tenterprise\tstatus
            firm-a\tenterprise\t\tstaff\t\(try XCTUnwrap(firmID).uuidString)\tactive
            land-1\tofficer\tland\tstaff\t\tdisabled
            root\tadmin\t\tstaff\t\tactive

            """)
        let (root, land) = try await withStore { store in
            let accounts = AccountRepository(db: store.db)
            return (try await accounts.authenticate(username: "root", password: "root-pass-123"),
                    try await accounts.authenticate(username: "land-1", password: "land-pass-123"))
        }
        XCTAssertEqual(root?.displayName, "管理员")
        XCTAssertNil(land, "a disabled account cannot sign in")
    }

    func testInvalidAccountsAreRefusedWithExitCode1() async throws {
        // when / then
        let noDepartment = try await parkosFailing("users", "add", "--db", dbPath, "--username", "land-1", "--role", "officer",
                                               "--password", "land-pass-123")
        let unknownDepartment = try await parkosFailing("users", "add", "--db", dbPath, "--username", "land-1", "--role", "officer",
                                                    "--department", "nasa", "--password", "land-pass-123")
        let weak = try await parkosFailing("users", "add", "--db", dbPath, "--username", "root", "--role", "admin", "--password", "123")
        let unknownFirm = try await parkosFailing("users", "add", "--db", dbPath, "--username", "firm-a", "--role", "enterprise",
                                              "--enterprise", Self.code(9).value, "--password", "firm-pass-123")
        let unknownUser = try await parkosFailing("users", "disable", "--db", dbPath, "ghost")
        XCTAssertEqual([noDepartment, unknownDepartment, weak, unknownFirm, unknownUser].map(\.code), [1, 1, 1, 1, 1])
        XCTAssertEqual(unknownDepartment.output.stderr, "error: department: department 'nasa' does not exist\n")
        XCTAssertEqual(weak.output.stderr, "error: password: password must have at least 8 characters\n")
        let users = try await withStore { try await AccountRepository(db: $0.db).list() }
        XCTAssertEqual(users, [])
    }

    func testCLIWritesAreAuditedUnderTheOperator() async throws {
        // when
        try await parkos("users", "add", "--db", dbPath, "--username", "root", "--role", "admin", "--password", "root-pass-123")
        // then
        let entry = try await withStore { try await AuditLog(db: $0.db).recent(limit: 1).first }
        XCTAssertEqual(entry?.action, "create")
        XCTAssertEqual(entry?.entityType, "user")
        XCTAssertTrue(entry?.actorName.hasPrefix("cli:") == true)
    }
}
