import Foundation
import ParkDomain

/// A server-rendered SVG map of parcels, coloured by the state of their current lease.
/// Longitude and latitude are projected equirectangularly with the longitude scaled by
/// cos(latitude), which keeps shapes true at the park's size (a few tens of kilometres).
struct ParcelMap {
    struct Item {
        var parcel: Parcel
        var state: LeaseState?
        var title: String
    }

    let items: [Item]
    let width: Double = 1200
    let height: Double = 720

    static func colour(_ state: LeaseState?) -> String {
        switch state {
        case nil: "#cfd8e3"
        case .auctioned?: "#c6dbef"
        case .confirmed?: "#9ecae1"
        case .contracted?: "#4292c6"
        case .underConstruction?: "#6baed6"
        case .inProduction?: "#31a354"
        case .assessmentDue?: "#fd8d3c"
        case .assessed?: "#e6550d"
        case .extended?: "#006d2c"
        case .reclaimed?: "#a50f15"
        case .expired?: "#969696"
        case .lapsed?: "#d4b9da"
        }
    }

    /// The ink for a count written on `colour(state)`: dark on the light fills, white on the dark.
    static func ink(_ state: LeaseState?) -> String {
        let hex = colour(state).dropFirst()
        let channels = stride(from: 0, to: 6, by: 2).map { i -> Double in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return Double(Int(hex[start ..< hex.index(start, offsetBy: 2)], radix: 16) ?? 0) / 255
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return luminance > 0.55 ? "#1b2733" : "#ffffff"
    }

    /// The state's name in the legend and the parcels' titles.
    static func label(_ state: LeaseState?, _ lang: Language) -> String { state?.label.text(lang) ?? LandText.none(lang) }

    func render(_ lang: Language) -> HTML {
        let points = items.flatMap(\.parcel.boundary)
        guard let minLon = points.map(\.longitude).min(), let maxLon = points.map(\.longitude).max(),
              let minLat = points.map(\.latitude).min(), let maxLat = points.map(\.latitude).max() else {
            return "<p class=\"sub\">—</p>"
        }
        let k = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = max((maxLon - minLon) * k, 1e-9), spanY = max(maxLat - minLat, 1e-9)
        let scale = min((width - 20) / spanX, (height - 20) / spanY)
        func xy(_ p: GeoPoint) -> String {
            let x = 10 + (p.longitude - minLon) * k * scale
            let y = 10 + (maxLat - p.latitude) * scale
            return String(format: "%.1f,%.1f", x, y)
        }
        let shapes = items.compactMap { item -> String? in
            guard let id = item.parcel.id else { return nil }
            let pts = item.parcel.boundary.map(xy).joined(separator: " ")
            let h: HTML = """
            <a href="\(ConsoleURL.land(.parcel(.value(id))))"><polygon points="\(pts)" fill="\(Self.colour(item.state))"><title>\(item.title)</title></polygon></a>
            """
            return h.raw
        }.joined()
        return """
        <svg class="map" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" xmlns="http://www.w3.org/2000/svg">\(HTML(raw: shapes))</svg>
        \(Self.legend(lang))
        """
    }

    /// Every state, each with its own colour: the legend explains whatever the map can show.
    /// `clusters`: the map may draw clusters, and the legend says how they are coloured.
    static func legend(_ lang: Language, clusters: Bool = false) -> HTML {
        let states: [LeaseState?] = [nil] + LeaseState.allCases.map { $0 }
        let items = states.map { s -> HTML in
            "<span class=\"legend\"><svg class=\"swatch\" viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" rx=\"3\" fill=\"\(colour(s))\"/></svg>\(label(s, lang))</span>"
        }
        let note: HTML = clusters ? "<p class=\"sub\">\(LandText.clusterColour(lang))</p>" : .empty
        return "<div class=\"legends\">\(items)</div>\(note)"
    }
}
