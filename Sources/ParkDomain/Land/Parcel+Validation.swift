import Foundation

extension Parcel {
    /// The longest parcel code accepted.
    public static let maxCodeLength = 40
    /// The longest sub-area name accepted.
    public static let maxSubAreaLength = 100
    /// Computed and declared areas may differ by this share of the declared area before the
    /// parcel is flagged (1 %).
    public static let areaMismatchTolerance = 0.01

    /// The boundary's geodesic area on the WGS84 ellipsoid, m² (see `Geodesy`).
    public var computedAreaM2: Double { Geodesy.areaSquareMetres(boundary) }

    /// The boundary's geodesic area in mu (亩).
    public var computedAreaMu: Double { AreaUnit.mu(fromSquareMetres: computedAreaM2) }

    /// |computed − declared| ÷ declared; infinity when the declared area is not positive.
    public var areaMismatchRatio: Double {
        guard declaredAreaM2 > 0 else { return .infinity }
        return abs(computedAreaM2 - declaredAreaM2) / declaredAreaM2
    }

    /// Whether the computed area differs from the declared one by more than 1 %
    /// (`areaMismatchTolerance`). A mismatch is a warning for the land bureau, not an error:
    /// the declared (surveyed) area stays the legal one.
    public var hasAreaMismatch: Bool { areaMismatchRatio > Parcel.areaMismatchTolerance }

    /// Throws the first fault, in this order: code (required, ≤ 40 characters of letters,
    /// digits, `-` and `_`), sub-area (≤ 100 characters), land use (required and in `landUses`),
    /// declared area (> 0), boundary (`Geodesy.validateRing`), planning conditions (shares in
    /// 0…1, plot ratios ≥ 0, height > 0, plot-ratio minimum ≤ maximum). Fields are named as the
    /// GeoJSON properties are (`code`, `land_use`, `declared_area_m2`, `boundary`, `plot_ratio_min`, …).
    public func validate(landUses: Set<String>) throws(DomainError) {
        if let first = problems(landUses: landUses).first { throw first }
    }

    /// Every fault, in `validate`'s order.
    func problems(landUses: Set<String>, checkBoundary: Bool = true) -> [DomainError] {
        var found: [DomainError] = []
        if let e = Parcel.codeProblem(code) { found.append(e) }
        if subArea.count > Parcel.maxSubAreaLength { found.append(.tooLong("sub_area", max: Parcel.maxSubAreaLength)) }
        if let e = Parcel.landUseProblem(landUse, landUses: landUses) { found.append(e) }
        if !(declaredAreaM2.isFinite && declaredAreaM2 > 0) {
            found.append(DomainError(code: "declared_area_not_positive", field: "declared_area_m2",
                                     en: "the declared area must be a number of square metres above 0 (found \(declaredAreaM2))",
                                     zh: "申报面积须为大于 0 的平方米数（当前为 \(declaredAreaM2)）"))
        }
        if checkBoundary {
            do throws(DomainError) { try Geodesy.validateRing(boundary) } catch { found.append(error) }
        }
        found += planning.problems()
        return found
    }

    static func codeProblem(_ code: String) -> DomainError? {
        if code.isEmpty {
            return DomainError(code: "required", field: "code", en: "the parcel code is required", zh: "地块编号为必填项")
        }
        if code.count > maxCodeLength { return .tooLong("code", max: maxCodeLength) }
        if let bad = code.first(where: { !($0.isLetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) {
            return DomainError(code: "parcel_code_format", field: "code",
                               en: "parcel code '\(code)' may hold only letters, digits, '-' and '_' (found '\(bad)')",
                               zh: "地块编号“\(code)”只能包含字母、数字、“-”和“_”（发现“\(bad)”）")
        }
        return nil
    }

    static func landUseProblem(_ landUse: String, landUses: Set<String>) -> DomainError? {
        if landUse.isEmpty {
            return DomainError(code: "required", field: "land_use", en: "the land use is required", zh: "用地性质为必填项")
        }
        guard landUses.contains(landUse) else {
            let known = landUses.sorted().joined(separator: ", ")
            return DomainError(code: "unknown_land_use", field: "land_use",
                               en: "unknown land use '\(landUse)' (known: \(known))",
                               zh: "未知的用地性质“\(landUse)”（可选：\(known)）")
        }
        return nil
    }
}

extension PlanningConditions {
    /// Every fault of the planning conditions, each on its GeoJSON property name.
    func problems() -> [DomainError] {
        var found: [DomainError] = []
        func share(_ value: Double?, _ field: String, _ zhName: String) {
            guard let value, !(value.isFinite && (0...1).contains(value)) else { return }
            let hint = value > 1 && value <= 100
            found.append(DomainError(code: "planning_out_of_range", field: field,
                                     en: "\(field) is \(value); a share must be between 0 and 1" + (hint ? " (write \(value / 100) for \(value) %)" : ""),
                                     zh: "\(zhName)为 \(value)，比例须在 0 至 1 之间" + (hint ? "（\(value)% 应写作 \(value / 100)）" : "")))
        }
        func nonNegative(_ value: Double?, _ field: String, _ zhName: String, strictly: Bool) {
            guard let value, !(value.isFinite && (strictly ? value > 0 : value >= 0)) else { return }
            found.append(DomainError(code: "planning_out_of_range", field: field,
                                     en: "\(field) is \(value); it must be \(strictly ? "above 0" : "0 or more")",
                                     zh: "\(zhName)为 \(value)，须\(strictly ? "大于 0" : "不小于 0")"))
        }
        nonNegative(plotRatioMin, "plot_ratio_min", "容积率下限", strictly: false)
        nonNegative(plotRatioMax, "plot_ratio_max", "容积率上限", strictly: false)
        if let lo = plotRatioMin, let hi = plotRatioMax, lo.isFinite, hi.isFinite, lo > hi {
            found.append(DomainError(code: "planning_min_above_max", field: "plot_ratio_min",
                                     en: "plot_ratio_min \(lo) is above plot_ratio_max \(hi)",
                                     zh: "容积率下限 \(lo) 高于上限 \(hi)"))
        }
        share(buildingDensityMax, "building_density_max", "建筑密度上限")
        share(greenRatioMin, "green_ratio_min", "绿地率下限")
        nonNegative(heightLimitMetres, "height_limit_m", "建筑限高", strictly: true)
        share(officeShareMax, "office_share_max", "行政办公及生活服务设施用地比例上限")
        return found
    }
}
