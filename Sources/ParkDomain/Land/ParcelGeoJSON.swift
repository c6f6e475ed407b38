import Foundation

/// Parcels as a GeoJSON (RFC 7946) FeatureCollection, for import from and export to GIS tools.
///
/// Each feature is one parcel: a `Polygon` geometry (its outer ring, coordinates
/// `[longitude, latitude]` in WGS84; rings with holes are refused) and these properties:
/// `code` (required, unique in the file), `sub_area`, `land_use` (required, one of the park's
/// land uses), `declared_area_m2` (required, > 0) and the optional planning conditions
/// `plot_ratio_min`, `plot_ratio_max`, `building_density_max`, `green_ratio_min`,
/// `height_limit_m`, `office_share_max`. Other properties are ignored, so an export
/// (which adds `computed_area_m2` and `area_mismatch`) imports back as it was.
public enum ParcelGeoJSON {
    /// The outcome of reading a file. All-or-nothing: `parcels` is filled only when `errors` is
    /// empty. An error's `row` is the feature's number in the file (1-based; 0 for the whole
    /// file) and its `column` the property at fault, or `geometry`.
    public struct ImportResult: Sendable {
        /// The parcels read, in file order; empty unless `errors` is.
        public let parcels: [Parcel]
        /// Every fault found, in file order.
        public let errors: [RowError]
        /// A result as read.
        public init(parcels: [Parcel], errors: [RowError]) { self.parcels = parcels; self.errors = errors }
    }

    /// The largest file accepted, in bytes (20 MiB).
    public static let maxBytes = 20 * 1024 * 1024

    /// The properties `encode` writes, in order (`decode` reads all but the last two).
    public static let properties = [
        "code", "sub_area", "land_use", "declared_area_m2", "plot_ratio_min", "plot_ratio_max",
        "building_density_max", "green_ratio_min", "height_limit_m", "office_share_max",
        "computed_area_m2", "area_mismatch",
    ]

    /// Reads a FeatureCollection and collects every fault (see `ImportResult`). Text properties are
    /// trimmed; numbers may be JSON numbers or numeric text (as some GIS tools write them); null,
    /// absent and empty text all mean "not given". A third coordinate (altitude) is ignored.
    public static func decode(_ data: Data, landUses: Set<String>) -> ImportResult {
        func fail(_ code: String, en: String, zh: String) -> ImportResult {
            ImportResult(parcels: [], errors: [RowError(row: 0, column: nil, code: code, en: en, zh: zh)])
        }
        guard data.count <= maxBytes else {
            let mb = String(format: "%.1f", Double(data.count) / 1_048_576)
            return fail("too_large", en: "the file is \(mb) MB; the limit is 20 MB — split it into several files",
                        zh: "文件大小为 \(mb) MB，上限为 20 MB，请拆分为多个文件")
        }
        let root: GeoJSONValue
        do {
            root = try JSONDecoder().decode(GeoJSONValue.self, from: data)
        } catch {
            // JSONSerialization says where the syntax breaks; JSONDecoder does not.
            var detail = ""
            do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch let e {
                if let d = (e as NSError).userInfo["NSDebugDescription"] as? String { detail = " (\(d))" }
            }
            return fail("invalid_json", en: "the file is not valid JSON\(detail)", zh: "文件不是有效的 JSON\(detail)")
        }
        guard case .object(let top) = root, top["type"] == .string("FeatureCollection"),
              case .array(let features)? = top["features"] else {
            var found = ""
            if case .object(let top) = root, case .string(let t)? = top["type"] { found = t }
            return fail("not_feature_collection",
                        en: "the file must be a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}" + (found.isEmpty ? "" : " (found type '\(found)')"),
                        zh: "文件须为 GeoJSON FeatureCollection：{\"type\": \"FeatureCollection\", \"features\": [...]}" + (found.isEmpty ? "" : "（当前类型为“\(found)”）"))
        }
        guard !features.isEmpty else {
            return fail("no_features", en: "the FeatureCollection has no features", zh: "FeatureCollection 中没有任何要素（地块）")
        }
        var parcels: [Parcel] = []
        var errors: [RowError] = []
        var firstRow: [String: Int] = [:]
        parcels.reserveCapacity(features.count)
        for (index, feature) in features.enumerated() {
            let row = index + 1
            var reader = FeatureReader(row: row)
            let parcel = reader.parcel(feature, landUses: landUses)
            if let code = reader.code {
                if let first = firstRow[code] {
                    reader.errors.append(RowError(row: row, column: "code", code: "duplicate_in_file",
                                                  en: "parcel code \(code) is also used by feature \(first)",
                                                  zh: "地块编号 \(code) 与第 \(first) 个要素重复"))
                } else {
                    firstRow[code] = row
                }
            }
            if let parcel, reader.errors.isEmpty { parcels.append(parcel) }
            errors += reader.errors
        }
        return ImportResult(parcels: errors.isEmpty ? parcels : [], errors: errors)
    }

    /// Writes the parcels as a FeatureCollection (UTF-8, one feature per line): every property in
    /// `properties`, absent planning conditions as null, `computed_area_m2` rounded to 0.01 m² and
    /// `area_mismatch` as `Parcel.hasAreaMismatch`. Rings are written closed and counterclockwise,
    /// as RFC 7946 requires of exterior rings (a clockwise ring is reversed).
    public static func encode(_ parcels: [Parcel]) -> Data {
        var out = collectionHead
        for (i, p) in parcels.enumerated() { out += (i == 0 ? "\n" : ",\n") + feature(p) }
        return Data((out + collectionTail).utf8)
    }

    /// The text before the first feature of a FeatureCollection; features follow, separated by
    /// ",\n" (the first preceded by "\n"), then `collectionTail`. Exports stream it this way.
    public static let collectionHead = "{\"type\":\"FeatureCollection\",\"features\":["
    public static let collectionTail = "\n]}\n"

    /// One parcel as a GeoJSON Feature (counter-clockwise outer ring, closed).
    public static func feature(_ p: Parcel) -> String {
        let c = p.planning
        let values: [String] = [
            string(p.code), string(p.subArea), string(p.landUse), number(p.declaredAreaM2),
            number(c.plotRatioMin), number(c.plotRatioMax), number(c.buildingDensityMax),
            number(c.greenRatioMin), number(c.heightLimitMetres), number(c.officeShareMax),
            number((p.computedAreaM2 * 100).rounded() / 100), p.hasAreaMismatch ? "true" : "false",
        ]
        let props = zip(properties, values).map { "\(string($0)):\($1)" }.joined(separator: ",")
        var ring = p.boundary
        if let first = ring.first, ring.last != first { ring.append(first) }
        if Geodesy.signedAreaSquareMetres(ring) < 0 { ring.reverse() }
        let coordinates = ring.map { "[\(number($0.longitude)),\(number($0.latitude))]" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"properties\":{\(props)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}"
    }

    // MARK: - JSON text

    /// A JSON number in Swift's shortest round-trip form; null when absent or not finite.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return value.description
    }

    /// A JSON string literal.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Any JSON value, keeping booleans apart from numbers (which `JSONSerialization` does not).
enum GeoJSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String)
    indirect case array([GeoJSONValue])
    indirect case object([String: GeoJSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        // Most likely first: coordinates are numbers inside lists.
        if c.decodeNil() { self = .null } else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let a = try? c.decode([GeoJSONValue].self) { self = .array(a) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else { self = .object(try c.decode([String: GeoJSONValue].self)) }
    }

    /// A short name of the value's JSON type, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "number"
        case .string: "text"
        case .array: "list"
        case .object: "object"
        }
    }
}
