import ParkDomain
import ParkStore
import Vapor

/// Account administration (admins): list, create, disable/enable, set a password.
enum UserPages {
    struct Model {
        var users: [UserAccount]
        var departments: [Department]
        var enterpriseNames: [UUID: Bilingual]
        var me: UUID?
        var notice: Notice?

        static func load(notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let users = try await ctx.park.accounts.list()
            return Model(users: users, departments: try await ctx.park.reference.departments(),
                         enterpriseNames: try await ctx.park.enterprises.names(Set(users.compactMap(\.enterpriseID))),
                         me: try ctx.user().userID, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language
            let deptNames = Dictionary(uniqueKeysWithValues: m.departments.map { ($0.code, $0.name.text(lang)) })
            let csrf = Markup.csrfField(ctx.csrf)
            let rows = m.users.map { u -> HTML in
                let firm = u.enterpriseID.map { id in m.enterpriseNames[id].map { Names.enterprise(zh: $0.zh, en: $0.en, lang) } ?? id.uuidString }
                let scope = u.departmentCode.map { deptNames[$0] ?? $0 } ?? firm ?? "—"
                let toggle: HTML = u.disabled
                    ? "<form method=\"post\" action=\"\(ConsoleURL.admin(.enableUser(.value(u.id))))\" class=\"inline\">\(csrf)<button class=\"btn small ghost\">\(ConsoleText.enable(lang))</button></form>"
                    : "<form method=\"post\" action=\"\(ConsoleURL.admin(.disableUser(.value(u.id))))\" class=\"inline\">\(csrf)<button class=\"btn small danger\">\(ConsoleText.disable(lang))</button></form>"
                let current: HTML = u.id == m.me
                    ? "<input type=\"password\" name=\"current_password\" placeholder=\"\(ConsoleText.currentPassword(lang))\" maxlength=\"200\" required autocomplete=\"current-password\"> " : .empty
                return """
                <tr><td class="mono">\(u.username)</td><td>\(u.displayName)</td><td>\(u.role.label.text(lang))\(u.position == .staff ? HTML.empty : " · \(u.position.label.text(lang))")</td><td>\(scope)</td>
                <td>\(u.disabled ? Markup.badge(ConsoleText.disabled(lang), kind: "off") : Markup.badge(ConsoleText.active(lang), kind: "rd"))</td>
                <td>\(toggle)
                <form method="post" action="\(ConsoleURL.admin(.setPassword(.value(u.id))))" class="inline">\(csrf)\(current)<input type="password" name="password" placeholder="\(ConsoleText.newPassword(lang))" minlength="8" maxlength="72" required autocomplete="new-password"> <button class="btn small ghost">\(ConsoleText.setPassword(lang))</button></form></td></tr>
                """
            }
            let body: HTML = """
            <h1>\(ConsoleText.usersTitle(lang))</h1>\(m.notice.html)
            <section class="card"><h2>\(ConsoleText.createUser(lang))</h2>
            <form method="post" action="\(ConsoleURL.admin(.createUser))" class="filters">\(csrf)
            <label>\(ConsoleText.username(lang))<input name="username" required maxlength="64"></label>
            <label>\(ConsoleText.displayName(lang))<input name="display_name" maxlength="100"></label>
            <label>\(ConsoleText.password(lang))<input type="password" name="password" required minlength="8" maxlength="72"></label>
            <label>\(ConsoleText.role(lang))<select name="role">\(Role.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: "officer") })</select></label>
            <label>\(ConsoleText.department(lang))<select name="department">\(Markup.option("", "—", selected: nil))\(m.departments.map { Markup.option($0.code, $0.name.text(lang), selected: nil) })</select></label>
            <label>\(ConsoleText.position(lang))<select name="position">\(Position.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: "staff") })</select></label>
            <label>\(ConsoleText.enterprise(lang)) (\(ConsoleText.creditCode(lang)))<input name="enterprise_code" maxlength="18" class="mono"></label>
            <button class="btn">\(ConsoleText.createUser(lang))</button></form></section>
            <section class="card flush"><table><thead><tr><th>\(ConsoleText.username(lang))</th><th>\(ConsoleText.displayName(lang))</th><th>\(ConsoleText.role(lang))</th>
            <th>\(ConsoleText.department(lang)) / \(ConsoleText.enterprise(lang))</th><th>\(ConsoleText.status(lang))</th><th>\(ConsoleText.actions(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
            return ConsolePage(title: ConsoleText.usersTitle(lang), section: .users, body: body, status: status)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.admin(.users)) { ctx, _ in View.render(try await Model.load(on: ctx), ctx) }
        router.on(.admin(.createUser)) { req in try await outcome(req) { ctx in try await create(req, ctx) } }
        router.on(.admin(.disableUser(.key))) { req in
            try await outcome(req) { ctx in
                try await ctx.park.accounts.setDisabled(try req.pathID(), true, by: try ctx.user())
                return ConsoleText.accountDisabled(ctx.language)
            }
        }
        router.on(.admin(.enableUser(.key))) { req in
            try await outcome(req) { ctx in
                try await ctx.park.accounts.setDisabled(try req.pathID(), false, by: try ctx.user())
                return ConsoleText.accountEnabled(ctx.language)
            }
        }
        router.on(.admin(.setPassword(.key))) { req in
            try await outcome(req) { ctx in
                let f = try req.form(PasswordForm.self)
                try await ctx.park.accounts.setPassword(try req.pathID(), to: f.password ?? "", current: f.current_password, by: try ctx.user())
                return ConsoleText.passwordSet(ctx.language)
            }
        }
    }

    struct NewUserForm: Content {
        var username: String?; var display_name: String?; var password: String?; var role: String?
        var department: String?; var enterprise_code: String?; var position: String?
    }

    struct PasswordForm: Content { var password: String?; var current_password: String? }

    /// Runs an admin action and shows the list again with the outcome (errors as a notice, 4xx).
    static func outcome(_ req: Request, _ action: (PageContext) async throws -> String) async throws -> Response {
        let ctx = PageContext(req)
        do {
            let done = Notice(ok: true, text: try await action(ctx))
            return View.render(try await Model.load(notice: done, on: ctx), ctx).response(ctx)
        } catch let e as DomainError where e.kind != .forbidden {
            return View.render(try await Model.load(notice: .refusal(e, ctx.language), on: ctx), ctx, status: Problem.status(of: e.kind)).response(ctx)
        }
    }

    static func create(_ req: Request, _ ctx: PageContext) async throws -> String {
        let f = try req.form(NewUserForm.self)
        guard let role = Role(rawValue: f.role ?? "") else { throw DomainError.required("role") }
        var enterpriseID: UUID?
        if role == .enterprise {
            let code = try CreditCode(f.enterprise_code ?? "")
            guard let e = try await ctx.park.enterprises.find(creditCode: code.value) else {
                throw Names.notFound(ConsoleText.enterpriseRecord, id: code.value)
            }
            enterpriseID = e.id
        }
        let user = try await ctx.park.accounts.create(.init(
            username: (f.username ?? "").trimmingCharacters(in: .whitespaces), displayName: f.display_name ?? "",
            password: f.password ?? "", role: role, departmentCode: f.department.flatMap { $0.isEmpty ? nil : $0 },
            enterpriseID: enterpriseID, position: f.position.flatMap { Position(rawValue: $0) } ?? .staff), by: try ctx.user())
        return ConsoleText.userCreated(ctx.language, ["name": user.username])
    }
}
