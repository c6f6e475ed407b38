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
    struct Model {
        var fields: EnterpriseFormFields
        /// The enterprise edited (nil: a new one).
        var editing: Enterprise?
        /// An enterprise user's form: only its own three fields are open.
        var locked: Bool
        var clusters: [Cluster]
        var countries: [Country]
        var error: DomainError?

        static func load(fields: EnterpriseFormFields, editing: Enterprise?, error: DomainError? = nil, on ctx: PageContext) async throws -> Model {
            Model(fields: fields, editing: editing, locked: !ctx.isStaff, clusters: try await ctx.park.reference.clusters(),
                  countries: try await ctx.park.reference.countries(), error: error)
        }

        /// The enterprise of the URL, if this user may see it (otherwise 404, as everywhere).
        static func existing(_ id: UUID, on ctx: PageContext) async throws -> Enterprise {
            guard try ctx.user().canRead(enterprise: id), let e = try await ctx.park.enterprises.find(id) else {
                throw Names.notFound(ConsoleText.enterpriseRecord, id: id.uuidString)
            }
            return e
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.enterprises(.new)) { ctx, _ in View.render(try await Model.load(fields: .blank, editing: nil, on: ctx), ctx) }
        router.on(.enterprises(.create)) { req in try await create(req) }
        router.page(.enterprises(.edit(.key))) { ctx, req in
            let e = try await Model.existing(try req.pathID(), on: ctx)
            return View.render(try await Model.load(fields: EnterpriseFormFields(e), editing: e, on: ctx), ctx)
        }
        router.on(.enterprises(.update(.key))) { req in try await update(req) }
    }

    static func create(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let fields = try req.form(EnterpriseFormFields.self)
        do {
            let created = try await ctx.park.enterprises.create(try fields.enterprise(), by: try ctx.user(), catalog: try await ctx.park.reference.catalog())
            return req.redirect(to: .enterprises(.detail(.value(created.id!))), [("saved", "created")])
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return View.render(try await Model.load(fields: fields, editing: nil, error: e, on: ctx), ctx).response(ctx)
        }
    }

    static func update(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let before = try await Model.existing(try req.pathID(), on: ctx)
        var fields = try req.form(EnterpriseFormFields.self)
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
            _ = try await ctx.park.enterprises.update(id, to: try fields.enterprise(), by: p,
                                                       catalog: try await ctx.park.reference.catalog(), reason: reason)
            return req.redirect(to: .enterprises(.detail(.value(id))), [("saved", "updated")])
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return View.render(try await Model.load(fields: fields, editing: before, error: e, on: ctx), ctx).response(ctx)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let f = m.fields, locked = m.locked
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
            let clusterBoxes = m.clusters.map { c -> HTML in
                "<label class=\"check\"><input type=\"checkbox\" name=\"clusters[]\" value=\"\(c.code)\"\(HTML(raw: chosen.contains(c.code) ? " checked" : ""))\(off)> \(c.name.text(lang))</label>"
            }
            let title = m.editing.map { "\(ConsoleText.editEnterprise(lang)): \($0.name(lang))" } ?? ConsoleText.newEnterprise(lang)
            let action: ConsoleURL = m.editing.map { .enterprises(.update(.value($0.id!))) } ?? .enterprises(.create)
            let back: ConsoleURL = m.editing.map { .enterprises(.detail(.value($0.id!))) } ?? .enterprises(.list)
            let banner: HTML = m.error.map { Notice.refusal($0, lang) { FieldNames.label($0, lang) }.html } ?? .empty
            let reason: HTML = m.editing == nil ? .empty : """
                <section class="card"><h2>\(ConsoleText.changeReason(lang))</h2><label class="grow">\(ConsoleText.changeReasonHint(lang))
                <input name="reason" required maxlength="500" value="\(f.reason ?? "")"></label></section>
                """
            let body: HTML = """
            <p><a href="\(back)">← \(ConsoleText.back(lang))</a></p>
            <h1>\(title)</h1>
            \(banner)
            \(locked ? "<p class=\"sub\">\(ConsoleText.selfServiceHint(lang))</p>" as HTML : .empty)
            <form method="post" action="\(action)" class="stack">\(Markup.csrfField(ctx.csrf))
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
            <label>\(ConsoleText.country(lang))<select name="origin_country"\(off)>\(m.countries.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: f.origin_country) })</select></label>
            \(input("fortune500_parent", .fortune500Parent, f.fortune500_parent, extra: " maxlength=\"200\""))
            \(check("regional_hq", .regionalHQ, f.regional_hq))\(check("rd_centre", .rdCentre, f.rd_centre))
            </div></section>
            \(reason)
            <p class="actions"><button class="btn" type="submit">\(m.editing == nil ? ConsoleText.createEnterprise(lang) : ConsoleText.save(lang))</button> <a class="btn ghost" href="\(back)">\(ConsoleText.cancel(lang))</a></p>
            </form>
            """
            return ConsolePage(title: title, section: .enterprises, body: body, status: m.error.map { Problem.status(of: $0.kind) } ?? .ok)
        }
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
