import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The enterprise's profile (一企一档, `/enterprises/:id/profile`): every module's section from
/// `ProfileSections`, rendered from its blocks; printable (the print stylesheet) and exported as
/// JSON. Staff read any firm's; an enterprise user only its own (another's is 404).
enum ProfilePage {
    struct Model {
        var profile: EnterpriseProfile

        static func load(_ id: UUID, on ctx: PageContext) async throws -> Model {
            Model(profile: try await EnterpriseProfile.load(db: ctx.db, clock: ctx.park.clock, enterprise: id, by: try ctx.user()))
        }
    }

    enum View {
        static func value(_ v: ProfileValue, _ lang: Language) -> HTML {
            // Links come from the sections (console paths); only same-site paths become links.
            if let link = v.link, link.hasPrefix("/"), !link.hasPrefix("//") { return "<a href=\"\(link)\">\(v.text.text(lang))</a>" }
            return "\(v.text.text(lang))"
        }

        static func block(_ b: ProfileBlock, _ lang: Language) -> HTML {
            let title: HTML = b.title.map { "<h3>\($0.text(lang))</h3>" } ?? .empty
            switch b.kind {
            case .facts:
                return "\(title)<dl class=\"facts\">\(b.facts.map { f -> HTML in "<dt>\(f.label.text(lang))</dt><dd>\(value(f.value, lang))</dd>" })</dl>"
            case .note:
                return "\(title)<p class=\"sub\">\(b.note?.text(lang) ?? "")</p>"
            case .table:
                let head = b.columns.enumerated().map { i, c -> HTML in "<th class=\"\(b.numeric[i] ? "num" : "")\">\(c.text(lang))</th>" }
                let rows = b.rows.map { r -> HTML in
                    "<tr>\(r.enumerated().map { i, v -> HTML in "<td class=\"\(i < b.numeric.count && b.numeric[i] ? "num" : "")\">\(value(v, lang))</td>" })</tr>"
                }
                return "\(title)<div class=\"scroll\"><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
            }
        }

        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let e = m.profile.enterprise
            let id = e.id ?? UUID()
            let name = lang == .zh || e.nameEn.isEmpty ? e.nameZh : e.nameEn
            let sections = m.profile.sections.map { s -> HTML in
                "<section class=\"card profile\" id=\"\(s.id)\"><h2>\(s.title.text(lang))</h2>\(s.content.blocks.map { block($0, lang) })</section>"
            }
            let toc = m.profile.sections.map { s -> HTML in "<a class=\"badge\" href=\"#\(s.id)\">\(s.title.text(lang))</a>" }
            let generated = Markup.date(Date(timeIntervalSince1970: Double(m.profile.generatedAtMillis) / 1000), lang)
            let body: HTML = """
            <p class="actions"><a href="\(ConsoleURL.enterprises(.detail(.value(id))))">← \(name)</a>
            <a class="btn ghost" href="\(ConsoleURL.indicators(.profileJSON(.value(id))))">\(IndicatorText.profileJSON(lang))</a></p>
            <h1>\(IndicatorText.profileTitle(lang)) · \(name)</h1>
            <p class="sub">\(e.creditCode.value) · \(IndicatorText.generatedAt(lang)) \(generated)</p>
            <p class="actions">\(toc)</p>
            \(sections.isEmpty ? HTML("<p class=\"sub\">\(IndicatorText.noSections(lang))</p>") : HTML("\(sections)"))
            """
            return ConsolePage(title: "\(IndicatorText.profileTitle(lang)) · \(name)", section: ctx.isStaff ? .enterprises : .profile, body: body)
        }
    }

    static func json(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let m = try await Model.load(try req.pathID(), on: ctx)
        let res = Response(body: .init(data: try IndicatorExport.profileJSON(m.profile)))
        res.headers.contentType = .json
        res.headers.contentDisposition = .init(.attachment, filename: "profile-\(m.profile.enterprise.creditCode.value).json")
        return res
    }
}

/// The console routes of the indicators and the profile.
enum IndicatorsRoutes {
    static func register(_ router: ConsoleRouter) {
        router.page(.indicators(.leadership)) { ctx, req in LeadershipPage.View.render(try await LeadershipPage.Model.load(req, on: ctx), ctx) }
        router.page(.indicators(.boardPack)) { ctx, req in BoardPackPage.View.render(try await LeadershipPage.Model.load(req, on: ctx), ctx) }
        router.on(.indicators(.boardPackXLSX)) { req in try await BoardPackPage.download(req, xlsx: true) }
        router.on(.indicators(.boardPackCSV)) { req in try await BoardPackPage.download(req, xlsx: false) }
        router.page(.indicators(.importForm)) { ctx, _ in IndicatorImportPage.View.render(try await IndicatorImportPage.Model.load(on: ctx), ctx) }
        router.on(.indicators(.importUpload), body: .collect(maxSize: ByteCount(value: CSVTable.importMaxBytes + 64 * 1024))) { req in
            try await IndicatorImportPage.upload(req)
        }
        router.on(.indicators(.setTarget)) { req in try await IndicatorImportPage.setTarget(req) }
        router.page(.indicators(.drill)) { ctx, req in DrillPage.View.render(try await DrillPage.Model.load(req, on: ctx), ctx) }
        router.page(.indicators(.profile(.key))) { ctx, req in ProfilePage.View.render(try await ProfilePage.Model.load(try req.pathID(), on: ctx), ctx) }
        router.on(.indicators(.profileJSON(.key))) { req in try await ProfilePage.json(req) }
        router.on(.indicators(.myProfile)) { req in
            guard let own = RequestContext.current.principal?.enterpriseID else { throw DomainError.notFound("enterprise", id: "") }
            return req.redirect(to: .indicators(.profile(.value(own))))
        }
    }
}
