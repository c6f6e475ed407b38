import Foundation

/// The demo park's investment promotion: an investor behind every foreign-invested firm (the
/// Fortune Global 500 groups among them, ranked), the project history behind those firms,
/// about 500 projects in flight across every stage, monthly rates and inflows from 2018 on,
/// open and escalated blockers, and H1 2019 / H1 2020 figures that reproduce SIP's published
/// ones: utilised US$1.28 bn (+196 %), contracted US$2.07 bn (+149 %), 117 new projects of
/// which about three quarters in strategic emerging industries. Plain values; the store's
/// seeder bulk-loads them.
public struct DemoInvestment: Sendable {
    public var rates: [ExchangeRate] = []
    public var investors: [Investor] = []
    public var projects: [InvestmentProject] = []
    public var moves: [StageMove] = []
    public var contracted: [ContractedEntry] = []
    public var inflows: [Inflow] = []
    public var blockers: [(Blocker, [BlockerEvent])] = []
    /// Projects whose task force is the demo's investment officer (lead) and its head.
    public var taskForceProjects: [UUID] = []

    /// The published targets (US cents).
    public static let utilisedH1_2020: Int64 = 128_000_000_000
    public static let utilisedH1_2019: Int64 = 43_243_243_243      // 1.28 bn ÷ 2.96 → +196.0 %
    public static let contractedH1_2020: Int64 = 207_000_000_000
    public static let contractedH1_2019: Int64 = 83_132_530_120    // 2.07 bn ÷ 2.49 → +149.0 %
    public static let newProjectsH1_2020 = 117

    static let currencyOf: [String: String] = [
        "DE": "EUR", "FR": "EUR", "NL": "EUR", "IT": "EUR", "FI": "EUR", "AT": "EUR", "IE": "EUR", "BE": "EUR", "ES": "EUR", "LU": "EUR",
        "JP": "JPY", "KR": "KRW", "GB": "GBP", "SG": "SGD", "HK": "HKD", "CH": "CHF", "TW": "TWD", "SE": "SEK", "DK": "DKK",
    ]
    /// Rough yearly levels of US$ per unit and yuan per US$ (the demo wiggles them month by month).
    static let usdPerUnit: [String: Double] = [
        "EUR": 1.12, "JPY": 0.0082, "KRW": 0.00080, "GBP": 1.29, "SGD": 0.74, "HKD": 0.128, "CHF": 1.07, "TWD": 0.033,
        "SEK": 0.10, "DKK": 0.15, "AUD": 0.70, "CAD": 0.76, "CNY": 0, "USD": 1,
    ]
    static let strategicEmerging: Set<String> = ["26", "27", "34", "35", "38", "39", "40", "63", "64", "65", "73"]

    public static func generate(seed: UInt64, enterprises: [Enterprise], officers: [UUID], today: LocalDate,
                                calendar: WorkingCalendar) -> DemoInvestment {
        var g = Generator(rng: SeededGenerator(seed: seed ^ 0x1A7E_57ED_F0D1), today: today, officers: officers, calendar: calendar)
        g.makeRates()
        g.makeHistory(enterprises)
        g.makeTargets(enterprises)
        g.makeInFlight(enterprises)
        g.makeMonthlyInflows()
        g.makeBlockers()
        return g.out
    }

    struct Generator {
        var rng: SeededGenerator
        let today: LocalDate
        let officers: [UUID]
        let calendar: WorkingCalendar
        var out = DemoInvestment()
        var rateIndex: [String: ExchangeRate] = [:]
        var investorOf: [String: Investor] = [:]
        var projectCount = 0
        /// Per project: contracted US$ cents so far, and what is left of it for inflows (the
        /// demo keeps each project's utilised FDI within its contract).
        var contractedUSD: [UUID: Int64] = [:]
        var room: [UUID: Int64] = [:]
        /// An inflow is asked for at most this much below the room left: converting through
        /// another currency and back moves it by a cent or so.
        static let roomMargin: Int64 = 100

        mutating func makeRates() {
            let start = YearMonth(year: 2018, month: 1)!
            for (i, m) in start.through(YearMonth(today)).enumerated() {
                let cnyPerUSD = 6.5 + 0.6 * sin(Double(i) / 9) + Double(rng.below(200)) / 10_000
                for (code, level) in Self.levels {
                    let usd = code == "USD" ? 1 : code == "CNY" ? 1 / cnyPerUSD : level * (1 + Double(rng.below(400) - 200) / 10_000)
                    let usdE8 = code == "USD" ? ExchangeRate.one : Int64((usd * 1e8).rounded())
                    let cnyE8 = code == "CNY" ? ExchangeRate.one : Int64((usd * cnyPerUSD * 1e8).rounded())
                    let r = ExchangeRate(currency: code, month: m, usdPerUnitE8: max(1, usdE8), cnyPerUnitE8: max(1, cnyE8))
                    out.rates.append(r); rateIndex["\(code)|\(m.iso)"] = r
                }
            }
        }
        static let levels: [(String, Double)] = DemoInvestment.usdPerUnit.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

        /// The month's rate (the demo's table starts in January 2018: earlier dates use it).
        func rate(_ currency: String, _ d: LocalDate) -> ExchangeRate {
            let m = max(YearMonth(year: 2018, month: 1)!, min(YearMonth(d), YearMonth(today)))
            return rateIndex["\(currency)|\(m.iso)"] ?? ExchangeRate(currency: "USD", month: m, usdPerUnitE8: ExchangeRate.one, cnyPerUnitE8: 7 * ExchangeRate.one)
        }

        func date(_ a: LocalDate, _ b: LocalDate, _ rng: inout SeededGenerator) -> LocalDate {
            guard b > a else { return a }
            return a.adding(days: rng.below(a.days(until: b) + 1))
        }

        mutating func investor(for e: Enterprise) -> Investor {
            let key = e.fortune500Parent ?? "firm:\(e.creditCode.value)"
            if let i = investorOf[key] { return i }
            let isF500 = e.fortune500Parent != nil
            let stem = e.nameEn.split(separator: " ").first.map(String.init) ?? e.nameEn
            var inv = Investor(id: UUID(), nameZh: isF500 ? (e.fortune500Parent ?? "") : e.nameZh.replacingOccurrences(of: "有限公司", with: "") + "母公司",
                               nameEn: isF500 ? (e.fortune500Parent ?? "") : "\(stem) Holdings", originCountry: e.originCountry,
                               listing: e.listing, sector: IndustryClassification.division(e.industryCode)?.section ?? "C")
            if isF500 {
                let n = investorOf.values.filter { $0.fortune500 != nil }.count
                inv.fortune500 = Fortune500Entry(listYear: 2024, rank: min(500, 3 + n * 4))
            }
            investorOf[key] = inv; out.investors.append(inv)
            return inv
        }

        /// A project that went through every stage up to `stage`, signed on `signed` (moves
        /// spaced before and after it), linked to `e` from registration on.
        mutating func project(_ e: Enterprise?, investor inv: Investor, type: ProjectType, stage: ProjectStage, signed: LocalDate?,
                              contact: LocalDate, industry: String, cluster: String?, capitalUSD: Int64) -> InvestmentProject {
            projectCount += 1
            let currency = DemoInvestment.currencyOf[inv.originCountry] ?? "USD"
            var p = InvestmentProject(id: UUID(), code: "IP" + LocalDate.padded(projectCount, 6), investorID: inv.id!,
                                      enterpriseID: stage.reached(.registered) ? e?.id : nil,
                                      nameZh: (e?.nameZh.replacingOccurrences(of: "有限公司", with: "") ?? inv.nameZh) + type.label.zh + "项目",
                                      nameEn: (e?.nameEn ?? inv.nameEn) + " " + type.label.en.lowercased(), type: type, cluster: cluster,
                                      industryCode: industry, totalInvestment: CurrencyAmount(currency: "USD", minor: capitalUSD * 2),
                                      officerID: officers.isEmpty ? nil : officers[rng.below(officers.count)],
                                      source: rng.weighted([(.visit, 30), (.fair, 15), (.referral, 25), (.chinaSingapore, 15), (.overseasOffice, 15)]),
                                      firstContactOn: contact)
            if currency != "USD", case let r = rate(currency, contact), r.currency == currency {
                let units = Int64((Double(capitalUSD * 2) / (Double(r.usdPerUnitE8) / 1e8)).rounded())
                if units > 0 && units < CurrencyAmount.maxMinor { p.totalInvestment = CurrencyAmount(currency: currency, minor: units) }
            }
            // Dated moves: before signing spread over the months to it, after signing over years.
            var day = contact
            let path = ProjectStage.pipeline.prefix { $0 <= (stage == .dropped ? .negotiating : stage) }
            for (from, to) in zip(path, path.dropFirst()) {
                let next: LocalDate
                if to == .signed, let signed { next = max(day, signed) }
                else if to < .signed { next = min(today, signed.map { min($0, day.adding(days: 20 + rng.below(60))) } ?? day.adding(days: 3 + rng.below(25))) }
                else { next = min(today, day.adding(days: 40 + rng.below(300))) }
                addMove(p.id!, from, to, max(day, next), by: "invest")
                day = max(day, next)
            }
            if stage == .dropped {
                let next = min(today, day.adding(days: 10 + rng.below(90)))
                addMove(p.id!, p.stage == .lead ? path.last! : path.last!, .dropped, next, by: "invest", reason: rng.pick(DropReason.allCases))
                day = next
            }
            p.stage = stage; p.stageSince = day
            p.signedOn = stage.reached(.signed) || (stage == .dropped && false) ? (signed ?? moveDate(p.id!, .signed)) : nil
            if stage == .dropped { p.dropReason = out.moves.last?.dropReason }
            p.stageDueOn = InvestmentLimits.defaults.stageDue(stage, since: day, calendar: calendar)
            p.foreignCapital = CurrencyAmount(currency: "USD", minor: capitalUSD)
            p.registeredCapital = p.foreignCapital
            return p
        }

        func moveDate(_ id: UUID, _ to: ProjectStage) -> LocalDate? { out.moves.last { $0.projectID == id && $0.toStage == to }?.effectiveOn }

        mutating func addMove(_ project: UUID, _ from: ProjectStage, _ to: ProjectStage, _ on: LocalDate, by: String, reason: DropReason? = nil) {
            let ms = Int64(on.dayNumber) * 86_400_000
            out.moves.append(StageMove(id: UUID(), projectID: project, fromStage: from, toStage: to, effectiveOn: on, dropReason: reason,
                                       proposedBy: by, proposedAtMillis: ms, state: .approved, reviewedBy: "invest-head", reviewedAtMillis: ms + 3_600_000))
        }

        /// A signing entry of contracted FDI in the investor's currency worth about `usdCents`
        /// (exactly, when `exact`: then in US$).
        mutating func sign(_ p: InvestmentProject, country: String, usdCents: Int64, exact: Bool = false) -> Int64 {
            let on = p.signedOn!
            var currency = exact ? "USD" : (DemoInvestment.currencyOf[country] ?? "USD")
            var r = rate(currency, on)
            var amount = CurrencyAmount(currency: currency, minor: Int64((Double(usdCents) / (Double(r.usdPerUnitE8) / 1e8)).rounded()))
            if amount.minor <= 0 { currency = "USD"; r = rate("USD", on); amount = CurrencyAmount(currency: "USD", minor: usdCents) }
            let counted = (try? r.convert(amount)) ?? .init(usdCents: usdCents, cnyFen: 0)
            out.contracted.append(ContractedEntry(id: UUID(), projectID: p.id!, recordedOn: on, kind: .subscribedCapital, event: .signing,
                                                  amount: amount, rate: r, counted: counted))
            contractedUSD[p.id!, default: 0] += counted.usdCents; room[p.id!, default: 0] += counted.usdCents
            return counted.usdCents
        }

        /// A capital increase of about `usdCents` (rounded up to US$100,000) recorded on `on`,
        /// in US$: the contract behind an inflow larger than what the project has left.
        mutating func increaseCapital(_ p: InvestmentProject, by usdCents: Int64, on: LocalDate) {
            let cents = (usdCents + 9_999_999) / 10_000_000 * 10_000_000
            let r = rate("USD", on), amount = CurrencyAmount(currency: "USD", minor: cents)
            let counted = (try? r.convert(amount)) ?? .init(usdCents: cents, cnyFen: 0)
            out.contracted.append(ContractedEntry(id: UUID(), projectID: p.id!, recordedOn: on, kind: .subscribedCapital, event: .capitalChange,
                                                  amount: amount, rate: r, counted: counted))
            contractedUSD[p.id!, default: 0] += counted.usdCents; room[p.id!, default: 0] += counted.usdCents
            capitalIncreases += 1
        }
        var capitalIncreases = 0

        mutating func inflow(_ p: InvestmentProject, country: String, on: LocalDate, usdCents: Int64, exact: Bool = false) -> Int64 {
            let currency = exact ? "USD" : (DemoInvestment.currencyOf[country] ?? "USD")
            let r = rate(currency, on)
            let amount = CurrencyAmount(currency: currency, minor: max(1, Int64((Double(usdCents) / (Double(r.usdPerUnitE8) / 1e8)).rounded())))
            let counted = (try? r.convert(amount)) ?? .init(usdCents: usdCents, cnyFen: 0)
            let kind: InflowKind = rng.weighted([(.cash, 60), (.reinvestedEarnings, 20), (.shareholderLoan, 10), (.inKind, 6), (.intellectualProperty, 4)])
            out.inflows.append(Inflow(id: UUID(), projectID: p.id!, arrivedOn: on, kind: kind, amount: amount, rate: r, counted: counted,
                                      bankReference: "DEMO-\(on.year)\(LocalDate.padded(out.inflows.count, 6))"))
            room[p.id!, default: 0] -= counted.usdCents
            return counted.usdCents
        }

        var history: [(InvestmentProject, String)] = []

        /// The project behind each foreign-invested firm, in production since it was founded.
        mutating func makeHistory(_ enterprises: [Enterprise]) {
            for e in enterprises where e.ownership != .domestic {
                let inv = investor(for: e)
                let founded = min(e.foundedOn ?? LocalDate(year: 2012, month: 6, day: 1)!, today.adding(days: -400))
                var signed = max(LocalDate(year: 2000, month: 1, day: 3)!, founded.adding(days: -60))
                // The target half-years hold only their own signings (the published counts).
                if (signed.year == 2019 || signed.year == 2020) && signed.month <= 6 { signed = LocalDate(year: signed.year - 1, month: 12, day: 20)! }
                let type: ProjectType = e.regionalHeadquarters ? .regionalHeadquarters : e.rdCentre ? .rdCentre : .newEstablishment
                let capital = Int64(rng.int(in: 5...300)) * 10_000_000
                let stage: ProjectStage = founded.adding(days: 900) < today ? .production : .construction
                let p = project(e, investor: inv, type: type, stage: stage, signed: signed, contact: signed.adding(days: -200 - rng.below(200)),
                                industry: e.industryCode, cluster: e.clusters.first, capitalUSD: capital)
                out.projects.append(p)
                _ = sign(p, country: inv.originCountry, usdCents: capital)
                history.append((p, inv.originCountry))
            }
        }

        /// H1 2019 and H1 2020: projects signed and capital arriving to the published totals.
        mutating func makeTargets(_ enterprises: [Enterprise]) {
            let foreign = enterprises.filter { $0.ownership != .domestic && !Self.financial.contains($0.industryCode) }
            guard !foreign.isEmpty else { return }
            let sei = foreign.filter { DemoInvestment.strategicEmerging.contains($0.industryCode) }, other = foreign.filter { !DemoInvestment.strategicEmerging.contains($0.industryCode) }
            for (year, count, contracted, utilised) in [(2019, 70, DemoInvestment.contractedH1_2019, DemoInvestment.utilisedH1_2019),
                                                       (2020, DemoInvestment.newProjectsH1_2020, DemoInvestment.contractedH1_2020, DemoInvestment.utilisedH1_2020)] {
                let start = LocalDate(year: year, month: 1, day: 2)!, end = LocalDate(year: year, month: 6, day: 30)!
                var signedProjects: [(InvestmentProject, String)] = []
                var weights = (0..<count).map { _ in Int64(rng.int(in: 1...40)) }
                weights[count - 1] = max(weights[count - 1], 30)
                let total = weights.reduce(0, +)
                var remaining = contracted
                for i in 0..<count {
                    // three in four in strategic emerging industries
                    let pool: [Enterprise] = (i % 4 != 3 && !sei.isEmpty) || other.isEmpty ? sei : other
                    let e = rng.pick(pool)
                    let inv = investor(for: e)
                    let signed = date(start, end, &rng)
                    let last = i == count - 1
                    let share = last ? remaining : contracted * weights[i] / total
                    let p = project(e, investor: inv, type: rng.weighted([(.capitalIncrease, 50), (.newEstablishment, 40), (.mergerAcquisition, 10)]),
                                    stage: rng.weighted([(.production, 60), (.construction, 30), (.registered, 10)]), signed: signed,
                                    contact: signed.adding(days: -90 - rng.below(200)), industry: e.industryCode, cluster: e.clusters.first,
                                    capitalUSD: max(share, 100))
                    out.projects.append(p)
                    remaining -= sign(p, country: inv.originCountry, usdCents: share, exact: last)
                    signedProjects.append((p, inv.originCountry))
                }
                // Capital arriving in the half year into projects signed before it.
                let eligible = history.filter { $0.0.signedOn! < start }
                guard !eligible.isEmpty else { continue }
                var left = utilised
                let n = 60
                let w = (0..<n).map { _ in Int64(rng.int(in: 5...15)) }, wt = w.reduce(0, +)
                for i in 0..<n {
                    let last = i == n - 1
                    let want = last ? left : utilised * w[i] / wt
                    // a project with room for it (a few tries), else one whose capital increases
                    // before the half-year (so the half-year's contracted figure stays as published)
                    var (p, country) = rng.pick(eligible)
                    for _ in 0..<30 where (room[p.id!] ?? 0) < want + Self.roomMargin { (p, country) = rng.pick(eligible) }
                    let have = room[p.id!] ?? 0
                    if have < want + Self.roomMargin {
                        increaseCapital(p, by: want + Self.roomMargin - have, on: max(p.signedOn!, start.adding(days: -10)))
                    }
                    left -= inflow(p, country: country, on: date(start, end, &rng), usdCents: want, exact: last)
                }
            }
        }

        static let financial: Set<String> = ["66", "67", "68"]

        /// About 500 projects in flight, every stage, recent dates (some past their deadline).
        mutating func makeInFlight(_ enterprises: [Enterprise]) {
            let foreign = enterprises.filter { $0.ownership != .domestic }
            guard !foreign.isEmpty else { return }
            let plan: [(ProjectStage, Int)] = [(.lead, 80), (.pitched, 70), (.negotiating, 90), (.signed, 60), (.registered, 50),
                                               (.construction, 60), (.production, 40), (.dropped, 50)]
            for (stage, count) in plan {
                for i in 0..<count {
                    let e = rng.pick(foreign)
                    let inv = investor(for: e)
                    let early = stage < .signed || stage == .dropped
                    let contact = today.adding(days: -(early ? 5 + rng.below(stage == .lead ? 20 : 120) : 200 + rng.below(500)))
                    let signed: LocalDate? = stage.reached(.signed) ? contact.adding(days: 60 + rng.below(100)) : nil
                    let type: ProjectType = rng.weighted([(.newEstablishment, 30), (.capitalIncrease, 35), (.regionalHeadquarters, 6), (.functionalUnit, 6),
                                                          (.rdCentre, 10), (.relocation, 5), (.mergerAcquisition, 8)])
                    let capital = Int64(rng.int(in: 2...200)) * 10_000_000
                    var p = project(stage.reached(.registered) ? e : nil, investor: inv, type: type, stage: stage, signed: signed, contact: contact,
                                    industry: e.industryCode, cluster: e.clusters.first, capitalUSD: capital)
                    if stage < .signed && i % 16 == 5 {
                        p.confidential = true; p.codeName = "\(["Falcon", "Kestrel", "Osprey", "Heron", "Crane", "Egret"][i % 6]) \(i)"
                        out.taskForceProjects.append(p.id!)
                    } else if capital >= 700_000_000 && i % 3 == 0 {
                        out.taskForceProjects.append(p.id!)
                    }
                    out.projects.append(p)
                    if p.signedOn != nil { _ = sign(p, country: inv.originCountry, usdCents: capital); history.append((p, inv.originCountry)) }
                }
            }
        }

        /// Monthly inflows outside the target half-years, from 2018 to this month, into projects
        /// signed before the inflow.
        mutating func makeMonthlyInflows() {
            let first = YearMonth(year: 2018, month: 1)!
            // Each month's eligible projects as positions in `history` (copying the projects
            // themselves, month after month, was most of this step at 100,000 enterprises).
            let signed = history.map { $0.0.signedOn! }, financial = history.map { Self.financial.contains($0.0.industryCode) }
            for m in first.through(YearMonth(today)) where !(m.year == 2019 || m.year == 2020) || m.month > 6 {
                let lastDay = min(m.lastDay, today)
                let start = m.firstDay, all = m.year >= 2023
                let eligible = signed.indices.filter { signed[$0] < start && (all || !financial[$0]) }
                guard !eligible.isEmpty, m.firstDay <= lastDay else { continue }
                let n = 8 + rng.below(10)
                var recorded = 0
                for _ in 0..<n {
                    // 3 to 12 % of the project's contract, within what is left of it (a few
                    // tries for a project with room; a month of full projects gets fewer)
                    var (p, country) = history[rng.pick(eligible)]
                    for _ in 0..<8 where (room[p.id!] ?? 0) < Self.minimumInflow + Self.roomMargin { (p, country) = history[rng.pick(eligible)] }
                    let share = (contractedUSD[p.id!] ?? 0) * Int64(rng.int(in: 3...12)) / 100
                    let amount = min(share, (room[p.id!] ?? 0) - Self.roomMargin)
                    guard amount >= Self.minimumInflow else { continue }
                    _ = inflow(p, country: country, on: date(m.firstDay, lastDay, &rng), usdCents: amount)
                    recorded += 1
                }
                if recorded == 0 {
                    // every project tried was full: one raises its capital on the month's first
                    // day (its contract) and the capital arrives within the month
                    let (p, country) = history[rng.pick(eligible)]
                    let amount = max(Self.minimumInflow, (contractedUSD[p.id!] ?? 0) / 10)
                    increaseCapital(p, by: amount + Self.roomMargin - max(0, room[p.id!] ?? 0), on: m.firstDay)
                    _ = inflow(p, country: country, on: date(m.firstDay, lastDay, &rng), usdCents: amount)
                }
            }
        }

        /// The smallest monthly inflow the demo records (US$10,000).
        static let minimumInflow: Int64 = 1_000_000

        /// Blockers on projects in flight: open ones (some escalated), and closed ones with their history.
        mutating func makeBlockers() {
            let live = out.projects.filter { !$0.stage.isFinal && $0.stage != .lead }
            guard !live.isEmpty else { return }
            let titles = [("环评批复待审", "land"), ("用电增容排队", "econ"), ("进口设备通关", "customs"), ("外籍人员工作许可", "market"),
                          ("税收优惠资格认定", "tax"), ("厂房规划许可", "land"), ("外汇登记", "econ"), ("消防验收", "market")]
            for i in 0..<min(60, live.count) {
                let p = live[(i * 7) % live.count]
                let (title, dept) = titles[i % titles.count]
                let opened = max(p.stageSince, today.adding(days: -(3 + rng.below(40))))
                let b = Blocker(id: UUID(), projectID: p.id!, stage: p.stage, title: title, departmentCode: dept, openedOn: opened,
                                escalateOn: InvestmentLimits.defaults.escalation(openedOn: opened, calendar: calendar), openedBy: "invest")
                var events = [BlockerEvent(kind: .opened, on: opened, text: title, actor: "invest", atMillis: Int64(opened.dayNumber) * 86_400_000)]
                var blocker = b
                if i % 3 == 0 {
                    let note = min(today, opened.adding(days: 2))
                    events.append(BlockerEvent(kind: .note, on: note, text: "已与\(dept)对接，等待材料", actor: "invest", atMillis: Int64(note.dayNumber) * 86_400_000 + 1))
                }
                if i % 4 == 1 {
                    let closed = min(today, opened.adding(days: 5 + rng.below(10)))
                    blocker.closedOn = closed; blocker.resolution = "已协调解决"
                    events.append(BlockerEvent(kind: .closed, on: closed, text: "已协调解决", actor: "invest", atMillis: Int64(closed.dayNumber) * 86_400_000 + 2))
                }
                out.blockers.append((blocker, events))
            }
        }
    }
}
