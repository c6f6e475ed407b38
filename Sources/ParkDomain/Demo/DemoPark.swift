/// The size of a demo park.
public enum DemoScale: String, Sendable, CaseIterable {
    /// About 200 enterprises: for development and quick demos.
    case small
    /// About 5,000 enterprises, in the proportions of Suzhou Industrial Park.
    case sip
    /// 100,000 enterprises, twenty times the SIP demo: the size a benchmark or a scale check
    /// needs (every table in the SIP demo's proportions, as far as the park's extent holds them).
    case large

    public var enterpriseCount: Int {
        switch self {
        case .small: 200
        case .sip: 5_000
        case .large: 100_000
        }
    }

    /// Parcels and leases: SIP's 1,500 and 1,200 at 5,000 enterprises, the same proportion at
    /// the large scale, laid out over `districts` SIP-sized extents (one holds about 1,570).
    public var landCounts: (parcels: Int, leases: Int) {
        switch self {
        case .small: (60, 45)
        case .sip: (1_500, 1_200)
        case .large: (30_000, 24_000)
        }
    }

    /// How many SIP-sized extents the land is laid out over.
    public var districts: Int { self == .large ? 20 : 1 }
}

/// A synthetic park register. The same seed, scale and date give the same enterprises, in the
/// same order, on every machine. `enterprises[0]` is always Bosch Automotive Parts (Suzhou), a
/// foreign Fortune Global 500 subsidiary; `enterprises[1]` always Suzhou Xinrui Biotech, a
/// domestic biomedicine firm listed on the STAR Market.
public struct DemoPark: Sendable {
    public let enterprises: [Enterprise]

    public init(enterprises: [Enterprise]) { self.enterprises = enterprises }

    /// The park with the register's employees set from what the land reports say
    /// (`DemoLand.reportedEmployees`), so a firm's page and its lease reports agree.
    public func withEmployees(_ byIndex: [Int: Int]) -> DemoPark {
        var list = enterprises
        for (i, n) in byIndex where list.indices.contains(i) { list[i].employees = n }
        return DemoPark(enterprises: list)
    }

    public static func generate(seed: UInt64, scale: DemoScale, today: LocalDate) -> DemoPark {
        var planner = DemoPlanner(seed: seed, count: scale.enterpriseCount, today: today)
        return DemoPark(enterprises: planner.run())
    }
}

/// What the planner decides about an enterprise before its details are drawn.
struct DemoDraft: Sendable {
    var ownership: Ownership
    var country: String
    var parent: DemoParent?
    var clusters: [String]
    var regionalHeadquarters = false
    var rdCentre = false
    var listing: ListingBoard?
}

/// Draws a park in two steps: first the mix (ownership, clusters, Fortune 500 parents,
/// headquarters, R&D centres, listings) by quotas scaled from SIP's figures, then each firm's
/// details. Quotas keep the counts close to the targets at every scale and seed.
struct DemoPlanner {
    var rng: SeededGenerator
    let count: Int
    let today: LocalDate
    var drafts: [DemoDraft] = []

    /// Targets for a park of 5,000 (DOMAIN.md §4), scaled to `count`.
    static let reference = 5_000
    static let fortune500 = 108, rdCentres = 250, headquarters = 140, listed = 250, twoClusters = 130
    static let ownershipMix: [(Ownership, Int)] = [
        (.foreign, 2_250), (.hongKongMacaoTaiwan, 500), (.jointVenture, 500), (.domestic, 1_750),
    ]
    static let clusterMix: [(String, Int)] = [
        ("biomedicine", 1_960), ("electronics", 820), ("nanotech", 560), ("equipment", 540), ("ai", 330),
        ("semiconductors3g", 120), ("", 670),
    ]

    init(seed: UInt64, count: Int, today: LocalDate) {
        // Salted, so the park is not the same stream as other users of this seed.
        rng = SeededGenerator(seed: seed ^ 0x5349_5020_5041_524B)
        self.count = max(count, 2)
        self.today = today
    }

    func scaled(_ target: Int, atLeast minimum: Int) -> Int {
        max(minimum, (target * count + Self.reference / 2) / Self.reference)
    }

    mutating func run() -> [Enterprise] {
        let anchors = DemoDetails.anchors(today: today)
        planFortune500(existing: 1)
        planRegular(anchors: anchors)
        rng.shuffle(&drafts)
        addSecondClusters()
        flag(target: scaled(Self.rdCentres, atLeast: 5) - 1, parentPercent: 35,
             set: { $0.rdCentre = true }, isSet: { $0.rdCentre })
        flag(target: scaled(Self.headquarters, atLeast: 4), parentPercent: 30,
             set: { $0.regionalHeadquarters = true }, isSet: { $0.regionalHeadquarters })
        planListings(alreadyListed: anchors.filter { $0.listing != nil }.count)
        var details = DemoDetails(today: today, reserved: anchors)
        return anchors + drafts.map { details.enterprise(for: $0, rng: &rng) }
    }

    /// Subsidiaries of Fortune Global 500 groups (`existing` of them are among the anchors).
    mutating func planFortune500(existing: Int) {
        let target = scaled(Self.fortune500, atLeast: 4) - existing
        let weights = DemoParent.all.map(\.weight)
        for _ in 0..<max(0, target) {
            let parent = DemoParent.all[rng.weightedIndex(weights)]
            let ownership: Ownership = switch parent.country {
            case "CN": .domestic
            case "HK", "MO", "TW": .hongKongMacaoTaiwan
            default: rng.chance(15) ? .jointVenture : .foreign
            }
            let clusters = parent.clusters.isEmpty ? [] : [rng.pick(parent.clusters)]
            drafts.append(DemoDraft(ownership: ownership, country: parent.country, parent: parent,
                                    clusters: clusters, listing: parent.board))
        }
    }

    /// The other firms: ownership and primary cluster by quota, shuffled independently.
    mutating func planRegular(anchors: [Enterprise]) {
        let regular = count - anchors.count - drafts.count
        guard regular > 0 else { return }
        let owners = fill(Self.ownershipMix, regular: regular, filler: .domestic,
                          used: anchors.map(\.ownership) + drafts.map(\.ownership))
        let clusters = fill(Self.clusterMix, regular: regular, filler: "",
                            used: anchors.map { $0.clusters.first ?? "" } + drafts.map { $0.clusters.first ?? "" })
        for (ownership, cluster) in zip(owners, clusters) {
            let country = switch ownership {
            case .domestic: "CN"
            case .hongKongMacaoTaiwan: rng.weighted(DemoCatalog.hmtCountries)
            case .foreign, .jointVenture: rng.weighted(DemoCatalog.foreignCountries)
            }
            drafts.append(DemoDraft(ownership: ownership, country: country, parent: nil,
                                    clusters: cluster.isEmpty ? [] : [cluster]))
        }
    }

    /// `regular` values whose counts, added to `used`, come close to the scaled `mix`; the
    /// filler takes what is left over. Returned shuffled.
    mutating func fill<T: Equatable>(_ mix: [(T, Int)], regular: Int, filler: T, used: [T]) -> [T] {
        var out: [T] = []
        for (value, target) in mix where value != filler {
            let want = scaled(target, atLeast: 1) - used.filter { $0 == value }.count
            out += Array(repeating: value, count: max(0, min(want, regular - out.count)))
        }
        out += Array(repeating: filler, count: regular - out.count)
        rng.shuffle(&out)
        return out
    }

    /// A few firms work in two clusters.
    mutating func addSecondClusters() {
        var left = scaled(Self.twoClusters, atLeast: 3)
        for i in drafts.indices where left > 0 {
            guard let primary = drafts[i].clusters.first, drafts[i].parent == nil, rng.chance(4) else { continue }
            let options = DemoCatalog.secondaryClusters(for: primary)
            guard !options.isEmpty else { continue }
            drafts[i].clusters.append(rng.pick(options))
            left -= 1
        }
    }

    /// Sets a flag on `target` non-domestic firms: Fortune 500 subsidiaries first (each with
    /// `parentPercent` chance), then others in random order.
    mutating func flag(target: Int, parentPercent: Int, set: (inout DemoDraft) -> Void,
                       isSet: (DemoDraft) -> Bool) {
        var order = Array(drafts.indices)
        rng.shuffle(&order)
        var done = 0
        for i in order where done < target && drafts[i].parent != nil && drafts[i].ownership != .domestic {
            if rng.chance(parentPercent) { set(&drafts[i]); done += 1 }
        }
        for i in order where done < target && drafts[i].parent == nil && drafts[i].ownership != .domestic {
            if !isSet(drafts[i]) { set(&drafts[i]); done += 1 }
        }
    }

    /// About 5 % of firms are listed (themselves or their parent): Fortune 500 subsidiaries take
    /// their group's board, the others are mostly domestic firms.
    mutating func planListings(alreadyListed: Int) {
        let target = scaled(Self.listed, atLeast: 6)
        var done = alreadyListed + drafts.filter { $0.listing != nil }.count
        var order = Array(drafts.indices)
        rng.shuffle(&order)
        for _ in 0..<4 where done < target {
            for i in order where done < target && drafts[i].listing == nil && drafts[i].parent == nil {
                let percent = drafts[i].ownership == .domestic ? 12 : 3
                guard rng.chance(percent) else { continue }
                drafts[i].listing = Self.board(for: drafts[i].country, &rng)
                done += 1
            }
        }
    }

    /// A board that fits where the firm's investor comes from.
    static func board(for country: String, _ rng: inout SeededGenerator) -> ListingBoard {
        switch country {
        case "CN": rng.weighted([(ListingBoard.sseStar, 35), (.szseChinext, 22), (.sseMain, 15), (.szseMain, 8),
                                 (.hkex, 15), (.bse, 5)])
        case "US": rng.weighted([(ListingBoard.nasdaq, 65), (.nyse, 35)])
        case "HK", "MO": .hkex
        default: .other
        }
    }
}
