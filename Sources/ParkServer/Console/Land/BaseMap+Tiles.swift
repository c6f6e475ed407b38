import Foundation
import ParkDomain

extension BaseMap {
    /// The box the sub-area outlines fill: the park's frame (nil without sub-areas).
    var frame: GeoBox? { GeoBox(layers.filter { $0.kind == .subArea }.flatMap { $0.lines.flatMap { $0 } }) }

    /// The base map under parcels that reach beyond its frame: the frame repeated, whole, east
    /// and north as far as the parcels go, each copy's lakes and outlines clipped to its frame so
    /// a lake shore does not cover the next copy's parcels. This is how the large demo lays out
    /// a park twenty times SIP's register (`DemoParcelLayout.slots(districts:)`: SIP's layout
    /// repeated five districts to a row, sub-areas and roads repeating with it); drawn without
    /// the copies, its parcels spread five times wider than the one base map. Parcels inside
    /// the frame (the default demo, a park with its own base map) leave the map as shipped.
    func covering(_ parcels: GeoBox?) -> BaseMap {
        guard let parcels, let frame, frame.width > 0, frame.height > 0 else { return self }
        let slack = 0.02   // a parcel's corner a few metres past the frame is not another district
        let columns = Int(((parcels.east - frame.west) / frame.width - slack).rounded(.up))
        let rows = Int(((parcels.north - frame.south) / frame.height - slack).rounded(.up))
        guard columns > 1 || rows > 1, columns <= 20, rows <= 20,
              parcels.west >= frame.west - frame.width * slack, parcels.south >= frame.south - frame.height * slack else { return self }
        var out: [Layer] = []
        for row in 0 ..< rows {
            for column in 0 ..< columns {
                let dx = Double(column) * frame.width, dy = Double(row) * frame.height
                let tile = GeoBox(west: frame.west + dx, south: frame.south + dy, east: frame.east + dx, north: frame.north + dy)
                for l in layers {
                    let moved = l.lines.map { $0.map { GeoPoint(longitude: $0.longitude + dx, latitude: $0.latitude + dy) } }
                    let lines = l.kind == .road ? moved : moved.map { BaseMap.clip($0, to: tile) }
                    guard lines.contains(where: { $0.count >= (l.kind == .road ? 2 : 3) }) else { continue }
                    out.append(Layer(kind: l.kind, name: l.name, code: l.code, lines: lines))
                }
            }
        }
        return BaseMap(layers: out)
    }

    /// A polygon ring cut to a box (Sutherland–Hodgman, one edge of the box at a time).
    static func clip(_ ring: [GeoPoint], to b: GeoBox) -> [GeoPoint] {
        typealias Edge = (inside: (GeoPoint) -> Bool, cross: (GeoPoint, GeoPoint) -> GeoPoint)
        func atLongitude(_ x: Double) -> (GeoPoint, GeoPoint) -> GeoPoint {
            { p, q in GeoPoint(longitude: x, latitude: p.latitude + (q.latitude - p.latitude) * (x - p.longitude) / (q.longitude - p.longitude)) }
        }
        func atLatitude(_ y: Double) -> (GeoPoint, GeoPoint) -> GeoPoint {
            { p, q in GeoPoint(longitude: p.longitude + (q.longitude - p.longitude) * (y - p.latitude) / (q.latitude - p.latitude), latitude: y) }
        }
        let edges: [Edge] = [({ $0.longitude >= b.west }, atLongitude(b.west)), ({ $0.longitude <= b.east }, atLongitude(b.east)),
                             ({ $0.latitude >= b.south }, atLatitude(b.south)), ({ $0.latitude <= b.north }, atLatitude(b.north))]
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        for edge in edges where !points.isEmpty {
            let input = points
            points = []
            for (i, q) in input.enumerated() {
                let p = input[(i + input.count - 1) % input.count]
                switch (edge.inside(p), edge.inside(q)) {
                case (true, true): points.append(q)
                case (true, false): points.append(edge.cross(p, q))
                case (false, true): points.append(edge.cross(p, q)); points.append(q)
                case (false, false): break
                }
            }
        }
        return points.isEmpty ? [] : points + [points[0]]
    }
}
