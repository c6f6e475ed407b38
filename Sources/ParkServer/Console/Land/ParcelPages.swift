import ParkDomain
import ParkStore
import Vapor

/// One parcel: its facts, planning conditions, area check, outline and leases; and the
/// GeoJSON import and export of parcels.
enum ParcelPages {
    struct Model {
        var parcel: Parcel
        var landUse: LandUseClass?
        /// The parcel's leases the reader may see (staff: all; a firm: its own).
        var leases: [Lease]
        var holders: [UUID: Bilingual]
        /// No live lease holds it: staff may record an auction.
        var canSell: Bool
        var state: LeaseState?

        static func load(_ id: UUID, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let parcels = ParcelRepository(db: ctx.db)
            guard let parcel = try await parcels.find(id) else { throw Names.notFound(LandText.parcel, id: id.uuidString) }
            let all = try await LeaseRepository(db: ctx.db).list(.init(parcelID: id))
            // Enterprise users see a parcel only if one of its leases is theirs.
            guard p.isStaff || all.contains(where: { $0.enterpriseID == p.enterpriseID }) else {
                throw Names.notFound(LandText.parcel, id: id.uuidString)
            }
            let visible = all.filter { p.isStaff || $0.enterpriseID == p.enterpriseID }
            return Model(parcel: parcel, landUse: try await parcels.landUse(parcel.landUse), leases: visible,
                         holders: try await ctx.park.enterprises.names(Set(visible.map(\.enterpriseID))),
                         canSell: p.isStaff && !LandView.isHeld(all), state: LandView.currentLeases(all)[id]?.state)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, parcel = m.parcel, pc = parcel.planning
            func opt(_ x: Double?, _ suffix: String = "") -> String { x.map { Numbers.decimal($0) + suffix } ?? "—" }
            func pct(_ x: Double?) -> String { x.map { Numbers.percent(ratio: $0) } ?? "—" }
            let mismatch: HTML = parcel.hasAreaMismatch
                ? " <span class=\"badge off\">\(LandText.areaMismatch(lang)): \(Numbers.percent(ratio: parcel.areaMismatchRatio))</span>" : .empty
            let leaseRows = m.leases.map { l -> HTML in
                let holder = m.holders[l.enterpriseID].map { Names.enterprise(zh: $0.zh, en: $0.en, lang) } ?? l.enterpriseID.uuidString
                return """
                <tr><td><a href="\(ConsoleURL.land(.lease(.value(l.id!))))">\(l.auction.date.iso)</a></td><td>\(holder)</td>
                <td>\(l.state.label.text(lang))</td><td class="nowrap">\(l.contract?.firstTermEnd.iso ?? "—")</td></tr>
                """
            }
            let map = ParcelMap(items: [.init(parcel: parcel, state: m.state, title: parcel.code)]).render(lang)
            let leases: HTML = leaseRows.isEmpty ? "<p class=\"sub\">\(LandText.noLeases(lang))</p>" : """
                <table><thead><tr><th>\(LandText.auctionDate(lang))</th><th>\(LandText.winner(lang))</th><th>\(LandText.state(lang))</th><th>\(LandText.firstTermEnd(lang))</th></tr></thead><tbody>\(leaseRows)</tbody></table>
                """
            let body: HTML = """
            <p><a href="\(ConsoleURL.land(.overview))">← \(LandText.land(lang))</a></p>
            <h1>\(LandText.parcel(lang)) \(parcel.code)</h1>
            <div class="grid g2">
            <section class="card"><dl class="facts">
            <dt>\(LandText.subArea(lang))</dt><dd>\(SubArea.label(parcel.subArea).text(lang))</dd>
            <dt>\(LandText.landUse(lang))</dt><dd>\(m.landUse?.name.text(lang) ?? parcel.landUse)</dd>
            <dt>\(LandText.declaredArea(lang))</dt><dd>\(Fmt.area(parcel.declaredAreaM2, lang))</dd>
            <dt>\(LandText.computedArea(lang))</dt><dd>\(Fmt.area(parcel.computedAreaM2, lang))\(mismatch)</dd>
            </dl><h2 class="spaced">\(LandText.planning(lang))</h2><dl class="facts">
            <dt>\(LandText.plotRatio(lang))</dt><dd>\(opt(pc.plotRatioMin)) – \(opt(pc.plotRatioMax))</dd>
            <dt>\(LandText.buildingDensity(lang))</dt><dd>\(pct(pc.buildingDensityMax))</dd>
            <dt>\(LandText.greenRatio(lang))</dt><dd>\(pct(pc.greenRatioMin))</dd>
            <dt>\(LandText.heightLimit(lang))</dt><dd>\(opt(pc.heightLimitMetres, Numbers.unitSpace + "m"))</dd>
            <dt>\(LandText.officeShare(lang))</dt><dd>\(pct(pc.officeShareMax))</dd>
            </dl></section>
            <section class="card">\(map)</section></div>
            \(m.canSell ? SaleForms.auctionForm(parcelID: parcel.id!, csrf: ctx.csrf, today: ctx.today, lang: lang) : .empty)
            <section class="card"><h2>\(LandText.leases(lang))</h2>\(leases)</section>
            """
            return ConsolePage(title: "\(LandText.parcel(lang)) \(parcel.code)", section: .land, body: body)
        }
    }

    enum ImportView {
        static func render(_ result: ReportImportPage.Result?, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let body: HTML = """
            <p><a href="\(ConsoleURL.land(.overview))">← \(LandText.land(lang))</a></p><h1>\(LandText.importParcels(lang))</h1>
            \(result.map { ImportReport.render(rows: $0.rows, what: LandText.parcels(lang), errors: $0.errors, dryRun: $0.dryRun, lang) } ?? .empty)
            <section class="card"><p>\(LandText.importParcelsIntro(lang))</p>
            <form method="post" action="\(ConsoleURL.land(.parcelImport))" enctype="multipart/form-data" class="filters">\(Markup.csrfField(ctx.csrf))
            <label>\(ConsoleText.file(lang))<input type="file" name="file" accept=".geojson,.json,application/geo+json" required></label>
            <label class="check"><input type="checkbox" name="dry_run" value="1">\(ConsoleText.dryRun(lang))</label>
            <button class="btn">\(ConsoleText.upload(lang))</button></form></section>
            """
            let failed = !(result?.errors.isEmpty ?? true)
            return ConsolePage(title: LandText.importParcels(lang), section: .land, body: body, status: failed ? .unprocessableEntity : .ok)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.on(.land(.parcelsExport)) { req in
            let res = Response(body: ExportStream.parcels(ParcelRepository(db: req.db)).responseBody)
            res.headers.contentType = .init(type: "application", subType: "geo+json")
            res.headers.contentDisposition = .init(.attachment, filename: "parcels-\(req.park.today.iso).geojson")
            return res
        }
        router.page(.land(.parcelImportForm)) { ctx, _ in ImportView.render(nil, ctx) }
        router.on(.land(.parcelImport), body: .collect(maxSize: ByteCount(value: ParcelGeoJSON.maxBytes + 64 * 1024))) { req in
            let ctx = PageContext(req)
            let form = try req.form(ImportPage.Upload.self)
            guard let file = form.file, file.data.readableBytes > 0 else { throw DomainError.required("file") }
            let dry = form.dry_run != nil
            let r = try await ParcelRepository(db: ctx.db, clock: ctx.park.clock).importGeoJSON(Data(buffer: file.data), dryRun: dry, by: try ctx.user())
            return ImportView.render(ReportImportPage.Result(rows: r.parcels, errors: r.errors, dryRun: dry), ctx).response(ctx)
        }
        router.page(.land(.parcel(.key))) { ctx, req in View.render(try await Model.load(try req.pathID(), on: ctx), ctx) }
    }
}
