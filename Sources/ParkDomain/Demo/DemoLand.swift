import Foundation

/// A demo lease with what the seeder needs to store it.
public struct DemoLease: Sendable, Hashable {
    /// Index into `DemoLand.parcels`.
    public let parcelIndex: Int
    /// Index into the demo park's enterprises (`0..<enterpriseCount`).
    public let enterpriseIndex: Int
    /// The lease; `parcelID`, `enterpriseID` and the auction's winner are the zero UUID until
    /// the seeder fills in the stored ids.
    public let lease: Lease
    /// Yearly reports, oldest first.
    public let reports: [PerformanceReport]
    /// The officer's decision (extended and reclaimed leases).
    public let decision: AssessmentDecision?
    /// The date the lease was assessed (assessed, extended and reclaimed leases): six months
    /// before the first term ends, or today if that is earlier; the decision was taken on the
    /// engine's proposal as of this date, over the parcel's computed area (`computedAreaMu`, the
    /// area the store's assessments and alerts use).
    public let assessedOn: LocalDate?
}

/// The demo park's land: parcels inside SIP's extent and flexible-term leases in every state.
/// The same seed, scale, enterprise count and date give the same land on every machine.
///
/// - Parcels: about 1,500 (`sip`) or 60 (`small`), 20–300 mu each, quadrilaterals on a jittered
///   grid of blocks and roads that never overlap and stay clear of Jinji and Dushu lakes; sub-area
///   by position (湖西, 湖东, 独墅湖科教创新区, 阳澄湖半岛, 唯亭, 胜浦, 娄葑, 斜塘); mostly industrial,
///   with R&D, warehousing and some commercial land; codes like `SIP-2016-0123` (year of sale, or
///   of listing for unsold land); declared area = computed area ± 0.6 %, except about 3 % of
///   parcels that differ by 1.5–4 % (flagged by `Parcel.hasAreaMismatch`).
/// - Leases: about 1,200 (`sip`) or 45 (`small`), on non-commercial parcels, in every
///   `LeaseState` with dates consistent with `today` (contract starts spread over the last 12
///   years, so first terms end from about 2 years ago to 10 years ahead); 4–8 commitments each;
///   reports for each completed year since the start; about a quarter of the firms fall short.
/// - Enterprise 0 holds a lease due for assessment, enterprise 1 an extended lease and one in
///   production (when `enterpriseCount` allows).
public struct DemoLand: Sendable {
    public let parcels: [Parcel]
    public let leases: [DemoLease]

    public init(parcels: [Parcel], leases: [DemoLease]) { self.parcels = parcels; self.leases = leases }

    /// The land of a demo park of `scale` whose enterprises number `enterpriseCount`, as of `today`.
    public static func generate(seed: UInt64, scale: DemoScale, enterpriseCount: Int, today: LocalDate) -> DemoLand {
        // Salted, so the land is not the same stream as the enterprises drawn from this seed.
        var rng = SeededGenerator(seed: seed ^ 0x4C41_4E44_2D53_4950)
        let (parcelCount, wantedLeases) = scale.landCounts

        // Boxes over the whole extent, then an even sample of them.
        let all = DemoParcelLayout.slots(districts: scale.districts, &rng)
        var order = Array(all.indices)
        rng.shuffle(&order)
        let slots = order.prefix(parcelCount).sorted().map { all[$0] }
        var drafts: [ParcelDraft] = slots.map { slot in
            let subArea = DemoParcelLayout.subArea(x: slot.centre.x, y: slot.centre.y)
            let landUse = DemoParcelLayout.landUse(subArea: subArea, &rng)
            let planning = DemoParcelLayout.planning(landUse: landUse, &rng)
            let ring = DemoParcelLayout.ring(slot, &rng)
            let computed = Geodesy.areaSquareMetres(ring)
            let off = rng.chance(3) ? Double(rng.int(in: 150...400)) : Double(rng.int(in: 0...60))
            let declared = (computed * (1 + (rng.chance(50) ? off : -off) / 10_000) * 100).rounded() / 100
            return ParcelDraft(subArea: subArea, landUse: landUse, planning: planning, ring: ring, computedM2: computed,
                               declaredM2: declared)
        }

        // Leases on non-commercial parcels, states by quota.
        var eligible = drafts.indices.filter { drafts[$0].landUse != "commercial" }
        rng.shuffle(&eligible)
        let leaseCount = Swift.min(wantedLeases, Swift.min(slots.count, parcelCount) * 4 / 5)
        let leaseParcels = eligible.prefix(leaseCount).sorted()
        var states = DemoLeasePlanner.states(count: leaseParcels.count)
        rng.shuffle(&states)
        let planner = DemoLeasePlanner(today: today)
        var leases: [DemoLease] = []
        for (parcelIndex, state) in zip(leaseParcels, states) {
            let draft = drafts[parcelIndex]
            let enterprise = rng.below(Swift.max(enterpriseCount, 1))
            let lease = planner.lease(state: state, parcelIndex: parcelIndex, enterpriseIndex: enterprise,
                                      areaMu: AreaUnit.mu(fromSquareMetres: draft.computedM2), landUse: draft.landUse, &rng)
            drafts[parcelIndex].saleYear = lease.lease.auction.date.year
            leases.append(lease)
        }
        leases = Self.anchor(leases, enterpriseCount: enterpriseCount)

        // Codes: SIP-<year of sale or listing>-<number within the year>, in layout order.
        let firstYear = today.year - 20
        var counters = Array(repeating: 0, count: 21)
        var parcels: [Parcel] = []
        for draft in drafts {
            let year = Swift.min(Swift.max(draft.saleYear ?? rng.int(in: (today.year - 15)...(today.year - 1)), firstYear), today.year)
            counters[year - firstYear] += 1
            let code = String(format: "SIP-%04d-%04d", year, counters[year - firstYear])
            parcels.append(Parcel(code: code, subArea: draft.subArea, landUse: draft.landUse, declaredAreaM2: draft.declaredM2,
                                  boundary: draft.ring, planning: draft.planning))
        }
        return DemoLand(parcels: parcels, leases: leases)
    }

    /// Each enterprise's employees as its land reports them: for every lease it still holds
    /// (not reclaimed, expired or lapsed), the average employees of the latest report that
    /// has them, summed per enterprise index. Enterprises without such a report are absent.
    public func reportedEmployees() -> [Int: Int] {
        var out: [Int: Int] = [:]
        for l in leases where ![.reclaimed, .expired, .lapsed].contains(l.lease.state) {
            guard let n = l.reports.last(where: { $0.averageEmployees != nil })?.averageEmployees else { continue }
            out[l.enterpriseIndex, default: 0] += n
        }
        return out
    }

    /// Gives enterprise 0 the first lease due for assessment that is in production and enterprise 1
    /// the first extended lease and the first lease in production, so the demo logins have land
    /// to look at. (Enterprise 0 is Bosch, firm-a: given a plant that never produced, it reported
    /// zero tax, revenue and R&D every year and its D-grade electricity surcharge came to 0.00.)
    static func anchor(_ leases: [DemoLease], enterpriseCount: Int) -> [DemoLease] {
        var out = leases
        func give(_ state: LeaseState, to enterprise: Int) {
            let producing = out.firstIndex { $0.lease.state == state && $0.reports.contains { $0.productionStartDate != nil } }
            guard enterprise < enterpriseCount, let i = producing ?? out.firstIndex(where: { $0.lease.state == state }) else { return }
            let l = out[i]
            out[i] = DemoLease(parcelIndex: l.parcelIndex, enterpriseIndex: enterprise, lease: l.lease, reports: l.reports,
                               decision: l.decision, assessedOn: l.assessedOn)
        }
        give(.assessmentDue, to: 0)
        give(.extended, to: 1)
        give(.inProduction, to: 1)
        return out
    }
}

/// A parcel before its code is known.
struct ParcelDraft: Sendable {
    var subArea: String
    var landUse: String
    var planning: PlanningConditions
    var ring: [GeoPoint]
    var computedM2: Double
    var declaredM2: Double
    var saleYear: Int?
}

extension DemoLeasePlanner {
    static let placeholder = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// One lease in `state`: dates, auction and contract, agreement, reports and decision.
    func lease(state: LeaseState, parcelIndex: Int, enterpriseIndex: Int, areaMu: Double, landUse: String,
               _ rng: inout SeededGenerator) -> DemoLease {
        let t = timeline(state, &rng)
        let perMu = Double(rng.int(in: 20...38)) * 10_000 * (landUse == "rnd" ? 1.3 : 1)
        let reserve = Int64((areaMu * perMu / 10_000).rounded()) * 10_000
        let winning = Int64((Double(reserve) * Double(rng.int(in: 100...135)) / 100 / 10_000).rounded()) * 10_000
        let auction = AuctionRecord(date: t.auction, reservePriceYuan: reserve, winningBidYuan: winning,
                                    depositYuan: reserve / 5 / 10_000 * 10_000, winnerEnterpriseID: Self.placeholder,
                                    confirmedOn: t.confirmed)
        let expectedStart = t.start ?? t.auction.adding(days: 60)
        let due = expectedStart.adding(months: rng.int(in: 24...36))
        let commitments = self.commitments(areaMu: areaMu, landUse: landUse, productionDue: due, &rng)
        let performance = Self.performance(for: state, &rng)
        var contract: GrantContract?
        var reports: [PerformanceReport] = []
        var outcome: (assessedOn: LocalDate?, decision: AssessmentDecision?) = (nil, nil)
        if let signed = t.signed, let start = t.start {
            let c = GrantContract(signedOn: signed, startDate: start, priceYuan: winning)
            let production = productionStart(state: state, performance: performance, start: start, due: due, &rng)
            let ended = state == .reclaimed || state == .expired
            let lastYear = ended ? Swift.min(today.year - 1, c.firstTermEnd.year) : today.year - 1
            reports = self.reports(commitments: commitments, areaMu: areaMu, performance: performance, start: start,
                                   production: production, lastYear: lastYear, &rng)
            outcome = decision(state: state, contract: c, commitments: commitments, reports: reports, areaMu: areaMu, &rng)
            contract = c
        }
        let lease = Lease(parcelID: Self.placeholder, enterpriseID: Self.placeholder, state: state, auction: auction,
                          contract: contract, commitments: commitments,
                          extensionYears: state == .extended ? outcome.decision?.extensionYears ?? 0 : 0)
        return DemoLease(parcelIndex: parcelIndex, enterpriseIndex: enterpriseIndex, lease: lease, reports: reports,
                         decision: outcome.decision, assessedOn: outcome.assessedOn)
    }
}
