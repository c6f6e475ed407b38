import ParkDomain
import ParkStore
import Vapor

/// One parcel: its facts, planning conditions, area check, outline and leases; and the
/// GeoJSON import and export of parcels.
enum ParcelPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("parcels", "export.geojson") { req in try await export(req) }
        routes.get("parcels", "import") { req async throws -> Response in try importForm(req, result: nil) }
        routes.on(.POST, "parcels", "import", body: .collect(maxSize: ByteCount(value: ParcelGeoJSON.maxBytes + 64 * 1024))) { req in
            try await upload(req)
        }
        routes.get("parcels", ":id") { req in try await show(req) }
    }

    static func show(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        let layout = Layout(req)
        let lang = layout.lang
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let parcel = try await ParcelRepository(db: req.db).find(id) else {
            throw DomainError.notFound(lang == .zh ? "地块" : "parcel", id: req.parameters.get("id") ?? "")
        }
        let leases = try await LeaseRepository(db: req.db).list(.init(parcelID: id))
        // Enterprise users see a parcel only if one of its leases is theirs.
        guard p.isStaff || leases.contains(where: { $0.enterpriseID == p.enterpriseID }) else {
            throw DomainError.notFound(lang == .zh ? "地块" : "parcel", id: id.uuidString)
        }
        let use = try await ParcelRepository(db: req.db).landUse(parcel.landUse)
        let pc = parcel.planning
        func opt(_ x: Double?, _ suffix: String = "") -> String { x.map { Fmt.number($0) + suffix } ?? "—" }
        let mismatch: HTML = parcel.hasAreaMismatch
            ? " <span class=\"badge off\">\(L.areaMismatch(lang)): \(Fmt.number(parcel.areaMismatchRatio * 100)) %</span>" : .empty
        var leaseRows: [HTML] = []
        for l in leases where p.isStaff || l.enterpriseID == p.enterpriseID {
            leaseRows.append("""
            <tr><td><a href="/leases/\(l.id!.uuidString)">\(l.auction.date.iso)</a></td><td>\(try await LandView.enterpriseName(req, l.enterpriseID, lang))</td>
            <td>\(l.state.label.text(lang))</td><td class="nowrap">\(l.contract?.firstTermEnd.iso ?? "—")</td></tr>
            """)
        }
        let map = ParcelMap(items: [.init(parcel: parcel, state: LandView.currentLeases(leases)[id]?.state, title: parcel.code)])
            .render { $0?.label.text(lang) ?? L.none(lang) }
        let body: HTML = """
        <p><a href="/land">← \(L.land(lang))</a></p>
        <h1>\(L.parcel(lang)) \(parcel.code)</h1>
        <div class="grid g2">
        <section class="card"><dl class="facts">
        <dt>\(L.subArea(lang))</dt><dd>\(SubArea.label(parcel.subArea).text(lang))</dd>
        <dt>\(L.landUse(lang))</dt><dd>\(use?.name.text(lang) ?? parcel.landUse)</dd>
        <dt>\(L.declaredArea(lang))</dt><dd>\(Fmt.area(parcel.declaredAreaM2, lang))</dd>
        <dt>\(L.computedArea(lang))</dt><dd>\(Fmt.area(parcel.computedAreaM2, lang))\(mismatch)</dd>
        </dl><h2 class="spaced">\(L.planning(lang))</h2><dl class="facts">
        <dt>\(L.plotRatio(lang))</dt><dd>\(opt(pc.plotRatioMin)) – \(opt(pc.plotRatioMax))</dd>
        <dt>\(L.buildingDensity(lang))</dt><dd>\(opt(pc.buildingDensityMax.map { $0 * 100 }, " %"))</dd>
        <dt>\(L.greenRatio(lang))</dt><dd>\(opt(pc.greenRatioMin.map { $0 * 100 }, " %"))</dd>
        <dt>\(L.heightLimit(lang))</dt><dd>\(opt(pc.heightLimitMetres, " m"))</dd>
        <dt>\(L.officeShare(lang))</dt><dd>\(opt(pc.officeShareMax.map { $0 * 100 }, " %"))</dd>
        </dl></section>
        <section class="card">\(map)</section></div>
        \(p.isStaff && !LandView.isHeld(leases) ? SaleForms.auctionForm(parcelID: id, csrf: layout.csrf, today: req.park.today, lang: lang) : .empty)
        <section class="card"><h2>\(L.leases(lang))</h2>\(leaseRows.isEmpty ? "<p class=\"sub\">\(L.noLeases(lang))</p>" : """
        <table><thead><tr><th>\(L.auctionDate(lang))</th><th>\(L.winner(lang))</th><th>\(L.state(lang))</th><th>\(L.firstTermEnd(lang))</th></tr></thead><tbody>\(leaseRows)</tbody></table>
        """)</section>
        """
        return layout.response("\(L.parcel(lang)) \(parcel.code)", .land, body)
    }

    static func export(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let res = Response(body: ExportStream.parcels(ParcelRepository(db: req.db)).responseBody)
        res.headers.contentType = .init(type: "application", subType: "geo+json")
        res.headers.contentDisposition = .init(.attachment, filename: "parcels-\(req.park.today.iso).geojson")
        return res
    }

    static func importForm(_ req: Request, result: (count: Int, errors: [RowError], dryRun: Bool)?, status: HTTPResponseStatus = .ok) throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let report: HTML = result.map { r -> HTML in
            if r.errors.isEmpty {
                return "<div class=\"notice ok\"><strong>\(r.dryRun ? T.dryRunOK(lang) : T.importDone(lang))</strong> — \(L.parcels(lang)): \(r.count)</div>"
            }
            let rows = r.errors.map { e -> HTML in "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>" }
            return """
            <div class="notice bad"><strong>\(T.nothingWritten(lang))</strong></div>
            <section class="card"><h2>\(T.errorsTitle(lang)) (\(r.errors.count))</h2><table><thead><tr><th class="num">#</th><th>\(T.column(lang))</th><th>\(T.reason(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
        } ?? .empty
        let body: HTML = """
        <p><a href="/land">← \(L.land(lang))</a></p><h1>\(L.importParcels(lang))</h1>\(report)
        <section class="card"><p>\(L.importParcelsIntro(lang))</p>
        <form method="post" action="/parcels/import" enctype="multipart/form-data" class="filters">\(Markup.csrfField(layout.csrf))
        <label>\(T.file(lang))<input type="file" name="file" accept=".geojson,.json,application/geo+json" required></label>
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(T.dryRun(lang))</label>
        <button class="btn">\(T.upload(lang))</button></form></section>
        """
        return layout.response(L.importParcels(lang), .land, body, status: status)
    }

    static func upload(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let form = try req.content.decode(ImportPage.Upload.self)
        guard let file = form.file, file.data.readableBytes > 0 else { throw DomainError.required("file") }
        let dry = form.dry_run != nil
        let r = try await ParcelRepository(db: req.db, clock: req.park.clock).importGeoJSON(Data(buffer: file.data), dryRun: dry, by: p)
        return try importForm(req, result: (r.parcels, r.errors, dry), status: r.errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
