/// Headline figures of the register, for the console home page.
public struct ParkStats: Sendable, Equatable, Codable {
    public var total = 0
    public var foreignInvested = 0
    public var fortune500 = 0
    public var rdCentres = 0
    public var regionalHQs = 0
    public var aboveSize = 0
    public var byCluster: [String: Int] = [:]
    public var withoutCluster = 0
    public var byOwnership: [Ownership: Int] = [:]
    public var byCountry: [String: Int] = [:]

    public init(_ enterprises: [Enterprise]) {
        for e in enterprises {
            total += 1
            if e.ownership != .domestic { foreignInvested += 1 }
            if e.fortune500Parent != nil { fortune500 += 1 }
            if e.rdCentre { rdCentres += 1 }
            if e.regionalHeadquarters { regionalHQs += 1 }
            if e.aboveDesignatedSize { aboveSize += 1 }
            if e.clusters.isEmpty { withoutCluster += 1 }
            for c in e.clusters { byCluster[c, default: 0] += 1 }
            byOwnership[e.ownership, default: 0] += 1
            if e.originCountry != "CN" { byCountry[e.originCountry, default: 0] += 1 }
        }
    }

    /// Origin countries other than China, most enterprises first (ties by code).
    public func topCountries(_ n: Int) -> [(code: String, count: Int)] {
        byCountry.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(n).map { ($0.key, $0.value) }
    }
}
