import Foundation

/// Area units: ParkOS stores square metres; 1 mu (亩) = 2000/3 m².
public enum AreaUnit {
    public static let squareMetresPerMu = 2000.0 / 3.0
    public static func mu(fromSquareMetres m2: Double) -> Double { m2 / squareMetresPerMu }
    public static func squareMetres(fromMu mu: Double) -> Double { mu * squareMetresPerMu }
}

/// A land-use class (data): its code, names and the statutory maximum grant term.
public struct LandUseClass: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    /// Statutory maximum grant term in years (industrial 50, commercial 40, …).
    public var statutoryMaxYears: Int
    public init(code: String, name: Bilingual, statutoryMaxYears: Int) {
        self.code = code; self.name = name; self.statutoryMaxYears = statutoryMaxYears
    }

    public static let defaults: [LandUseClass] = [
        LandUseClass(code: "industrial", name: Bilingual(zh: "工业用地", en: "Industrial"), statutoryMaxYears: 50),
        LandUseClass(code: "rnd", name: Bilingual(zh: "科研用地", en: "R&D"), statutoryMaxYears: 50),
        LandUseClass(code: "warehousing", name: Bilingual(zh: "仓储用地", en: "Warehousing"), statutoryMaxYears: 50),
        LandUseClass(code: "commercial", name: Bilingual(zh: "商业用地", en: "Commercial"), statutoryMaxYears: 40),
        LandUseClass(code: "mixed", name: Bilingual(zh: "综合用地", en: "Mixed use"), statutoryMaxYears: 50),
    ]
}

/// A point in WGS84 degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var longitude: Double
    public var latitude: Double
    public init(longitude: Double, latitude: Double) { self.longitude = longitude; self.latitude = latitude }
}

/// Planning conditions written into the sale (规划条件).
public struct PlanningConditions: Sendable, Hashable, Codable {
    public var plotRatioMin: Double?
    public var plotRatioMax: Double?
    /// Building density, a share 0…1.
    public var buildingDensityMax: Double?
    /// Green ratio, a share 0…1.
    public var greenRatioMin: Double?
    public var heightLimitMetres: Double?
    /// Share of land for office and service facilities, 0…1.
    public var officeShareMax: Double?
    public init(plotRatioMin: Double? = nil, plotRatioMax: Double? = nil, buildingDensityMax: Double? = nil,
                greenRatioMin: Double? = nil, heightLimitMetres: Double? = nil, officeShareMax: Double? = nil) {
        self.plotRatioMin = plotRatioMin; self.plotRatioMax = plotRatioMax; self.buildingDensityMax = buildingDensityMax
        self.greenRatioMin = greenRatioMin; self.heightLimitMetres = heightLimitMetres; self.officeShareMax = officeShareMax
    }
}

/// A parcel of land (地块). Its boundary is one outer ring, closed (first point = last point).
public struct Parcel: Sendable, Hashable, Codable {
    public var id: UUID?
    public var code: String
    public var subArea: String
    public var landUse: String
    public var declaredAreaM2: Double
    public var boundary: [GeoPoint]
    public var planning: PlanningConditions

    public init(id: UUID? = nil, code: String, subArea: String, landUse: String, declaredAreaM2: Double,
                boundary: [GeoPoint], planning: PlanningConditions = PlanningConditions()) {
        self.id = id; self.code = code; self.subArea = subArea; self.landUse = landUse
        self.declaredAreaM2 = declaredAreaM2; self.boundary = boundary; self.planning = planning
    }

    public var declaredAreaMu: Double { AreaUnit.mu(fromSquareMetres: declaredAreaM2) }
}
