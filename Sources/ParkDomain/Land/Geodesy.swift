import Foundation

/// Parcel boundaries on the WGS84 ellipsoid: ring validation and geodesic area.
///
/// **Area method.** Latitudes φ are mapped to authalic latitudes β (Snyder 1987, eqs. 3-11 and
/// 3-12: sin β = q(φ) ÷ q(90°)), which carries the ellipsoid onto the authalic sphere of radius
/// R_q = 6,371,007.180918 m with every area preserved. On that sphere the polygon's area is the
/// line integral of Chamberlain & Duquette (2007, "Some algorithms for polygons on a sphere"):
/// A = |R_q² ÷ 2 · Σ (λᵢ₊₁ − λᵢ)(sin βᵢ + sin βᵢ₊₁)|, summed over the edges, with each Δλ
/// taken the short way round (so rings across the antimeridian work; rings around a pole do not,
/// and parcels never are).
///
/// **Accuracy.** Edges along meridians and parallels are exact: a longitude–latitude rectangle
/// gets the closed-form ellipsoidal area (a²/2)·Δλ·(q(φ₂) − q(φ₁)) to rounding. A slanted edge is
/// taken as straight in (λ, sin β) rather than as a geodesic; against GeographicLib's exact
/// geodesic polygons (Karney 2013) at SIP's latitude (31.3° N) this differs by less than
/// 3 × 10⁻⁶ of the area for a 100 m triangle, 3 × 10⁻⁵ for a 1 km triangle and 6 × 10⁻⁵
/// (0.006 %) for a 2 km triangle; on rectangles, rotated or not, the edge errors cancel
/// (below 10⁻⁷). So for parcel-sized polygons the error is well under 0.01 %; only long thin
/// slivers, whose edge errors are large beside their small area, do worse.
public enum Geodesy {
    /// WGS84 semi-major axis a, metres.
    public static let semiMajorAxisMetres = 6_378_137.0
    /// WGS84 flattening f.
    public static let flattening = 1 / 298.257223563
    /// Radius R_q of the sphere with the WGS84 ellipsoid's surface area, metres.
    public static let authalicRadiusMetres = 6_371_007.180918
    /// Rings enclosing less than this (m²) are degenerate.
    public static let minimumAreaSquareMetres = 0.01

    static let eccentricitySquared = flattening * (2 - flattening)
    static let eccentricity = eccentricitySquared.squareRoot()
    static let qPole = q(sinLatitude: 1)

    /// Snyder's q(φ) = (1 − e²)·[sin φ ÷ (1 − e² sin² φ) + atanh(e sin φ) ÷ e].
    static func q(sinLatitude s: Double) -> Double {
        let e = eccentricity, e2 = eccentricitySquared
        return (1 - e2) * (s / (1 - e2 * s * s) + atanh(e * s) / e)
    }

    /// sin β of the authalic latitude β of a geodetic latitude given in degrees.
    public static func sinAuthalicLatitude(degrees: Double) -> Double {
        q(sinLatitude: sin(degrees * .pi / 180)) / qPole
    }

    /// The geodesic area of a ring in square metres, whatever its orientation. The closing point
    /// may be present or not; fewer than 3 corners give 0. Does not validate: see `validateRing`.
    public static func areaSquareMetres(_ ring: [GeoPoint]) -> Double {
        abs(signedAreaSquareMetres(ring))
    }

    /// The area with a sign: positive when the ring runs counterclockwise (seen from above),
    /// as RFC 7946 wants exterior rings.
    static func signedAreaSquareMetres(_ ring: [GeoPoint]) -> Double {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        let n = points.count
        guard n >= 3 else { return 0 }
        // Subtracting the first point's sin β (which leaves the sum unchanged, as Σ Δλ = 0 for a
        // ring that does not wind round a pole) keeps the terms small and the rounding low.
        let s0 = sinAuthalicLatitude(degrees: points[0].latitude)
        let s = points.map { sinAuthalicLatitude(degrees: $0.latitude) - s0 }
        var sum = 0.0
        for i in 0..<n {
            let j = i + 1 == n ? 0 : i + 1
            let dLon = (points[j].longitude - points[i].longitude).remainder(dividingBy: 360) * .pi / 180
            sum += dLon * (s[i] + s[j])
        }
        let r = authalicRadiusMetres
        return -sum * r * r / 2
    }

    /// Checks that a ring can be a parcel boundary, else throws a `DomainError` on field
    /// `boundary`: at least 4 points (`boundary_too_few_points`); every longitude in −180…180 and
    /// latitude in −90…90 (`boundary_coordinate_out_of_range`, naming the point, 1-based, and the
    /// value); closed, first point = last (`boundary_not_closed`); after dropping repeated
    /// consecutive points, no two non-adjacent edges touch (`boundary_self_intersection`, naming
    /// both edges by their points; this also catches a spike that doubles back along an edge, and a
    /// point visited twice); and it encloses at least `minimumAreaSquareMetres`
    /// (`boundary_degenerate`; fewer than 3 distinct corners, or all on one line).
    public static func validateRing(_ ring: [GeoPoint]) throws(DomainError) {
        guard ring.count >= 4 else {
            throw DomainError(code: "boundary_too_few_points", field: "boundary",
                              en: "the boundary has \(ring.count) point(s); a closed ring needs at least 4 (3 corners, then the first point again)",
                              zh: "边界只有 \(ring.count) 个点；闭合边界至少需要 4 个点（3 个顶点，末尾再重复第一个点）")
        }
        for (i, p) in ring.enumerated() {
            if !(p.longitude.isFinite && (-180...180).contains(p.longitude)) {
                throw outOfRange(point: i + 1, en: "longitude \(p.longitude) is outside −180…180",
                                 zh: "经度 \(p.longitude) 超出 −180…180 范围", swapped: false)
            }
            if !(p.latitude.isFinite && (-90...90).contains(p.latitude)) {
                throw outOfRange(point: i + 1, en: "latitude \(p.latitude) is outside −90…90",
                                 zh: "纬度 \(p.latitude) 超出 −90…90 范围",
                                 swapped: p.latitude.isFinite && abs(p.longitude) <= 90 && abs(p.latitude) <= 180)
            }
        }
        let f = ring[0], l = ring[ring.count - 1]
        guard f == l else {
            throw DomainError(code: "boundary_not_closed", field: "boundary",
                              en: "the boundary is not closed: its last point (\(l.longitude), \(l.latitude)) must repeat the first (\(f.longitude), \(f.latitude))",
                              zh: "边界未闭合：最后一个点（\(l.longitude), \(l.latitude)）应与第一个点（\(f.longitude), \(f.latitude)）相同")
        }
        // Corners without repeats, each with its 1-based point number in the ring as given.
        var corners: [(point: GeoPoint, number: Int)] = []
        for (i, p) in ring.dropLast().enumerated() where corners.last?.point != p {
            corners.append((p, i + 1))
        }
        while corners.count > 1, corners.last?.point == corners.first?.point { corners.removeLast() }
        guard corners.count >= 3 else { throw degenerate() }
        try checkSimple(corners, closingNumber: ring.count)
        guard areaSquareMetres(corners.map(\.point)) >= minimumAreaSquareMetres else { throw degenerate() }
    }

    // MARK: - Helpers

    private static func outOfRange(point: Int, en: String, zh: String, swapped: Bool) -> DomainError {
        DomainError(code: "boundary_coordinate_out_of_range", field: "boundary",
                    en: "point \(point) of the boundary: \(en)" + (swapped ? " (are longitude and latitude swapped? GeoJSON writes [longitude, latitude])" : ""),
                    zh: "边界第 \(point) 个点：\(zh)" + (swapped ? "（经纬度是否写反？GeoJSON 的顺序为 [经度, 纬度]）" : ""))
    }

    private static func degenerate() -> DomainError {
        DomainError(code: "boundary_degenerate", field: "boundary",
                    en: "the boundary encloses no area: its points repeat or lie on one line",
                    zh: "边界未围成面积：各点重复或位于同一直线上")
    }

    private static func crossing(_ a: (Int, Int), _ b: (Int, Int)) -> DomainError {
        DomainError(code: "boundary_self_intersection", field: "boundary",
                    en: "the boundary crosses itself: the edge from point \(a.0) to point \(a.1) meets the edge from point \(b.0) to point \(b.1)",
                    zh: "边界自相交：第 \(a.0)→\(a.1) 点之间的边与第 \(b.0)→\(b.1) 点之间的边相交")
    }

    /// Planar coordinates for the topology tests: longitude unwrapped relative to the first corner
    /// (so the antimeridian is no seam), latitude as is. Intersections are affine-invariant, so no
    /// scaling is needed.
    private static func planar(_ corners: [(point: GeoPoint, number: Int)]) -> [(x: Double, y: Double)] {
        let lon0 = corners[0].point.longitude
        return corners.map { ((($0.point.longitude - lon0).remainder(dividingBy: 360)), $0.point.latitude) }
    }

    private static func edgeNumbers(_ corners: [(point: GeoPoint, number: Int)], _ i: Int, closingNumber: Int) -> (Int, Int) {
        (corners[i].number, i + 1 < corners.count ? corners[i + 1].number : closingNumber)
    }

    /// Non-adjacent edges must not touch: O(n²) with a bounding-box reject.
    private static func checkSimple(_ corners: [(point: GeoPoint, number: Int)], closingNumber: Int) throws(DomainError) {
        let p = planar(corners), n = p.count
        for i in 0..<n {
            let a = p[i], b = p[(i + 1) % n]
            for j in stride(from: i + 2, to: n, by: 1) where !(i == 0 && j == n - 1) {
                let c = p[j], d = p[(j + 1) % n]
                if max(c.x, d.x) < min(a.x, b.x) || min(c.x, d.x) > max(a.x, b.x)
                    || max(c.y, d.y) < min(a.y, b.y) || min(c.y, d.y) > max(a.y, b.y) { continue }
                if segmentsTouch(a, b, c, d) {
                    throw crossing(edgeNumbers(corners, i, closingNumber: closingNumber),
                                   edgeNumbers(corners, j, closingNumber: closingNumber))
                }
            }
        }
    }

    private static func orientation(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double), _ r: (x: Double, y: Double)) -> Double {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }

    private static func onSegment(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double), _ r: (x: Double, y: Double)) -> Bool {
        min(p.x, q.x) <= r.x && r.x <= max(p.x, q.x) && min(p.y, q.y) <= r.y && r.y <= max(p.y, q.y)
    }

    /// Whether segments ab and cd share at least one point (crossing, touching or overlapping).
    private static func segmentsTouch(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double),
                                      _ c: (x: Double, y: Double), _ d: (x: Double, y: Double)) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) { return true }
        if o1 == 0, onSegment(a, b, c) { return true }
        if o2 == 0, onSegment(a, b, d) { return true }
        if o3 == 0, onSegment(c, d, a) { return true }
        if o4 == 0, onSegment(c, d, b) { return true }
        return false
    }
}
