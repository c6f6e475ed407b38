import Foundation

/// How well a demo firm does against its agreement.
enum DemoPerformance: Sendable {
    /// Every indicator 6–55 % above target: the full extension.
    case strong
    /// Indicators 16 % under to 12 % over: usually the shorter extension.
    case adequate
    /// Indicators 25–75 % of target, production often late or never: the land is taken back.
    case weak

    /// An indicator's level against its target.
    func factor(_ rng: inout SeededGenerator) -> Double {
        switch self {
        case .strong: Double(rng.int(in: 106...155)) / 100
        case .adequate: Double(rng.int(in: 84...112)) / 100
        case .weak: Double(rng.int(in: 25...75)) / 100
        }
    }
}

/// Draws one demo lease: its dates consistent with its state and `today`, its agreement, its
/// reports and, once decided, its decision.
struct DemoLeasePlanner {
    let today: LocalDate

    /// Leases per 1,000 in each state; the remainder of rounding goes to `inProduction`.
    static let stateMix: [(LeaseState, Int)] = [
        (.auctioned, 15), (.confirmed, 20), (.lapsed, 15), (.contracted, 40), (.underConstruction, 90),
        (.inProduction, 450), (.assessmentDue, 80), (.assessed, 50), (.extended, 160), (.reclaimed, 50), (.expired, 30),
    ]

    /// `count` states in the mix's proportions, at least one of each (unshuffled).
    static func states(count: Int) -> [LeaseState] {
        var out: [LeaseState] = []
        for (state, perMille) in stateMix where state != .inProduction {
            out += Array(repeating: state, count: Swift.max(1, (perMille * count + 500) / 1_000))
        }
        out += Array(repeating: LeaseState.inProduction, count: Swift.max(1, count - out.count))
        return Array(out.prefix(Swift.max(count, stateMix.count)))
    }

    /// The performance a lease in `state` gets: decided leases match their decision; about a
    /// quarter of the others fall short.
    static func performance(for state: LeaseState, _ rng: inout SeededGenerator) -> DemoPerformance {
        switch state {
        case .extended: rng.chance(75) ? .strong : .adequate
        case .reclaimed: .weak
        default: rng.weighted([(DemoPerformance.strong, 52), (.adequate, 25), (.weak, 23)])
        }
    }

    func date(daysBefore range: ClosedRange<Int>, _ rng: inout SeededGenerator) -> LocalDate {
        today.adding(days: -rng.int(in: range))
    }

    /// The auction, confirmation and contract dates. The contract is signed 5–40 days after the
    /// confirmation, which comes 1–5 days after the auction; the term starts 0–15 days after signing.
    func timeline(_ state: LeaseState, _ rng: inout SeededGenerator) -> (auction: LocalDate, confirmed: LocalDate?, signed: LocalDate?, start: LocalDate?) {
        let start: LocalDate
        switch state {
        case .auctioned:
            return (date(daysBefore: 0...3, &rng), nil, nil, nil)
        case .confirmed:
            let auction = date(daysBefore: 6...45, &rng)
            return (auction, auction.adding(days: rng.int(in: 1...5)), nil, nil)
        case .lapsed:
            return (date(daysBefore: 20...900, &rng), nil, nil, nil)
        case .contracted:
            start = date(daysBefore: 0...120, &rng)
        case .underConstruction:
            start = date(daysBefore: 180...1_280, &rng)
        case .inProduction:
            // Production under way (start 2–9 years ago), the assessment window not yet open.
            let earliest = today.adding(years: -9).adding(days: 30)
            start = LocalDate(dayNumber: rng.int(in: earliest.dayNumber...today.adding(days: -760).dayNumber))
        case .assessmentDue:
            start = today.adding(days: rng.int(in: 1...360)).adding(years: -10)
        case .assessed:
            start = today.adding(days: rng.int(in: -60...300)).adding(years: -10)
        case .extended:
            start = today.adding(days: rng.int(in: -900...200)).adding(years: -10)
        case .reclaimed, .expired:
            start = today.adding(days: -rng.int(in: 30...900)).adding(years: -10)
        }
        let signed = start.adding(days: -rng.int(in: 0...15))
        let confirmed = signed.adding(days: -rng.int(in: 5...40))
        return (confirmed.adding(days: -rng.int(in: 1...5)), confirmed, signed, start)
    }

    /// The Industry Development Agreement: investment intensity, production start and tax per mu
    /// (mandatory), then one to five of total investment, output per mu, R&D ratio, jobs and
    /// value added per unit energy; weights rescaled to sum to 100.
    func commitments(areaMu: Double, landUse: String, productionDue: LocalDate,
                     _ rng: inout SeededGenerator) -> [Commitment] {
        let intensity = Double(rng.int(in: 30...60)) * 100_000
        let tax = Double(rng.int(in: 15...40)) * 10_000
        var out: [(Commitment, Int)] = [
            (Commitment(kind: .investmentIntensity, target: intensity, mandatory: true), 25),
            (Commitment(kind: .productionStart, targetDate: productionDue, direction: .byDate, mandatory: true), 15),
            (Commitment(kind: .taxPerMu, target: tax, measure: .averageLastYears, years: 3, mandatory: true), 30),
        ]
        if rng.chance(60) {
            out.append((Commitment(kind: .totalInvestment, target: (intensity * areaMu / 1_000_000).rounded() * 1_000_000), 10))
        }
        if rng.chance(70) {
            out.append((Commitment(kind: .outputPerMu, target: tax * Double(rng.int(in: 20...30)), measure: .latest), 15))
        }
        if landUse == "rnd" || rng.chance(40) {
            out.append((Commitment(kind: .rdRatio, target: Double(rng.int(in: 20...60)) / 1_000, measure: .averageLastYears, years: 3), 10))
        }
        if rng.chance(50) {
            out.append((Commitment(kind: .jobs, target: (areaMu * Double(rng.int(in: 10...25)) / 10).rounded()), 10))
        }
        if rng.chance(25) {
            out.append((Commitment(kind: .valueAddedPerEnergy, target: Double(rng.int(in: 20...40)) * 1_000), 10))
        }
        if out.count == 3 {
            out.append((Commitment(kind: .outputPerMu, target: tax * Double(rng.int(in: 20...30))), 15))
        }
        let weights = Self.percentages(out.map(\.1))
        return zip(out, weights).map { pair in
            var c = pair.0.0
            c.weight = Double(pair.1)
            return c
        }
    }

    /// Whole percentages in proportion to `weights`, summing to 100 (largest remainders first,
    /// ties to the earlier).
    static func percentages(_ weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        var out = weights.map { $0 * 100 / total }
        let order = weights.indices.sorted { a, b in
            let ra = weights[a] * 100 % total, rb = weights[b] * 100 % total
            return ra != rb ? ra > rb : a < b
        }
        for i in order.prefix(100 - out.reduce(0, +)) { out[i] += 1 }
        return out
    }

    /// When production starts (nil: not by `today`): strong firms before the committed date,
    /// adequate ones around it, weak ones often late or never; then fitted to the state.
    func productionStart(state: LeaseState, performance: DemoPerformance, start: LocalDate, due: LocalDate,
                         _ rng: inout SeededGenerator) -> LocalDate? {
        var date: LocalDate? = switch performance {
        case .strong: due.adding(days: -rng.int(in: 30...180))
        case .adequate: due.adding(days: rng.int(in: -60...60))
        case .weak: rng.chance(20) ? nil : due.adding(days: rng.chance(55) ? rng.int(in: 90...700) : rng.int(in: -30...30))
        }
        if let d = date, d < start.adding(days: 360) { date = start.adding(days: 360) }
        switch state {
        case .auctioned, .confirmed, .lapsed, .contracted, .underConstruction:
            return nil
        case .inProduction:
            // Started by the end of last year, so last year's report shows it.
            let latest = Swift.min(today.adding(days: -30), LocalDate(year: today.year - 1, month: 12, day: 31)!)
            return Swift.min(date ?? latest, latest)
        default:
            if let d = date, d > today { return nil }
            return date
        }
    }
}
