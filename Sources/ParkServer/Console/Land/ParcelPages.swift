import ParkDomain
import ParkStore
import Vapor

/// One parcel: its facts, planning conditions, area check, outline and leases; and the
/// GeoJSON import and export of parcels.
enum ParcelPages {
    static func register(_ router: ConsoleRouter) {
        router.on(.land(.parcelsExport)) { req in try await export(req) }
        router.on(.land(.parcelImportForm)) { req async throws -> Response in try importForm(req, result: nil) }
        router.on(.land(.parcelImport), body: .collect(maxSize: ByteCount(value: ParcelGeoJSON.maxBytes + 64 * 1024))) { req in
            try await upload(req)
        }
        router.on(.land(.parcel(.key))) { req in try await show(req) }
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
        func opt(_ x: Double?, _ suffix: String = "") -> String { x.map { Numbers.decimal($0) + suffix } ?? "—" }
        let mismatch: HTML = parcel.hasAreaMismatch
            ? " <span class=\"badge off\">\(LandText.areaMismatch(lang)): \(Numbers.decimal(parcel.areaMismatchRatio * 100)) %</span>" : .empty
        var leaseRows: [HTML] = []
        for l in leases where p.isStaff || l.enterpriseID == p.enterpriseID {
            leaseRows.append("""
            <tr><td><a href="/leases/\(l.id!.uuidString)">\(l.auction.date.iso)</a></td><td>\(try await LandView.enterpriseName(req, l.enterpriseID, lang))</td>
            <td>\(l.state.label.text(lang))</td><td class="nowrap">\(l.contract?.firstTermEnd.iso ?? "—")</td></tr>
            """)
        }
        let map = ParcelMap(items: [.init(parcel: parcel, state: LandView.currentLeases(leases)[id]?.state, title: parcel.code)])
            .render { $0?.label.text(lang) ?? LandText.none(lang) }
        let body: HTML = """
        <p><a href="/land">← \(LandText.land(lang))</a></p>
        <h1>\(LandText.parcel(lang)) \(parcel.code)</h1>
        <div class="grid g2">
        <section class="card"><dl class="facts">
        <dt>\(LandText.subArea(lang))</dt><dd>\(SubArea.label(parcel.subArea).text(lang))</dd>
        <dt>\(LandText.landUse(lang))</dt><dd>\(use?.name.text(lang) ?? parcel.landUse)</dd>
        <dt>\(LandText.declaredArea(lang))</dt><dd>\(Fmt.area(parcel.declaredAreaM2, lang))</dd>
        <dt>\(LandText.computedArea(lang))</dt><dd>\(Fmt.area(parcel.computedAreaM2, lang))\(mismatch)</dd>
        </dl><h2 class="spaced">\(LandText.planning(lang))</h2><dl class="facts">
        <dt>\(LandText.plotRatio(lang))</dt><dd>\(opt(pc.plotRatioMin)) – \(opt(pc.plotRatioMax))</dd>
        <dt>\(LandText.buildingDensity(lang))</dt><dd>\(opt(pc.buildingDensityMax.map { $0 * 100 }, " %"))</dd>
        <dt>\(LandText.greenRatio(lang))</dt><dd>\(opt(pc.greenRatioMin.map { $0 * 100 }, " %"))</dd>
        <dt>\(LandText.heightLimit(lang))</dt><dd>\(opt(pc.heightLimitMetres, " m"))</dd>
        <dt>\(LandText.officeShare(lang))</dt><dd>\(opt(pc.officeShareMax.map { $0 * 100 }, " %"))</dd>
        </dl></section>
        <section class="card">\(map)</section></div>
        \(p.isStaff && !LandView.isHeld(leases) ? SaleForms.auctionForm(parcelID: id, csrf: layout.csrf, today: req.park.today, lang: lang) : .empty)
        <section class="card"><h2>\(LandText.leases(lang))</h2>\(leaseRows.isEmpty ? "<p class=\"sub\">\(LandText.noLeases(lang))</p>" : """
        <table><thead><tr><th>\(LandText.auctionDate(lang))</th><th>\(LandText.winner(lang))</th><th>\(LandText.state(lang))</th><th>\(LandText.firstTermEnd(lang))</th></tr></thead><tbody>\(leaseRows)</tbody></table>
        """)</section>
        """
        return layout.response("\(LandText.parcel(lang)) \(parcel.code)", .land, body)
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
                return "<div class=\"notice ok\"><strong>\(r.dryRun ? ConsoleText.dryRunOK(lang) : ConsoleText.importDone(lang))</strong> — \(LandText.parcels(lang)): \(r.count)</div>"
            }
            let rows = r.errors.map { e -> HTML in "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>" }
            return """
            <div class="notice bad"><strong>\(ConsoleText.nothingWritten(lang))</strong></div>
            <section class="card"><h2>\(ConsoleText.errorsTitle(lang)) (\(r.errors.count))</h2><table><thead><tr><th class="num">#</th><th>\(ConsoleText.column(lang))</th><th>\(ConsoleText.reason(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
        } ?? .empty
        let body: HTML = """
        <p><a href="/land">← \(LandText.land(lang))</a></p><h1>\(LandText.importParcels(lang))</h1>\(report)
        <section class="card"><p>\(LandText.importParcelsIntro(lang))</p>
        <form method="post" action="/parcels/import" enctype="multipart/form-data" class="filters">\(Markup.csrfField(layout.csrf))
        <label>\(ConsoleText.file(lang))<input type="file" name="file" accept=".geojson,.json,application/geo+json" required></label>
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(ConsoleText.dryRun(lang))</label>
        <button class="btn">\(ConsoleText.upload(lang))</button></form></section>
        """
        return layout.response(LandText.importParcels(lang), .land, body, status: status)
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
