import Foundation

/// A bounding box in degrees (west, south, east, north): the part of the park a map shows, and
/// the box around a parcel's outline. Read from `w,s,e,n` text at the edge, every number checked.
public struct GeoBox: Sendable, Hashable, Codable {
    public var west: Double, south: Double, east: Double, north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// The box around `points` (nil when there are none).
    public init?(_ points: [GeoPoint]) {
        guard let w = points.map(\.longitude).min(), let e = points.map(\.longitude).max(),
              let s = points.map(\.latitude).min(), let n = points.map(\.latitude).max() else { return nil }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// "120.64,31.25,120.80,31.36": four finite numbers, longitudes within ±180, latitudes within
    /// ±90, west below east and south below north; otherwise refused naming `field`.
    public init(parsing text: String, field: String = "bbox") throws(DomainError) {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3],
              [w, s, e, n].allSatisfy(\.isFinite), (-180...180).contains(w), (-180...180).contains(e),
              (-90...90).contains(s), (-90...90).contains(n), w < e, s < n else {
            throw DomainError(code: "invalid_bbox", field: field,
                              en: "\(field) must be west,south,east,north in degrees, west below east and south below north",
                              zh: "\(field) 须为“西,南,东,北”经纬度，且西小于东、南小于北")
        }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// "w,s,e,n" with six decimals (about 0.1 m), as `init(parsing:)` reads it.
    public var text: String { [west, south, east, north].map { String(format: "%.6f", $0) }.joined(separator: ",") }

    public var width: Double { east - west }
    public var height: Double { north - south }
    public var centre: GeoPoint { GeoPoint(longitude: (west + east) / 2, latitude: (south + north) / 2) }

    /// Whether the two boxes share any point.
    public func intersects(_ o: GeoBox) -> Bool { west <= o.east && o.west <= east && south <= o.north && o.south <= north }

    /// The box grown by `fraction` of its size on every side (a map's margin).
    public func padded(_ fraction: Double) -> GeoBox {
        GeoBox(west: west - width * fraction, south: south - height * fraction, east: east + width * fraction, north: north + height * fraction)
    }
}
