import Foundation

/// What a project needs of a parcel: its land use, its area in mu and the planning it must be
/// allowed (the floor-area ratio it plans, the height of its tallest building). Entered by the
/// officer; the parcels that fit are listed for reservation.
public struct ProjectLandNeed: Sendable, Hashable, Codable {
    public var landUse: String
    public var areaMu: Double
    /// Floor area ÷ land area the project plans (容积率), if known.
    public var plotRatio: Double?
    /// Height of the tallest building planned, in metres, if known.
    public var heightMetres: Double?

    /// A parcel fits when its declared area is within ±20 % of the need.
    public static let areaTolerance = 0.2
    public static let plotRatios: ClosedRange<Double> = 0.01...20
    public static let heights: ClosedRange<Double> = 1...1000

    public init(landUse: String, areaMu: Double, plotRatio: Double? = nil, heightMetres: Double? = nil) {
        self.landUse = landUse; self.areaMu = areaMu; self.plotRatio = plotRatio; self.heightMetres = heightMetres
    }

    /// Refuses an empty land use, an area that is not positive, a plot ratio or height out of range.
    public func validate() throws(DomainError) {
        if landUse.trimmingCharacters(in: .whitespaces).isEmpty { throw .required("land_use") }
        try Bounds.quantity(areaMu, field: "area_mu")
        if areaMu <= 0 {
            throw DomainError(code: "out_of_range", field: "area_mu", en: "area_mu must be more than 0", zh: "用地面积须大于 0")
        }
        if let r = plotRatio { guard r.isFinite else { throw Bounds.outOfRange("plot_ratio", Self.plotRatios) }; try Bounds.check(r, in: Self.plotRatios, field: "plot_ratio") }
        if let h = heightMetres { guard h.isFinite else { throw Bounds.outOfRange("height_m", Self.heights) }; try Bounds.check(h, in: Self.heights, field: "height_m") }
    }

    /// The declared areas (m²) that fit: area ×(1 ∓ 20 %), 1 mu = 2000/3 m².
    public var areaRangeM2: ClosedRange<Double> {
        let m2 = AreaUnit.squareMetres(fromMu: areaMu)
        return m2 * (1 - Self.areaTolerance)...m2 * (1 + Self.areaTolerance)
    }
}

/// Why a parcel does not fit a project's need.
public enum LandMisfit: String, Sendable, Codable, CaseIterable {
    case landUse = "land_use"
    case areaTooSmall = "area_too_small"
    case areaTooLarge = "area_too_large"
    case plotRatioAboveMax = "plot_ratio_above_max"
    case plotRatioBelowMin = "plot_ratio_below_min"
    case heightAboveLimit = "height_above_limit"

    public var label: Bilingual {
        switch self {
        case .landUse: Bilingual(zh: "用地性质不符", en: "Land use differs")
        case .areaTooSmall: Bilingual(zh: "面积小于需求 20% 以上", en: "Area more than 20 % below the need")
        case .areaTooLarge: Bilingual(zh: "面积大于需求 20% 以上", en: "Area more than 20 % above the need")
        case .plotRatioAboveMax: Bilingual(zh: "计划容积率高于规划上限", en: "Planned plot ratio above the parcel's maximum")
        case .plotRatioBelowMin: Bilingual(zh: "计划容积率低于规划下限", en: "Planned plot ratio below the parcel's minimum")
        case .heightAboveLimit: Bilingual(zh: "建筑高度超过限高", en: "Building height above the parcel's limit")
        }
    }
}

/// The fit of a parcel to a project's land need. The same rule is the WHERE clause of the
/// candidate query in the store (`ProjectLandQuery`); a test holds the two together.
public enum LandMatch {
    /// Every way `parcel` fails `need`; empty when it fits. A planning condition the parcel
    /// does not set (or a need the project has not stated) does not exclude it.
    public static func misfits(_ parcel: Parcel, for need: ProjectLandNeed) -> [LandMisfit] {
        var out: [LandMisfit] = []
        if parcel.landUse != need.landUse { out.append(.landUse) }
        let range = need.areaRangeM2
        if parcel.declaredAreaM2 < range.lowerBound { out.append(.areaTooSmall) }
        if parcel.declaredAreaM2 > range.upperBound { out.append(.areaTooLarge) }
        if let r = need.plotRatio {
            if let max = parcel.planning.plotRatioMax, r > max { out.append(.plotRatioAboveMax) }
            if let min = parcel.planning.plotRatioMin, r < min { out.append(.plotRatioBelowMin) }
        }
        if let h = need.heightMetres, let limit = parcel.planning.heightLimitMetres, h > limit { out.append(.heightAboveLimit) }
        return out
    }
}

/// How a project's parcel reservation ended: the parcel's auction went to the project's
/// enterprise (`won`: the project continues in the land module with that lease) or to another
/// firm (`lost`: the project may reserve another parcel). Recorded by the land module's lease
/// step in its transaction; cleared again when that lease is withdrawn (the sale lapses).
public enum ReservationOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case won, lost

    public var label: Bilingual {
        switch self {
        case .won: Bilingual(zh: "竞得", en: "Won")
        case .lost: Bilingual(zh: "未竞得", en: "Lost")
        }
    }

    /// The outcome of a lease of the reserved parcel: won when the lessee is the project's enterprise.
    public static func of(lessee: UUID, projectEnterprise: UUID?) -> ReservationOutcome {
        lessee == projectEnterprise ? .won : .lost
    }
}
