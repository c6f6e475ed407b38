import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

extension Role: ExpressibleByArgument {}
extension Position: ExpressibleByArgument {}

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "users", abstract: "Manage user accounts.",
                                                    subcommands: [Add.self, List.self, SetPassword.self, Disable.self])

    /// Reads the password from `--password`, or from standard input with `--password-stdin`.
    struct PasswordInput: ParsableArguments {
        @Option(help: "The password (prefer --password-stdin: arguments show up in process lists).") var password: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.") var passwordStdin = false

        func read() throws(DomainError) -> String {
            if passwordStdin { return readLine(strippingNewline: true) ?? "" }
            guard let password else { throw DomainError.required("password") }
            return password
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Login name.") var username: String
        @Option(help: "admin, officer or enterprise.") var role: Role
        @Option(help: "Display name.") var name: String = ""
        @Option(help: "Department code (officers), e.g. land, econ, invest.") var department: String?
        @Option(help: "Credit code of the user's enterprise (enterprise users).") var enterprise: String?
        @Option(help: "Officers: staff, head (of the department) or leader (park leadership).") var position: Position = .staff
        @OptionGroup var secret: PasswordInput

        func run() async throws {
            try await CLI.run {
                let password = try secret.read()
                try await database.withStore { store in
                    var enterpriseID: UUID?
                    if let code = enterprise {
                        let cc = try CreditCode(code)
                        guard let e = try await EnterpriseRepository(db: store.db).find(creditCode: cc.value) else {
                            throw DomainError.notFound("enterprise", id: cc.value)
                        }
                        enterpriseID = e.id
                    }
                    let user = try await AccountRepository(db: store.db).create(
                        .init(username: username, displayName: name, password: password, role: role,
                              departmentCode: department, enterpriseID: enterpriseID, position: position), by: CLI.operatorPrincipal)
                    print("created \(user.role.rawValue) \(user.username) (\(user.id))")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            try await CLI.run {
                try await database.withStore { store in
                    print("username\trole\tdepartment\tposition\tenterprise\tstatus")
                    for u in try await AccountRepository(db: store.db).list() {
                        print([u.username, u.role.rawValue, u.departmentCode ?? "", u.position.rawValue, u.enterpriseID?.uuidString ?? "",
                               u.disabled ? "disabled" : "active"].joined(separator: "\t"))
                    }
                }
            }
        }
    }

    static func find(_ username: String, in store: StoreRuntime) async throws -> UserAccount {
        guard let u = try await AccountRepository(db: store.db).find(username: username) else {
            throw DomainError.notFound("user", id: username)
        }
        return u
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-password", abstract: "Set an account's password (signs it out everywhere).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name.") var username: String
        @OptionGroup var secret: PasswordInput
        func run() async throws {
            try await CLI.run {
                let password = try secret.read()
                try await database.withStore { store in
                    let u = try await UsersCommand.find(username, in: store)
                    try await AccountRepository(db: store.db).setPassword(u.id, to: password, by: CLI.operatorPrincipal)
                    print("password set for \(username)")
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account (signs it out everywhere).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name.") var username: String
        func run() async throws {
            try await CLI.run {
                try await database.withStore { store in
                    let u = try await UsersCommand.find(username, in: store)
                    try await AccountRepository(db: store.db).setDisabled(u.id, true, by: CLI.operatorPrincipal)
                    print("disabled \(username)")
                }
            }
        }
    }
}
