import Foundation

/// Reads one GeoJSON feature into a parcel, collecting every fault as a `RowError` on the
/// feature's number. A property with a fault of its own (wrong type, missing) is not checked
/// again by `Parcel.problems`, so each fault is reported once.
struct FeatureReader {
    let row: Int
    var errors: [RowError] = []
    /// The parcel code, once read (for the duplicate check across the file).
    var code: String?
    private var faulty: Set<String> = []

    init(row: Int) { self.row = row }

    /// The parcel the feature describes, or nil when it is not a Feature at all. Meaningful only
    /// when `errors` is empty.
    mutating func parcel(_ feature: GeoJSONValue, landUses: Set<String>) -> Parcel? {
        guard case .object(let f) = feature, f["type"] == .string("Feature") else {
            add(nil, "not_a_feature",
                en: "item \(row) of \"features\" is not a GeoJSON Feature ({\"type\": \"Feature\", \"geometry\": …, \"properties\": …})",
                zh: "\"features\" 中第 \(row) 项不是 GeoJSON Feature（{\"type\": \"Feature\", \"geometry\": …, \"properties\": …}）")
            return nil
        }
        let ring = boundary(f["geometry"])
        var props: [String: GeoJSONValue] = [:]
        switch f["properties"] {
        case .object(let p)?: props = p
        case nil, .null?: break
        case let other?:
            add("properties", "not_an_object", en: "properties must be an object (found \(other.typeName))",
                zh: "properties 须为对象（当前为 \(other.typeName)）")
        }
        code = text(props, "code")
        let subArea = text(props, "sub_area")
        let landUse = text(props, "land_use")
        let declared = number(props, "declared_area_m2")
        if declared == nil, !faulty.contains("declared_area_m2") {
            add("declared_area_m2", "required", en: "the declared area (declared_area_m2, square metres) is required",
                zh: "申报面积（declared_area_m2，平方米）为必填项")
        }
        let planning = PlanningConditions(
            plotRatioMin: number(props, "plot_ratio_min"), plotRatioMax: number(props, "plot_ratio_max"),
            buildingDensityMax: number(props, "building_density_max"), greenRatioMin: number(props, "green_ratio_min"),
            heightLimitMetres: number(props, "height_limit_m"), officeShareMax: number(props, "office_share_max"))
        let parcel = Parcel(code: code ?? "", subArea: subArea ?? "", landUse: landUse ?? "",
                            declaredAreaM2: declared ?? .nan, boundary: ring ?? [], planning: planning)
        for problem in parcel.problems(landUses: landUses, checkBoundary: false) {
            let column = problem.field ?? ""
            if !faulty.contains(column) { errors.append(RowError(row: row, column: problem.field, error: problem)) }
        }
        return parcel
    }

    // MARK: - Geometry

    /// The outer ring of a Polygon geometry, validated by `Geodesy.validateRing`.
    private mutating func boundary(_ geometry: GeoJSONValue?) -> [GeoPoint]? {
        guard let geometry, geometry != .null else {
            add("geometry", "required", en: "the feature has no geometry; a parcel needs a Polygon",
                zh: "该要素没有几何图形；地块须为 Polygon（面）")
            return nil
        }
        guard case .object(let g) = geometry, g["type"] == .string("Polygon") else {
            var type = geometry.typeName
            if case .object(let g) = geometry, case .string(let t)? = g["type"] { type = t }
            add("geometry", "geometry_type",
                en: "the geometry is \(type); only Polygon is accepted (one parcel, one polygon: split a MultiPolygon into one feature per part)",
                zh: "几何类型为 \(type)；只接受 Polygon（一个地块对应一个面：MultiPolygon 请拆成每部分一个要素）")
            return nil
        }
        guard case .array(let rings)? = g["coordinates"], case .array(let positions)? = rings.first else {
            coordinatesFault(en: "a Polygon's coordinates must be a list of rings, each a list of [longitude, latitude]",
                             zh: "Polygon 的 coordinates 须为环的列表，每个环为 [经度, 纬度] 的列表")
            return nil
        }
        if rings.count > 1 {
            add("geometry", "geometry_holes",
                en: "the polygon has \(rings.count - 1) hole(s) (inner rings); parcels with holes are not accepted: remove the inner rings or split the parcel into parts without holes",
                zh: "该面含 \(rings.count - 1) 个内环（洞）；不接受带洞的地块：请删除内环，或将地块拆分为不带洞的几部分")
        }
        var points: [GeoPoint] = []
        points.reserveCapacity(positions.count)
        for (i, position) in positions.enumerated() {
            guard case .array(let xy) = position, xy.count >= 2,
                  case .number(let lon) = xy[0], case .number(let lat) = xy[1] else {
                coordinatesFault(en: "position \(i + 1) of the outer ring is not [longitude, latitude] in numbers",
                                 zh: "外环第 \(i + 1) 个坐标不是数字形式的 [经度, 纬度]")
                return nil
            }
            points.append(GeoPoint(longitude: lon, latitude: lat))
        }
        do throws(DomainError) {
            try Geodesy.validateRing(points)
        } catch {
            errors.append(RowError(row: row, column: "geometry", error: error))
            faulty.insert("geometry")
            return nil
        }
        return points
    }

    private mutating func coordinatesFault(en: String, zh: String) {
        add("geometry", "geometry_coordinates", en: en, zh: zh)
    }

    // MARK: - Properties

    /// A text property, trimmed; nil when absent, null or empty. Whole numbers are taken as text
    /// (GIS tools write numeric codes as numbers).
    private mutating func text(_ props: [String: GeoJSONValue], _ name: String) -> String? {
        switch props[name] {
        case nil, .null?: return nil
        case .string(let s)?:
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        case .number(let d)? where d == d.rounded() && abs(d) < 1e15:
            return String(Int64(d))
        case let other?:
            add(name, "not_text", en: "\(name) must be text (found \(other.typeName))",
                zh: "\(name) 须为文本（当前为 \(other.typeName)）")
            return nil
        }
    }

    /// A number property; nil when absent, null or empty text. Numeric text is accepted.
    private mutating func number(_ props: [String: GeoJSONValue], _ name: String) -> Double? {
        switch props[name] {
        case nil, .null?: return nil
        case .number(let d)?: return d
        case .string(let s)?:
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { return nil }
            if let d = Double(t), d.isFinite { return d }
            add(name, "not_a_number", en: "\(name) must be a number (found '\(t)')", zh: "\(name) 须为数字（当前为“\(t)”）")
            return nil
        case let other?:
            add(name, "not_a_number", en: "\(name) must be a number (found \(other.typeName))",
                zh: "\(name) 须为数字（当前为 \(other.typeName)）")
            return nil
        }
    }

    private mutating func add(_ column: String?, _ code: String, en: String, zh: String) {
        errors.append(RowError(row: row, column: column, code: code, en: en, zh: zh))
        if let column { faulty.insert(column) }
    }
}
