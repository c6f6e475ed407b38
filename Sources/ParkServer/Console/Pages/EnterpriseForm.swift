import ParkAPI
import ParkDomain
import ParkStore
import Vapor

/// The fields of the enterprise form as posted (every value a string, as a browser sends
/// it; checkboxes present only when ticked). `enterprise()` turns them into a register entry
/// through the API's own mapping, so the console and the API validate alike.
struct EnterpriseFormFields: Content, Sendable {
    var credit_code: String?
    var name_zh: String?
    var name_en: String?
    var industry_code: String?
    var clusters: [String]?
    var ownership: String?
    var origin_country: String?
    var fortune500_parent: String?
    var regional_hq: String?
    var rd_centre: String?
    var listing: String?
    var above_designated_size: String?
    var employees: String?
    var founded_on: String?
    var address: String?
    var reason: String?

    init() {}

    /// The form filled with an enterprise's values (for editing).
    init(_ e: Enterprise) {
        credit_code = e.creditCode.value; name_zh = e.nameZh; name_en = e.nameEn; industry_code = e.industryCode
        clusters = e.clusters; ownership = e.ownership.rawValue; origin_country = e.originCountry
        fortune500_parent = e.fortune500Parent; regional_hq = e.regionalHeadquarters ? "on" : nil
        rd_centre = e.rdCentre ? "on" : nil; listing = e.listing?.rawValue
        above_designated_size = e.aboveDesignatedSize ? "on" : nil; employees = e.employees.map(String.init)
        founded_on = e.foundedOn?.iso; address = e.address
    }

    /// A new enterprise's defaults: domestic, from China.
    static var blank: EnterpriseFormFields {
        var f = EnterpriseFormFields()
        f.ownership = Ownership.domestic.rawValue; f.origin_country = "CN"
        return f
    }

    /// The enterprise these fields describe; a wrong value is refused with its field named.
    func enterprise() throws(DomainError) -> Enterprise {
        func text(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func ticked(_ s: String?) -> Bool { s != nil && s != "" && s != "false" }
        var owner: Components.Schemas.Ownership?
        if !text(ownership).isEmpty {
            guard let o = Components.Schemas.Ownership(rawValue: text(ownership)) else {
                throw EnterpriseListRequest.bad("ownership", text(ownership))
            }
            owner = o
        }
        var board: Components.Schemas.EnterpriseInput.ListingPayload?
        if !text(listing).isEmpty {
            guard let l = Components.Schemas.EnterpriseInput.ListingPayload(rawValue: text(listing)) else {
                throw EnterpriseListRequest.bad("listing", text(listing))
            }
            board = l
        }
        var staff: Int?
        if !text(employees).isEmpty {
            guard let n = Int(text(employees).replacingOccurrences(of: ",", with: "")) else {
                throw DomainError(code: "invalid_number", field: "employees", en: "employees must be a whole number, found '\(text(employees))'",
                                  zh: "从业人数须为整数，实际为“\(text(employees))”")
            }
            staff = n
        }
        let input = Components.Schemas.EnterpriseInput(
            creditCode: text(credit_code), nameZh: text(name_zh), nameEn: text(name_en), industryCode: text(industry_code),
            clusters: (clusters ?? []).filter { !$0.isEmpty }, ownership: owner, originCountry: text(origin_country),
            fortune500Parent: text(fortune500_parent), regionalHq: ticked(regional_hq), rdCentre: ticked(rd_centre),
            listing: board, aboveDesignatedSize: ticked(above_designated_size), employees: staff,
            foundedOn: text(founded_on), address: text(address))
        return try APIMapping.enterprise(input)
    }
}

/// Create (staff) and edit (staff, or an enterprise user for its own name in English,
/// address and employees) an enterprise in the console. Every edit asks for its reason,
/// which is sealed into the audit entry.
enum EnterpriseFormPage {
    static func register(_ router: ConsoleRouter) {
        router.on(.enterprises(.new)) { req in try await newForm(req) }
        router.on(.enterprises(.create)) { req in try await create(req) }
        router.on(.enterprises(.edit(.key))) { req in try await editForm(req) }
        router.on(.enterprises(.update(.key))) { req in try await update(req) }
    }

    static func newForm(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        return try await render(req, fields: .blank, editing: nil, principal: p)
    }

    static func create(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let fields = try req.content.decode(EnterpriseFormFields.self)
        do {
            let created = try await req.park.enterprises.create(try fields.enterprise(), by: p, catalog: try await req.park.reference.catalog())
            return req.redirect(to: "/enterprises/\(created.id!.uuidString)?saved=created", redirectType: .normal)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, fields: fields, editing: nil, principal: p, error: e)
        }
    }

    static func editForm(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        let e = try await existing(req, p)
        return try await render(req, fields: EnterpriseFormFields(e), editing: e, principal: p)
    }

    static func update(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        let before = try await existing(req, p)
        try ConsoleRoutes.checkCSRF(req)
        var fields = try req.content.decode(EnterpriseFormFields.self)
        if !p.isStaff {
            // The fields an enterprise user may not change are not in its form: keep them as they are.
            var own = EnterpriseFormFields(before)
            own.name_en = fields.name_en; own.address = fields.address; own.employees = fields.employees; own.reason = fields.reason
            fields = own
        }
        do {
            let reason = (fields.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw DomainError.required("reason") }
            let id = before.id!
            _ = try await req.park.enterprises.update(id, to: try fields.enterprise(), by: p,
                                                       catalog: try await req.park.reference.catalog(), reason: reason)
            return req.redirect(to: "/enterprises/\(id.uuidString)?saved=updated", redirectType: .normal)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, fields: fields, editing: before, principal: p, error: e)
        }
    }

    /// The enterprise of the URL, if this user may see it (otherwise 404, as everywhere).
    static func existing(_ req: Request, _ p: Principal) async throws -> Enterprise {
        let lang = RequestContext.current.language
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw), p.canRead(enterprise: id),
              let e = try await req.park.enterprises.find(id) else {
            throw DomainError.notFound(lang == .zh ? "企业" : "enterprise", id: req.parameters.get("id") ?? "")
        }
        return e
    }

    static func render(_ req: Request, fields f: EnterpriseFormFields, editing: Enterprise?, principal p: Principal,
                       error: DomainError? = nil) async throws -> Response {
        let layout = Layout(req)
        let lang = layout.lang
        let locked = !p.isStaff
        let clusters = try await req.park.reference.clusters()
        let countries = try await req.park.reference.countries()
        func input(_ name: String, _ label: ConsoleText, _ value: String?, type: String = "text", extra: String = "", lockable: Bool = true) -> HTML {
            let off = locked && lockable ? " disabled" : ""
            return "<label>\(label(lang))<input type=\"\(type)\" name=\"\(name)\" value=\"\(value ?? "")\"\(HTML(raw: extra + off))></label>"
        }
        func check(_ name: String, _ label: ConsoleText, _ value: String?) -> HTML {
            "<label class=\"check\"><input type=\"checkbox\" name=\"\(name)\"\(HTML(raw: value != nil ? " checked" : ""))\(HTML(raw: locked ? " disabled" : ""))> \(label(lang))</label>"
        }
        let off = HTML(raw: locked ? " disabled" : "")
        let industries: [HTML] = IndustryClassification.sections.map { s -> HTML in
            let divisions = IndustryClassification.divisions.filter { $0.section == s.code }
            return "<optgroup label=\"\(s.code) \(s.name.text(lang))\">\(divisions.map { Markup.option($0.code, "\($0.code) \($0.name.text(lang))", selected: f.industry_code) })</optgroup>"
        }
        let chosen = Set(f.clusters ?? [])
        let clusterBoxes = clusters.map { c -> HTML in
            "<label class=\"check\"><input type=\"checkbox\" name=\"clusters[]\" value=\"\(c.code)\"\(HTML(raw: chosen.contains(c.code) ? " checked" : ""))\(off)> \(c.name.text(lang))</label>"
        }
        let title = editing.map { "\(ConsoleText.editEnterprise(lang)): \(lang == .zh ? $0.nameZh : ($0.nameEn.isEmpty ? $0.nameZh : $0.nameEn))" } ?? ConsoleText.newEnterprise(lang)
        let action = editing.map { "/enterprises/\($0.id!.uuidString)/edit" } ?? "/enterprises/new"
        let back = editing.map { "/enterprises/\($0.id!.uuidString)" } ?? "/enterprises"
        let banner: HTML = error.map { e in HTML("<p class=\"notice bad\">\((e.field.map { "\(FieldNames.label($0, lang)): " } ?? "") + e.message.text(lang))</p>") } ?? .empty
        let reason: HTML = editing == nil ? .empty : """
            <section class="card"><h2>\(ConsoleText.changeReason(lang))</h2><label class="grow">\(ConsoleText.changeReasonHint(lang))
            <input name="reason" required maxlength="500" value="\(f.reason ?? "")"></label></section>
            """
        let body: HTML = """
        <p><a href="\(back)">← \(ConsoleText.back(lang))</a></p>
        <h1>\(title)</h1>
        \(banner)
        \(locked ? "<p class=\"sub\">\(ConsoleText.selfServiceHint(lang))</p>" as HTML : .empty)
        <form method="post" action="\(action)" class="stack">\(Markup.csrfField(layout.csrf))
        <div class="grid g2">
        <section class="card"><h2>\(ConsoleText.basicInfo(lang))</h2><div class="fields">
        \(input("credit_code", .creditCode, f.credit_code, extra: " required maxlength=\"18\" class=\"mono\""))
        \(input("name_zh", .nameZh, f.name_zh, extra: " required maxlength=\"200\""))
        \(input("name_en", .nameEn, f.name_en, extra: " maxlength=\"200\"", lockable: false))
        \(input("address", .address, f.address, extra: " maxlength=\"300\"", lockable: false))
        \(input("founded_on", .founded, f.founded_on, type: "date"))
        \(input("employees", .employees, f.employees, type: "number", extra: " min=\"0\" max=\"10000000\"", lockable: false))
        </div></section>
        <section class="card"><h2>\(ConsoleText.classification(lang))</h2><div class="fields">
        <label>\(ConsoleText.industry(lang))<select name="industry_code" required\(off)>\(Markup.option("", "—", selected: f.industry_code))\(industries)</select></label>
        <label>\(ConsoleText.listing(lang))<select name="listing"\(off)>\(Markup.option("", "—", selected: f.listing))\(ListingBoard.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.listing) })</select></label>
        \(check("above_designated_size", .above, f.above_designated_size))
        </div>
        <fieldset class="plain checks"><legend>\(ConsoleText.clusters(lang))</legend>\(clusterBoxes)</fieldset></section>
        </div>
        <section class="card"><h2>\(ConsoleText.investment(lang))</h2><div class="fields">
        <label>\(ConsoleText.ownership(lang))<select name="ownership"\(off)>\(Ownership.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.ownership) })</select></label>
        <label>\(ConsoleText.country(lang))<select name="origin_country"\(off)>\(countries.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: f.origin_country) })</select></label>
        \(input("fortune500_parent", .fortune500Parent, f.fortune500_parent, extra: " maxlength=\"200\""))
        \(check("regional_hq", .regionalHQ, f.regional_hq))\(check("rd_centre", .rdCentre, f.rd_centre))
        </div></section>
        \(reason)
        <p class="actions"><button class="btn" type="submit">\(editing == nil ? ConsoleText.createEnterprise(lang) : ConsoleText.save(lang))</button> <a class="btn ghost" href="\(back)">\(ConsoleText.cancel(lang))</a></p>
        </form>
        """
        let status = error.map { Problem.status(of: $0.kind) } ?? .ok
        return layout.response(title, .enterprises, body, status: status)
    }
}

/// The console's names of the register's fields, for messages that name a field.
enum FieldNames {
    static func label(_ field: String, _ lang: Language) -> String {
        let t: ConsoleText? = switch field {
        case "credit_code": .creditCode
        case "name_zh": .nameZh
        case "name_en": .nameEn
        case "industry_code": .industry
        case "clusters": .clusters
        case "ownership": .ownership
        case "origin_country": .country
        case "fortune500_parent": .fortune500Parent
        case "listing": .listing
        case "employees": .employees
        case "founded_on": .founded
        case "address": .address
        case "reason": .changeReason
        default: nil
        }
        return t?(lang) ?? field
    }
}
