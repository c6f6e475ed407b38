import ParkDomain
import ParkStore
import Vapor

/// Account administration (admins): list, create, disable/enable, set a password.
enum UserPages {
    static func register(_ router: ConsoleRouter) {
        router.on(.admin(.users)) { req in try await render(req, notice: nil) }
        router.on(.admin(.createUser)) { req in try await create(req) }
        router.on(.admin(.disableUser(.key))) { req in try await setDisabled(req, true) }
        router.on(.admin(.enableUser(.key))) { req in try await setDisabled(req, false) }
        router.on(.admin(.setPassword(.key))) { req in try await setPassword(req) }
    }

    static func admin(_ req: Request) throws -> Principal {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireAdmin()
        return p
    }

    static func render(_ req: Request, notice: (ok: Bool, text: String)?, status: HTTPResponseStatus = .ok) async throws -> Response {
        _ = try admin(req)
        let layout = Layout(req)
        let lang = layout.lang
        let users = try await req.park.accounts.list()
        let departments = try await req.park.reference.departments()
        let deptNames = Dictionary(uniqueKeysWithValues: departments.map { ($0.code, $0.name.text(lang)) })
        var enterpriseNames: [UUID: String] = [:]
        for id in Set(users.compactMap(\.enterpriseID)) {
            if let e = try await req.park.enterprises.find(id) { enterpriseNames[id] = lang == .zh ? e.nameZh : e.nameEn }
        }
        let csrf = Markup.csrfField(layout.csrf)
        let rows = users.map { u -> HTML in
            let scope = u.departmentCode.map { deptNames[$0] ?? $0 } ?? u.enterpriseID.map { enterpriseNames[$0] ?? $0.uuidString } ?? "—"
            let toggle: HTML = u.disabled
                ? "<form method=\"post\" action=\"/admin/users/\(u.id.uuidString)/enable\" class=\"inline\">\(csrf)<button class=\"btn small ghost\">\(ConsoleText.enable(lang))</button></form>"
                : "<form method=\"post\" action=\"/admin/users/\(u.id.uuidString)/disable\" class=\"inline\">\(csrf)<button class=\"btn small danger\">\(ConsoleText.disable(lang))</button></form>"
            return """
            <tr><td class="mono">\(u.username)</td><td>\(u.displayName)</td><td>\(u.role.label.text(lang))\(u.position == .staff ? HTML.empty : " · \(u.position.label.text(lang))")</td><td>\(scope)</td>
            <td>\(u.disabled ? Markup.badge(ConsoleText.disabled(lang), kind: "off") : Markup.badge(ConsoleText.active(lang), kind: "rd"))</td>
            <td>\(toggle)
            <form method="post" action="/admin/users/\(u.id.uuidString)/password" class="inline">\(csrf)\(u.id == layout.principal?.userID ? HTML("<input type=\"password\" name=\"current_password\" placeholder=\"\(ConsoleText.currentPassword(lang))\" maxlength=\"200\" required autocomplete=\"current-password\"> ") : .empty)<input type="password" name="password" placeholder="\(ConsoleText.newPassword(lang))" minlength="8" maxlength="72" required autocomplete="new-password"> <button class="btn small ghost">\(ConsoleText.setPassword(lang))</button></form></td></tr>
            """
        }
        let noticeHTML: HTML = notice.map { "<div class=\"notice \($0.ok ? "ok" : "bad")\">\($0.text)</div>" } ?? .empty
        let body: HTML = """
        <h1>\(ConsoleText.usersTitle(lang))</h1>\(noticeHTML)
        <section class="card"><h2>\(ConsoleText.createUser(lang))</h2>
        <form method="post" action="/admin/users" class="filters">\(csrf)
        <label>\(ConsoleText.username(lang))<input name="username" required maxlength="64"></label>
        <label>\(ConsoleText.displayName(lang))<input name="display_name" maxlength="100"></label>
        <label>\(ConsoleText.password(lang))<input type="password" name="password" required minlength="8" maxlength="72"></label>
        <label>\(ConsoleText.role(lang))<select name="role">\(Role.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: "officer") })</select></label>
        <label>\(ConsoleText.department(lang))<select name="department">\(Markup.option("", "—", selected: nil))\(departments.map { Markup.option($0.code, $0.name.text(lang), selected: nil) })</select></label>
        <label>\(ConsoleText.position(lang))<select name="position">\(Position.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: "staff") })</select></label>
        <label>\(ConsoleText.enterprise(lang)) (\(ConsoleText.creditCode(lang)))<input name="enterprise_code" maxlength="18" class="mono"></label>
        <button class="btn">\(ConsoleText.createUser(lang))</button></form></section>
        <section class="card flush"><table><thead><tr><th>\(ConsoleText.username(lang))</th><th>\(ConsoleText.displayName(lang))</th><th>\(ConsoleText.role(lang))</th>
        <th>\(ConsoleText.department(lang)) / \(ConsoleText.enterprise(lang))</th><th>\(ConsoleText.status(lang))</th><th>\(ConsoleText.actions(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
        """
        return layout.response(ConsoleText.usersTitle(lang), .users, body, status: status)
    }

    struct NewUserForm: Content {
        var username: String?; var display_name: String?; var password: String?; var role: String?
        var department: String?; var enterprise_code: String?; var position: String?
    }

    /// Runs an admin action and shows the list again with the outcome (errors as a notice, 4xx).
    static func outcome(_ req: Request, _ action: @escaping () async throws -> String) async throws -> Response {
        let lang = RequestContext.current.language
        do {
            _ = try admin(req)
            try ConsoleRoutes.checkCSRF(req)
            return try await render(req, notice: (true, try await action()))
        } catch let e as DomainError where e.kind != .forbidden {
            return try await render(req, notice: (false, (e.field.map { "\($0): " } ?? "") + e.message.text(lang)),
                                    status: Problem.status(of: e.kind))
        }
    }

    static func create(_ req: Request) async throws -> Response {
        try await outcome(req) {
            let p = try admin(req)
            let f = try req.content.decode(NewUserForm.self)
            guard let role = Role(rawValue: f.role ?? "") else { throw DomainError.required("role") }
            var enterpriseID: UUID?
            if role == .enterprise {
                let code = try CreditCode(f.enterprise_code ?? "")
                guard let e = try await req.park.enterprises.find(creditCode: code.value) else {
                    throw DomainError.notFound("enterprise", id: code.value)
                }
                enterpriseID = e.id
            }
            let user = try await req.park.accounts.create(.init(
                username: (f.username ?? "").trimmingCharacters(in: .whitespaces), displayName: f.display_name ?? "",
                password: f.password ?? "", role: role, departmentCode: f.department.flatMap { $0.isEmpty ? nil : $0 },
                enterpriseID: enterpriseID, position: f.position.flatMap { Position(rawValue: $0) } ?? .staff), by: p)
            return RequestContext.current.language == .zh ? "已创建用户 \(user.username)" : "Created user \(user.username)"
        }
    }

    static func userID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw DomainError.notFound("user", id: "") }
        return id
    }

    static func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        try await outcome(req) {
            try await req.park.accounts.setDisabled(try userID(req), disabled, by: try admin(req))
            return RequestContext.current.language == .zh ? (disabled ? "账号已停用" : "账号已启用") : (disabled ? "Account disabled" : "Account enabled")
        }
    }

    static func setPassword(_ req: Request) async throws -> Response {
        try await outcome(req) {
            let pw = (try? req.content.get(String.self, at: "password")) ?? ""
            let current = try? req.content.get(String.self, at: "current_password")
            try await req.park.accounts.setPassword(try userID(req), to: pw, current: current, by: try admin(req))
            return RequestContext.current.language == .zh ? "密码已重置" : "Password set"
        }
    }
}
