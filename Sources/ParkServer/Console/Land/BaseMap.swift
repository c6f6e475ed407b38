import Foundation
import ParkDomain

/// The base layers of the land map, shipped as GeoJSON in the package's resources
/// (`BaseMap/sip-basemap.geojson`): sub-area outlines, lakes (Jinji, Dushu, Yangcheng's south
/// shore) and main roads. Read once; drawn under the parcels.
struct BaseMap: Sendable {
    enum Kind: String, Sendable { case subArea = "sub_area", lake, road }

    struct Layer: Sendable {
        var kind: Kind
        var name: Bilingual
        /// The sub-area's code (its Chinese name), for sub-areas.
        var code: String?
        /// Rings of a polygon, or the one line of a road.
        var lines: [[GeoPoint]]
    }

    var layers: [Layer]

    /// The shipped base map (empty if the resource is missing or malformed, so the map still draws its parcels).
    static let sip: BaseMap = {
        guard let url = Bundle.module.url(forResource: "sip-basemap", withExtension: "geojson"),
              let data = try? Data(contentsOf: url) else { return BaseMap(layers: []) }
        return (try? parse(data)) ?? BaseMap(layers: [])
    }()

    private struct Doc: Decodable {
        struct Feature: Decodable {
            struct Properties: Decodable { var kind: String; var name_zh: String; var name_en: String; var code: String? }
            struct Geometry: Decodable {
                var type: String
                var coordinates: Coordinates
            }
            var properties: Properties
            var geometry: Geometry
        }
        var features: [Feature]
    }

    /// A LineString's positions or a Polygon's rings.
    private enum Coordinates: Decodable {
        case line([[Double]]), rings([[[Double]]])
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let rings = try? c.decode([[[Double]]].self) { self = .rings(rings) } else { self = .line(try c.decode([[Double]].self)) }
        }
    }

    static func parse(_ data: Data) throws -> BaseMap {
        let doc = try JSONDecoder().decode(Doc.self, from: data)
        func points(_ list: [[Double]]) -> [GeoPoint] { list.compactMap { $0.count >= 2 ? GeoPoint(longitude: $0[0], latitude: $0[1]) : nil } }
        return BaseMap(layers: doc.features.compactMap { f in
            guard let kind = Kind(rawValue: f.properties.kind) else { return nil }
            let lines: [[GeoPoint]] = switch f.geometry.coordinates {
            case .line(let l): [points(l)]
            case .rings(let r): r.map(points)
            }
            return Layer(kind: kind, name: Bilingual(zh: f.properties.name_zh, en: f.properties.name_en), code: f.properties.code, lines: lines)
        })
    }

    /// The box around every layer (nil for an empty map).
    var extent: GeoBox? { GeoBox(layers.flatMap { $0.lines.flatMap { $0 } }) }
}

/// Degrees to the map's metres: x east and y south of `origin` (the north-west corner), the
/// longitude scaled by cos(latitude) at `origin` (true at the park's size, a few tens of km).
/// The SVG draws in these metres, so a scale bar is a length in user units.
struct MapProjection: Sendable, Equatable {
    var origin: GeoPoint
    static let metresPerDegreeLatitude = 110_574.0

    var metresPerDegreeLongitude: Double { 111_320 * cos(origin.latitude * .pi / 180) }

    func x(_ lon: Double) -> Double { (lon - origin.longitude) * metresPerDegreeLongitude }
    func y(_ lat: Double) -> Double { (origin.latitude - lat) * Self.metresPerDegreeLatitude }

    /// "x,y" rounded to the metre.
    func point(_ p: GeoPoint) -> String { "\(Int(x(p.longitude).rounded())),\(Int(y(p.latitude).rounded()))" }

    /// The SVG viewBox of a box: "x y width height" in metres.
    func viewBox(_ b: GeoBox) -> String {
        "\(Int(x(b.west).rounded())) \(Int(y(b.north).rounded())) \(Int((x(b.east) - x(b.west)).rounded())) \(Int((y(b.south) - y(b.north)).rounded()))"
    }
}
