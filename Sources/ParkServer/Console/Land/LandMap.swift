import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The land map: the base layers (sub-areas, lakes, roads), the parcels of the viewport coloured
/// by the state of their current lease, a legend, a scale bar and a north arrow. The page draws
/// only its viewport: the parcels touching it when they are few (`maxParcels`), else clusters on
/// a grid (each a link that zooms to it). The script `/assets/land-map.js` adds zoom and pan and
/// asks `/land/map/parcels.geojson?bbox=` for each new viewport; without it, the zoom buttons and
/// clusters are links to the page at another `bbox`.
enum LandMap {
    static let maxParcels = 400
    static let columns = 12, rows = 9

    enum Content: Sendable {
        case parcels([ParcelMapQuery.MapParcel])
        case clusters([ParcelMapQuery.Cluster], total: Int)
    }

    struct Model: Sendable {
        var base: BaseMap
        var projection: MapProjection
        /// The whole park (base map and parcels): the reset view.
        var full: GeoBox
        var viewport: GeoBox
        var content: Content

        static func load(viewport: GeoBox?, on ctx: PageContext) async throws -> Model {
            let query = ParcelMapQuery(db: ctx.db)
            let parcelExtent = try await query.extent()
            let base = BaseMap.sip.covering(parcelExtent)
            let boxes = [base.extent, parcelExtent].compactMap { $0 }
            let full = (boxes.isEmpty ? GeoBox(west: 120.64, south: 31.25, east: 120.80, north: 31.36)
                : GeoBox(west: boxes.map(\.west).min()!, south: boxes.map(\.south).min()!, east: boxes.map(\.east).max()!, north: boxes.map(\.north).max()!))
                .padded(0.02)
            let view = viewport ?? full
            return Model(base: base, projection: MapProjection(origin: GeoPoint(longitude: full.west, latitude: full.north)),
                         full: full, viewport: view, content: try await LandMap.content(in: view, query))
        }
    }

    /// The parcels touching `box`, or clusters when they are more than `maxParcels`.
    static func content(in box: GeoBox, _ query: ParcelMapQuery) async throws -> Content {
        let n = try await query.count(in: box)
        if n <= maxParcels { return .parcels(try await query.parcels(in: box, limit: maxParcels)) }
        return .clusters(try await query.clusters(in: box, columns: columns, rows: rows), total: n)
    }

    static func title(_ p: ParcelMapQuery.MapParcel, _ lang: Language) -> String {
        "\(p.code) · \(SubArea.label(p.subArea).text(lang)) · \(Numbers.measure(AreaUnit.mu(fromSquareMetres: p.areaM2), .mu, lang)) · \(ParcelMap.label(p.state, lang))"
    }

    /// "Parcels: 1,234 · In production 800 · Contracted 300 · …": the count, then by state, most first.
    static func clusterTitle(_ c: ParcelMapQuery.Cluster, _ lang: Language) -> String {
        let parts = c.states.map { (label: ParcelMap.label($0.key, lang), n: $0.value) }
            .sorted { $0.n != $1.n ? $0.n > $1.n : $0.label < $1.label }.map { "\($0.label) \(Numbers.count($0.n))" }
        return (["\(LandText.clusterOf(lang)) \(Numbers.count(c.count))"] + parts).joined(separator: " · ")
    }

    static func zoomed(_ b: GeoBox, by factor: Double) -> GeoBox {
        let c = b.centre, hw = b.width * factor / 2, hh = b.height * factor / 2
        return GeoBox(west: c.longitude - hw, south: c.latitude - hh, east: c.longitude + hw, north: c.latitude + hh)
    }

    /// A round length for the scale bar at most `maxPixels` long, and its length in pixels.
    /// A label in one line, or two when it is wider than `width` (map units) at `fontSize`:
    /// split at the space nearest the middle (a Chinese name at its middle character).
    static func lines(_ text: String, width: Double, fontSize: Double) -> [String] {
        guard textWidth(text, fontSize: fontSize) > width, text.count > 3 else { return [text] }
        let chars = Array(text), middle = chars.count / 2
        let spaces = chars.indices.filter { chars[$0] == " " }
        if let cut = spaces.min(by: { abs($0 - middle) < abs($1 - middle) }) {
            return [String(chars[..<cut]), String(chars[(cut + 1)...])]
        }
        // A Latin word is not broken ("Xie|tang"): one line, left out by the caller if too wide.
        guard text.unicodeScalars.contains(where: { $0.value > 0x2E80 }) else { return [text] }
        return [String(chars[..<middle]), String(chars[middle...])]
    }

    /// About how wide `text` is at `fontSize` (a Chinese character one em, a Latin one 0.56 em).
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? 1.0 : 0.56) } * fontSize
    }

    /// A cluster's circle radius (map units): grows with the count's magnitude, never wider than
    /// its grid cell (`cell`, the smaller side) so neighbours do not overlap; and the font size
    /// at which its count fits inside the circle.
    static func clusterMarker(count: Int, unit: Double, cell: Double) -> (radius: Int, fontSize: Int) {
        let r = min(unit * min(2.2, 0.8 + log10(Double(max(count, 1))) / 2), cell * 0.42)
        let digits = Double(Numbers.count(count).count)
        return (Int(r.rounded()), Int(min(r * 0.9, r * 1.7 / (digits * 0.56)).rounded()))
    }

    static func scaleBar(metresPerPixel: Double, maxPixels: Double = 120) -> (metres: Double, pixels: Double) {
        let steps: [Double] = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
        let metres = steps.last { $0 / metresPerPixel <= maxPixels } ?? steps[0]
        return (metres, metres / metresPerPixel)
    }

    static func distance(_ metres: Double, _ lang: Language) -> String {
        metres >= 1_000 ? Numbers.decimal(metres / 1_000, digits: 0) + Numbers.unitSpace + "km" : Numbers.decimal(metres, digits: 0) + Numbers.unitSpace + "m"
    }

    enum View {
        static func render(_ m: Model, _ lang: Language) -> HTML {
            let pr = m.projection
            let vbWidth = pr.x(m.viewport.east) - pr.x(m.viewport.west)
            let layers = m.base.layers
            func ring(_ points: [GeoPoint]) -> String { points.map(pr.point).joined(separator: " ") }
            let subAreas = layers.filter { $0.kind == .subArea }.map { l -> HTML in
                "<polygon class=\"sub-area\" points=\"\(ring(l.lines.first ?? []))\" vector-effect=\"non-scaling-stroke\"/>"
            }
            let lakes = layers.filter { $0.kind == .lake }.map { l -> HTML in
                "<polygon class=\"lake\" points=\"\(ring(l.lines.first ?? []))\" vector-effect=\"non-scaling-stroke\"><title>\(l.name.text(lang))</title></polygon>"
            }
            let roads = layers.filter { $0.kind == .road }.map { l -> HTML in
                "<polyline class=\"road\" points=\"\(ring(l.lines.first ?? []))\" vector-effect=\"non-scaling-stroke\"><title>\(l.name.text(lang))</title></polyline>"
            }
            let fontSize = max(40, Int(vbWidth / 66))
            // Lakes are named at their centre, sub-areas at the top of their outline (a lake lies
            // inside a sub-area: both at the centre overlapped, Dushu Lake on its district), and
            // a name wider than its sub-area on two lines.
            let labels = layers.filter { $0.kind != .road }.compactMap { l -> HTML? in
                guard let box = GeoBox(l.lines.first ?? []) else { return nil }
                let name = l.code.map { SubArea.label($0).text(lang) } ?? l.name.text(lang)
                let short = name.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? name
                let x = Int(pr.x(box.centre.longitude))
                if l.kind == .lake {
                    guard LandMap.textWidth(short, fontSize: Double(fontSize)) <= abs(pr.x(box.east) - pr.x(box.west)) else { return nil }
                    return "<text class=\"lake-label\" x=\"\(x)\" y=\"\(Int(pr.y(box.centre.latitude)))\" text-anchor=\"middle\">\(short)</text>"
                }
                let width = abs(pr.x(box.east) - pr.x(box.west)) * 0.9
                let lines = LandMap.lines(short, width: width, fontSize: Double(fontSize))
                // Zoomed far out a sub-area is narrower than its name: leave it unnamed rather than
                // spill the name over its neighbours and the clusters (its outline stays).
                guard lines.allSatisfy({ LandMap.textWidth($0, fontSize: Double(fontSize)) <= width * 1.15 }) else { return nil }
                let spans = lines.enumerated().map { i, t -> HTML in "<tspan x=\"\(x)\" dy=\"\(i == 0 ? "1.5em" : "1.2em")\">\(t)</tspan>" }
                return "<text class=\"area-label\" x=\"\(x)\" y=\"\(Int(pr.y(box.north)))\" text-anchor=\"middle\">\(spans)</text>"
            }
            // Clusters (zoomed out) cover the sub-areas: their names would only collide with the counts.
            let clustered: Bool = if case .clusters = m.content { true } else { false }
            let mpp = vbWidth / 900
            let bar = LandMap.scaleBar(metresPerPixel: mpp)
            let zoomIn = LandMap.zoomed(m.viewport, by: 0.5), zoomOut = LandMap.zoomed(m.viewport, by: 2)
            let land = ConsoleURL.land(.overview)
            let countNote: HTML = switch m.content {
            case .clusters(_, let total): "<p class=\"sub\">\(LandText.mapClustered(lang, ["n": Numbers.count(total)]))</p>"
            case .parcels(let list): "<p class=\"sub\">\(LandText.mapParcels(lang, ["n": Numbers.count(list.count)]))</p>"
            }
            return """
            <div class="landmap" data-origin="\(String(m.projection.origin.longitude)),\(String(m.projection.origin.latitude))" data-full="\(m.full.text)"
             data-source="\(ConsoleURL.land(.mapParcels).href([("lang", lang.rawValue)]))" data-parcel="\(ConsoleURL.land(.parcel(.key)).path)"
             data-page="\(land.path)">
            <div class="map-tools">
            <a class="btn ghost small" data-zoom="in" href="\(land.href([("bbox", zoomIn.text)]))" title="\(LandText.zoomIn(lang))">+</a>
            <a class="btn ghost small" data-zoom="out" href="\(land.href([("bbox", zoomOut.text)]))" title="\(LandText.zoomOut(lang))">−</a>
            <a class="btn ghost small" data-zoom="reset" href="\(land.path)">\(LandText.wholePark(lang))</a></div>
            <svg class="map landmap-svg" id="landmap" viewBox="\(pr.viewBox(m.viewport))" preserveAspectRatio="xMidYMid meet" role="img" xmlns="http://www.w3.org/2000/svg">
            <g class="sub-areas">\(subAreas)</g><g class="lakes">\(lakes)</g><g class="roads">\(roads)</g>
            <g id="parcels">\(parcels(m, lang, vbWidth: vbWidth))</g>
            <g class="labels" id="map-labels" font-size="\(fontSize)"\(clustered ? HTML(raw: " display=\"none\"") : .empty)>\(labels)</g>
            </svg>
            <svg class="map-overlay" viewBox="0 0 160 64" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
            <g class="north"><path d="M20 6 L27 26 L20 21 L13 26 Z"/><text x="20" y="38" text-anchor="middle">N</text></g>
            <rect class="scale-bg" x="40" y="40" width="116" height="20" rx="3"/>
            <rect id="scale-bar" class="scale-bar" x="46" y="44" width="\(Int(bar.pixels.rounded()))" height="4"/>
            <text id="scale-label" class="scale-label" x="46" y="58">\(LandMap.distance(bar.metres, lang))</text>
            </svg>
            </div>
            \(countNote)
            \(ParcelMap.legend(lang, clusters: true))
            <script src="\(ConsoleURL.assets(.landMapScript))" defer></script>
            """
        }

        static func parcels(_ m: Model, _ lang: Language, vbWidth: Double) -> HTML {
            let pr = m.projection
            switch m.content {
            case .parcels(let list):
                return HTML(raw: list.map { p -> String in
                    let h: HTML = """
                    <a href="\(ConsoleURL.land(.parcel(.value(p.id))))"><polygon points="\(p.boundary.map(pr.point).joined(separator: " "))" fill="\(ParcelMap.colour(p.state))" vector-effect="non-scaling-stroke"><title>\(LandMap.title(p, lang))</title></polygon></a>
                    """
                    return h.raw
                }.joined())
            case .clusters(let list, _):
                let r = vbWidth / 900 * 14
                let vbHeight = abs(pr.y(m.viewport.south) - pr.y(m.viewport.north))
                let cell = min(vbWidth / Double(LandMap.columns), vbHeight / Double(LandMap.rows))
                return HTML(raw: list.map { c -> String in
                    let (radius, size) = LandMap.clusterMarker(count: c.count, unit: r, cell: cell)
                    let h: HTML = """
                    <a class="cluster" href="\(ConsoleURL.land(.overview).href([("bbox", c.box.padded(0.1).text)]))" data-bbox="\(c.box.padded(0.1).text)"><circle cx="\(Int(pr.x(c.centre.longitude)))" cy="\(Int(pr.y(c.centre.latitude)))" r="\(radius)" fill="\(ParcelMap.colour(c.dominant))" vector-effect="non-scaling-stroke"/><text x="\(Int(pr.x(c.centre.longitude)))" y="\(Int(pr.y(c.centre.latitude) + Double(size) * 0.35))" text-anchor="middle" font-size="\(size)" fill="\(ParcelMap.ink(c.dominant))">\(Numbers.count(c.count))</text><title>\(LandMap.clusterTitle(c, lang))</title></a>
                    """
                    return h.raw
                }.joined())
            }
        }
    }

    /// The viewport's parcels (or clusters) as GeoJSON for the map script.
    static func geoJSON(_ content: Content, _ lang: Language) throws -> Data {
        struct Feature: Encodable {
            struct Geometry: Encodable {
                var type: String
                var coordinates: AnyCoordinates
            }
            var type = "Feature"
            var geometry: Geometry
            var properties: [String: String]
        }
        enum AnyCoordinates: Encodable {
            case point([Double]), polygon([[[Double]]])
            func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .point(let p): try c.encode(p)
                case .polygon(let r): try c.encode(r)
                }
            }
        }
        struct Collection: Encodable { var type = "FeatureCollection"; var mode: String; var total: Int; var features: [Feature] }
        let doc: Collection
        switch content {
        case .parcels(let list):
            doc = Collection(mode: "parcels", total: list.count, features: list.map { p in
                Feature(geometry: .init(type: "Polygon", coordinates: .polygon([p.boundary.map { [$0.longitude, $0.latitude] }])),
                        properties: ["id": p.id.uuidString, "code": p.code, "state": p.state?.rawValue ?? "", "colour": ParcelMap.colour(p.state),
                                     "title": title(p, lang)])
            })
        case .clusters(let list, let total):
            doc = Collection(mode: "clusters", total: total, features: list.map { c in
                Feature(geometry: .init(type: "Point", coordinates: .point([c.centre.longitude, c.centre.latitude])),
                        properties: ["count": String(c.count), "label": Numbers.count(c.count), "bbox": c.box.padded(0.1).text,
                                     "colour": ParcelMap.colour(c.dominant), "ink": ParcelMap.ink(c.dominant), "title": clusterTitle(c, lang)])
            })
        }
        return try JSONEncoder().encode(doc)
    }

    static func register(_ router: ConsoleRouter) {
        router.on(.land(.mapParcels)) { req in
            guard let raw = req.query[String.self, at: "bbox"] else { throw DomainError.required("bbox") }
            let box = try GeoBox(parsing: raw)
            let data = try geoJSON(try await content(in: box, ParcelMapQuery(db: req.db)), RequestContext.current.language)
            let res = Response(body: .init(data: data))
            res.headers.contentType = .init(type: "application", subType: "geo+json")
            return res
        }
        router.on(.assets(.landMapScript)) { _ in
            let res = Response(body: .init(string: LandMapScript.js))
            res.headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            res.headers.cacheControl = .init(maxAge: 3600)
            return res
        }
    }
}
