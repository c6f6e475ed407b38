import ParkDomain
import ParkStore
import Vapor

/// The project page's land: the need (land use, area, plot ratio, height), the parcel held in
/// reserve, the available parcels that fit with a button to reserve one, and their handlers.
/// Officers only; a masked (confidential) project shows none of it.
enum ProjectLandSection {
    struct Model {
        var land: ProjectLand
        var landUses: [LandUseClass]
    }

    /// The section's model, or nil for a reader who does not see it.
    static func load(_ d: ProjectDetail, on ctx: PageContext) async throws -> Model? {
        let p = try ctx.user()
        guard p.isStaff, !d.masked, let id = d.project.id else { return nil }
        return Model(land: try await InvestmentService(db: ctx.db, clock: ctx.park.clock).land(id, by: p),
                     landUses: try await ParcelRepository(db: ctx.db, clock: ctx.park.clock).landUses())
    }

    static func render(_ m: Model?, project: InvestmentProject, _ ctx: PageContext) -> HTML {
        guard let m, let id = project.id else { return .empty }
        let lang = ctx.language, need = m.land.need
        func useName(_ code: String) -> String { m.landUses.first { $0.code == code }?.name.text(lang) ?? code }
        func parcelLink(_ p: Parcel) -> HTML { "<a href=\"\(ConsoleURL.land(.parcel(.value(p.id!))))\">\(p.code)</a>" }
        func planning(_ c: PlanningConditions) -> String {
            let ratio = (c.plotRatioMin.map { Numbers.decimal($0) } ?? "—") + " – " + (c.plotRatioMax.map { Numbers.decimal($0) } ?? "—")
            return ratio + " · " + (c.heightLimitMetres.map { Numbers.decimal($0, digits: 0) + " m" } ?? "—")
        }
        let won = m.land.reservation?.outcome == .won
        let open = !project.stage.isFinal && !won
        var reserved: HTML = .empty
        if let r = m.land.reservation {
            let parcel = m.land.reservedParcel
            let release: HTML = won ? .empty : """
            <form method="post" action="\(ConsoleURL.investment(.releaseParcel(.value(id))))" class="inline">\(Markup.csrfField(ctx.csrf))<button class="btn ghost small">\(InvestmentText.release(lang))</button></form>
            """
            reserved = """
            <p><b>\(InvestmentText.reservedParcel(lang))</b>: \(parcel.map(parcelLink) ?? HTML(stringLiteral: "—"))
            \(parcel.map { " · \(Numbers.decimal($0.declaredAreaMu)) \(InvestmentText.areaMu(lang))" } ?? "")
            · \(InvestmentText.reservedBy(lang)) \(r.reservedBy) \(r.reservedOn?.iso ?? "") \(release)</p>\(outcome(r, lang))
            """
        }
        let rows = m.land.candidates.map { p -> HTML in
            let held = p.id == m.land.reservation?.parcelID
            let button: HTML = held ? Markup.badge(InvestmentText.reservedParcel(lang), kind: "ok") : open ? """
            <form method="post" action="\(ConsoleURL.investment(.reserveParcel(.value(id))))" class="inline">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="parcel_id" value="\(p.id!.uuidString)"><button class="btn ghost small">\(InvestmentText.reserve(lang))</button></form>
            """ : .empty
            return "<tr><td>\(parcelLink(p))</td><td>\(p.subArea)</td><td>\(useName(p.landUse))</td><td class=\"num\">\(Numbers.decimal(p.declaredAreaMu))</td><td>\(planning(p.planning))</td><td>\(button)</td></tr>"
        }
        let candidates: HTML = need == nil ? "<p class=\"sub\">\(InvestmentText.noLandNeed(lang))</p>"
            : rows.isEmpty ? "<p class=\"sub\">\(InvestmentText.noCandidates(lang))</p>"
            : """
            <table><thead><tr><th>\(InvestmentText.parcel(lang))</th><th>\(InvestmentText.subArea(lang))</th><th>\(InvestmentText.landUse(lang))</th><th class="num">\(InvestmentText.areaMu(lang))</th><th>\(InvestmentText.plotRatio(lang)) · \(InvestmentText.heightM(lang))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let form: HTML = open ? """
        <form method="post" action="\(ConsoleURL.investment(.landNeed(.value(id))))" class="filters">\(Markup.csrfField(ctx.csrf))
        <label>\(InvestmentText.landUse(lang))<select name="land_use">\(m.landUses.map { Markup.option($0.code, $0.name.text(lang), selected: need?.landUse) })</select></label>
        <label>\(InvestmentText.areaMu(lang))<input name="area_mu" required inputmode="decimal" maxlength="20" value="\(need.map { plain($0.areaMu) } ?? project.landNeedMu.map(plain) ?? "")"></label>
        <label>\(InvestmentText.plotRatio(lang))<input name="plot_ratio" inputmode="decimal" maxlength="10" value="\(need?.plotRatio.map(plain) ?? "")"></label>
        <label>\(InvestmentText.heightM(lang))<input name="height_m" inputmode="decimal" maxlength="10" value="\(need?.heightMetres.map(plain) ?? "")"></label>
        <button class="btn ghost">\(InvestmentText.saveLandNeed(lang))</button></form>
        """ : .empty
        return """
        <section class="card"><h2>\(InvestmentText.land(lang))</h2>\(reserved)
        <h3>\(InvestmentText.candidates(lang))</h3><p class="sub">\(InvestmentText.candidatesHint(lang))</p>\(candidates)\(form)</section>
        """
    }

    /// How the reservation ended, when the land module leased the parcel: won (the lease is the
    /// project's; it carries on there) or lost (another firm's lease; reserve another parcel).
    static func outcome(_ r: ParcelReservation, _ lang: Language) -> HTML {
        guard let o = r.outcome else { return .empty }
        let lease: HTML = r.outcomeLeaseID.map { " · <a href=\"\(ConsoleURL.land(.lease(.value($0))))\">\(InvestmentText.theLease(lang))</a>" } ?? .empty
        return """
        <p>\(Markup.badge(o.label.text(lang), kind: o == .won ? "ok" : "warn")) \(r.outcomeOn?.iso ?? "")\(lease)</p>
        <p class="sub">\(o == .won ? InvestmentText.landWonHint(lang) : InvestmentText.landLostHint(lang))</p>
        """
    }

    /// A number as typed into an input: no thousands separators, trailing zeros dropped.
    static func plain(_ x: Double) -> String { Numbers.trimmed(x).replacingOccurrences(of: ",", with: "") }

    // MARK: handlers

    struct NeedForm: Content { var land_use: String?; var area_mu: String?; var plot_ratio: String?; var height_m: String? }
    struct ReserveForm: Content { var parcel_id: String? }

    static func number(_ raw: String?, _ field: String) throws(DomainError) -> Double? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let x = Double(raw), x.isFinite else {
            throw DomainError(code: "invalid_number", field: field, en: "\(field) must be a number", zh: "\(field) 须为数字")
        }
        return x
    }

    static func register(_ router: ConsoleRouter) {
        router.on(.investment(.landNeed(.key))) { req in
            let f = try req.form(NeedForm.self), id = try req.pathID()
            return try await ProjectForms.act(req, project: id) { _, s, p in
                guard let area = try number(f.area_mu, "area_mu") else { throw DomainError.required("area_mu") }
                _ = try await s.setLandNeed(id, ProjectLandNeed(landUse: f.land_use ?? "", areaMu: area,
                                                                plotRatio: try number(f.plot_ratio, "plot_ratio"),
                                                                heightMetres: try number(f.height_m, "height_m")), by: p)
            }
        }
        router.on(.investment(.reserveParcel(.key))) { req in
            let f = try req.form(ReserveForm.self), id = try req.pathID()
            return try await ProjectForms.act(req, project: id) { _, s, p in
                guard let parcel = f.parcel_id.flatMap(UUID.init(uuidString:)) else {
                    throw DomainError(code: "invalid_id", field: "parcel_id", en: "parcel_id must be a parcel's id", zh: "parcel_id 须为地块编号")
                }
                _ = try await s.reserveParcel(id, parcelID: parcel, by: p)
            }
        }
        router.on(.investment(.releaseParcel(.key))) { req in
            let id = try req.pathID()
            return try await ProjectForms.act(req, project: id) { _, s, p in try await s.releaseParcel(id, by: p) }
        }
    }
}
