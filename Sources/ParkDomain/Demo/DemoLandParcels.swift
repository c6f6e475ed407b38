import Foundation

/// Lays out demo parcels inside SIP's extent (31.25–31.36 N, 120.64–120.80 E): blocks of
/// industrial land between roads, each parcel a quadrilateral inside its own box, so no two
/// overlap. Works in metres east and north of the extent's south-west corner (1° latitude ≈
/// 110,900 m, 1° longitude ≈ 95,200 m at 31.3° N) and converts to degrees at the end.
struct DemoParcelLayout {
    static let south = 31.25, north = 31.36, west = 120.64, east = 120.80
    static let metresPerDegreeLatitude = 110_900.0, metresPerDegreeLongitude = 95_200.0
    static let width = (east - west) * metresPerDegreeLongitude    // ≈ 15,232 m
    static let height = (north - south) * metresPerDegreeLatitude  // ≈ 12,199 m
    static let margin = 120.0

    /// The parcel's box (metres) before its corners are drawn in, and the area it was sized for.
    struct Slot: Sendable {
        var x0, y0, x1, y1: Double
        var centre: (x: Double, y: Double) { ((x0 + x1) / 2, (y0 + y1) / 2) }
    }

    /// Water the layout leaves free: Jinji Lake (金鸡湖) and Dushu Lake (独墅湖), as ellipses
    /// (centre longitude, latitude; semi-axes east and north in metres).
    static let lakes: [(lon: Double, lat: Double, rx: Double, ry: Double)] = [
        (120.695, 31.318, 1_500, 1_700), (120.735, 31.268, 1_500, 1_000),
    ]

    /// Every box of the extent, row by row from the south-west: bands 220–400 m deep between
    /// roads 35–70 m wide; along a band, boxes sized for 24–295 mu (mostly under 100) with
    /// 25–60 m between them; two small parcels may share a column, one on each road.
    static func slots(_ rng: inout SeededGenerator) -> [Slot] {
        slots(districts: 1, &rng)
    }

    /// The boxes of `districts` extents of SIP's size side by side, five to a row east then
    /// north (district 0 is SIP itself): the land of a park twenty times SIP's register
    /// (`DemoScale.large`) in the same density. Sub-areas and land uses repeat per district.
    static func slots(districts: Int, _ rng: inout SeededGenerator) -> [Slot] {
        var out: [Slot] = []
        for d in 0 ..< Swift.max(districts, 1) {
            let dx = Double(d % 5) * width, dy = Double(d / 5) * height
            out += district(&rng).map { Slot(x0: $0.x0 + dx, y0: $0.y0 + dy, x1: $0.x1 + dx, y1: $0.y1 + dy) }
        }
        return out
    }

    private static func district(_ rng: inout SeededGenerator) -> [Slot] {
        var out: [Slot] = []
        var y = margin
        while true {
            let band = Double(rng.int(in: 220...400))
            guard y + band <= height - margin else { break }
            var x = margin + Double(rng.int(in: 0...80))
            while true {
                if rng.chance(4) { x += Double(rng.int(in: 150...600)) }   // a canal, a green, a school
                let a = box(area: drawAreaM2(&rng), band: band, &rng)
                var column = [Slot(x0: x, y0: y, x1: x + a.w, y1: y + a.d)]
                var columnWidth = a.w
                if a.d < (band - 30) / 2, rng.chance(70) {
                    let b = box(area: drawAreaM2(&rng, small: true), band: band - a.d - 30, &rng)
                    if a.d + b.d + 30 <= band {
                        column.append(Slot(x0: x, y0: y + band - b.d, x1: x + b.w, y1: y + band))
                        columnWidth = Swift.max(columnWidth, b.w)
                    }
                }
                guard x + columnWidth <= width - margin else { break }
                for s in column where !inLake(s) { out.append(s) }
                x += columnWidth + Double(rng.int(in: 25...60))
            }
            y += band + Double(rng.int(in: 35...70))
        }
        return out
    }

    /// A box of about `area` m²: depth about √area (aspect 0.8–1.3), no deeper than `band`, no
    /// wider than 700 m (a large parcel in a shallow band comes out smaller).
    static func box(area: Double, band: Double, _ rng: inout SeededGenerator) -> (w: Double, d: Double) {
        let aspect = Double(rng.int(in: 80...130)) / 100
        var d = Swift.min(band, (area.squareRoot() * aspect).rounded())
        var w = (area / d).rounded(.up)
        if w > 700 { w = 700; d = Swift.min(band, (area / w).rounded(.up)) }
        return (w, d)
    }

    /// A parcel size in m²: 24–295 mu, most under 100 (the corners drawn in later lose up to
    /// about 12 %, so the parcel keeps at least 20 mu and stays under 300).
    static func drawAreaM2(_ rng: inout SeededGenerator, small: Bool = false) -> Double {
        let mu: Int
        if small { mu = rng.int(in: 24...60) } else {
            mu = switch rng.weightedIndex([40, 34, 19, 7]) {
            case 0: rng.int(in: 24...50)
            case 1: rng.int(in: 50...100)
            case 2: rng.int(in: 100...200)
            default: rng.int(in: 200...295)
            }
        }
        return AreaUnit.squareMetres(fromMu: Double(mu))
    }

    static func inLake(_ s: Slot) -> Bool {
        lakes.contains { lake in
            let cx = (lake.lon - west) * metresPerDegreeLongitude, cy = (lake.lat - south) * metresPerDegreeLatitude
            // The nearest point of the box to the lake's centre, inside the ellipse?
            let nx = Swift.min(Swift.max(cx, s.x0), s.x1), ny = Swift.min(Swift.max(cy, s.y0), s.y1)
            let dx = (nx - cx) / lake.rx, dy = (ny - cy) / lake.ry
            return dx * dx + dy * dy <= 1
        }
    }

    /// The parcel's corners, each drawn 0–3 % of the box's size inward (so parcels stay inside
    /// their boxes), counterclockwise and closed, rounded to 10⁻⁶° (about 0.1 m).
    static func ring(_ s: Slot, _ rng: inout SeededGenerator) -> [GeoPoint] {
        let w = s.x1 - s.x0, d = s.y1 - s.y0
        func inset(_ size: Double) -> Double { size * Double(rng.int(in: 0...30)) / 1_000 }
        let corners = [(s.x0 + inset(w), s.y0 + inset(d)), (s.x1 - inset(w), s.y0 + inset(d)),
                       (s.x1 - inset(w), s.y1 - inset(d)), (s.x0 + inset(w), s.y1 - inset(d))]
        let points = corners.map { c in
            GeoPoint(longitude: ((west + c.0 / metresPerDegreeLongitude) * 1e6).rounded() / 1e6,
                     latitude: ((south + c.1 / metresPerDegreeLatitude) * 1e6).rounded() / 1e6)
        }
        return points + [points[0]]
    }

    /// The sub-area (Chinese name) a point lies in, by a rough map of SIP's districts.
    static func subArea(x: Double, y: Double) -> String {
        let x = x.truncatingRemainder(dividingBy: width), y = y.truncatingRemainder(dividingBy: height)
        let lon = west + x / metresPerDegreeLongitude, lat = south + y / metresPerDegreeLatitude
        if lon >= 120.75 {
            if lat >= 31.335 { return "阳澄湖半岛" }
            if lat >= 31.30 { return "唯亭" }
            return "胜浦"
        }
        if lon >= 120.70 {
            if lat < 31.285 { return "独墅湖科教创新区" }
            if lat < 31.31 { return "斜塘" }
            return "湖东"
        }
        return lat >= 31.29 ? "湖西" : "娄葑"
    }

    /// Land use by district: the science and education district is mostly R&D land, the
    /// central districts around Jinji Lake hold most commercial land, industry elsewhere.
    static func landUse(subArea: String, _ rng: inout SeededGenerator) -> String {
        let mix: [(String, Int)] = switch subArea {
        case "独墅湖科教创新区": [("industrial", 35), ("rnd", 55), ("warehousing", 2), ("commercial", 8)]
        case "湖西", "湖东": [("industrial", 62), ("rnd", 14), ("warehousing", 6), ("commercial", 18)]
        default: [("industrial", 82), ("rnd", 7), ("warehousing", 9), ("commercial", 2)]
        }
        return rng.weighted(mix)
    }

    /// Planning conditions (规划条件) that fit the land use.
    static func planning(landUse: String, _ rng: inout SeededGenerator) -> PlanningConditions {
        func step(_ range: ClosedRange<Int>, _ scale: Double) -> Double { Double(rng.int(in: range)) / scale }
        switch landUse {
        case "rnd":
            let lo = step(12...20, 10)
            return PlanningConditions(plotRatioMin: lo, plotRatioMax: lo + step(5...12, 10), buildingDensityMax: step(7...9, 20),
                                      greenRatioMin: step(4...6, 20), heightLimitMetres: rng.pick([36, 40, 45, 50]),
                                      officeShareMax: nil)
        case "warehousing":
            let lo = step(10...12, 10)
            return PlanningConditions(plotRatioMin: lo, plotRatioMax: lo + step(4...8, 10), buildingDensityMax: step(10...12, 20),
                                      greenRatioMin: step(2...3, 20), heightLimitMetres: 24, officeShareMax: 0.07)
        case "commercial":
            let lo = step(20...25, 10)
            return PlanningConditions(plotRatioMin: lo, plotRatioMax: lo + step(5...15, 10), buildingDensityMax: step(8...10, 20),
                                      greenRatioMin: step(4...6, 20), heightLimitMetres: rng.pick([50, 60, 80, 100]),
                                      officeShareMax: nil)
        default:
            let lo = step(10...12, 10)
            return PlanningConditions(plotRatioMin: lo, plotRatioMax: Swift.min(2.5, lo + step(3...13, 10)),
                                      buildingDensityMax: step(8...12, 20), greenRatioMin: step(2...4, 20),
                                      heightLimitMetres: rng.pick([24, 24, 30, 36, 40, 45, 50]),
                                      officeShareMax: rng.pick([0.07, 0.07, 0.05]))
        }
    }
}
