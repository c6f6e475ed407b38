import Foundation

/// How a demo project's filings stand (recent projects only; projects before July 2020 come
/// from the platform's spreadsheets without filing records).
public enum DemoFilingScript: Sendable, Hashable {
    /// Still consulting: no filings yet.
    case none
    /// Checklists being gathered: `received` documents of each filing in.
    case drafted(received: Int)
    /// Submitted `daysAgo` days ago, waiting for the authorities.
    case submitted(daysAgo: Int)
    /// NDRC granted, the commerce filing refused.
    case refused
    /// Everything granted `daysAgo` days ago; funds not yet remitted.
    case granted(daysAgo: Int)
    /// Granted more than two years ago and no investment made: the certificate lapsed.
    case lapsed
    /// Granted, then funds remitted `daysAgo` days ago.
    case remitted(daysAgo: Int)
}

/// A demo project before the seeder converts its amount and stores it.
public struct DemoOutboundProject: Sendable, Hashable {
    /// Index into the park's enterprises (wrapped onto the register when it is smaller).
    public var firmIndex: Int
    public var title: String
    public var countryCode: String
    public var targetCompany: String?
    public var industryCode: String
    public var form: InvestmentForm
    public var equityBasisPoints: Int
    public var currency: String
    /// Amount in hundredths of `currency`; for a balancing project, 0 (the seeder sets it so its window sums exactly).
    public var minor: Int64
    /// Index into `DemoOutbound.windows` when this project tops its window up to the exact total.
    public var balancesWindow: Int?
    public var agreedOn: LocalDate?
    public var stage: OutboundStage
    public var abandonReason: String?
    public var remittedOn: LocalDate?
    public var financing: [FinancingSource]
    public var filings: DemoFilingScript
}

/// The demo's outbound investment, reproducing the platform's published figures: by June
/// 2020, 309 firms in 53 countries with 10.4 bn yuan agreed, 148 of them with 179 Belt and
/// Road projects in 22 countries; 27 projects and 1.03 bn yuan in H1 2020. Later projects
/// (July 2020 to today) fill the live pipeline with filings in every state.
public struct DemoOutbound: Sendable {
    /// A period whose agreed yuan must sum exactly to `yuanFen`.
    public struct Window: Sendable, Hashable {
        public var from: LocalDate
        public var to: LocalDate
        public var yuanFen: Int64
    }

    public var projects: [DemoOutboundProject]
    public var windows: [Window]
    /// Sinosure grades of the countries, source years 2019 and 2020 (history), before the downgrade.
    public var risks: [CountryRisk]
    /// The grade the demo's officer records (a downgrade, which publishes its alert).
    public var downgrade: CountryRisk
    public var services: [ServiceEvent]
    /// Monthly rates (2015-01 … today's month) of the currencies the demo uses, for a table that lacks them.
    public var rates: [ExchangeRate]

    public static let beltAndRoadCountries = ["SG", "MY", "ID", "TH", "VN", "KH", "LA", "MM", "PH", "KZ", "UZ",
                                              "RU", "AE", "SA", "TR", "EG", "PK", "BD", "IN", "PL", "HU", "RS"]
    public static let otherCountries = ["DE", "US", "JP", "GB", "FR", "IT", "NL", "ES", "AU", "CA", "KR", "BR", "MX", "CL", "ZA", "NG",
                                        "KE", "ET", "SE", "CH", "BE", "AT", "DK", "FI", "IE", "NZ", "PT", "AR", "PE", "MA", "TZ"]
    /// The published figures the demo reproduces.
    public static let firmsBy2020June = 309, beltAndRoadFirms = 148, beltAndRoadProjects = 179
    public static let historicProjects = 412, h1Projects2020 = 27
    public static let yuanFenBy2020June: Int64 = 10_400_000_000_00, yuanFenH1of2020: Int64 = 1_030_000_000_00

    /// Yearly average rates (CNY per US$, US$ per euro), used for every month of the year.
    static let cnyPerUSD: [Int: String] = [2015: "6.2284", 2016: "6.6423", 2017: "6.7518", 2018: "6.6174", 2019: "6.8985", 2020: "6.8976",
                                           2021: "6.4515", 2022: "6.7261", 2023: "7.0467", 2024: "7.1217", 2025: "7.1870", 2026: "7.1000"]
    static let usdPerEUR: [Int: String] = [2015: "1.1095", 2016: "1.1069", 2017: "1.1297", 2018: "1.1810", 2019: "1.1195", 2020: "1.1422",
                                           2021: "1.1827", 2022: "1.0530", 2023: "1.0813", 2024: "1.0824", 2025: "1.1300", 2026: "1.1600"]

    static func e4(_ text: String) -> Int64 { DecimalParse.scaled(text, places: 4)! }

    /// The demo's rate of USD or EUR in `month` (yuan per euro = US$ per euro × yuan per US$, exact in 8 places).
    public static func rate(_ currency: String, _ month: YearMonth) -> ExchangeRate {
        let y = min(max(month.year, 2015), 2026)
        let cny = e4(cnyPerUSD[y]!), eur = e4(usdPerEUR[y]!)
        return currency == "EUR" ? ExchangeRate(currency: "EUR", month: month, usdPerUnitE8: eur * 10_000, cnyPerUnitE8: eur * cny)
            : ExchangeRate(currency: "USD", month: month, usdPerUnitE8: ExchangeRate.one, cnyPerUnitE8: cny * 10_000)
    }

    public static func generate(seed: UInt64, today: LocalDate) -> DemoOutbound {
        var rng = SeededGenerator(seed: seed &+ 0x0D1)
        let br = beltAndRoadCountries, others = otherCountries
        let industries = ["27", "39", "38", "36", "35", "34", "26", "29", "65", "72", "51", "73", "33", "30"]
        let forms: [(InvestmentForm, Int)] = [(.greenfield, 40), (.acquisition, 25), (.equityStake, 20), (.capitalIncrease, 15)]
        // Firms 0…147 invest along the Belt and Road (and may elsewhere); 148…308 only elsewhere.
        // Myanmar first: project 0 is firm-a's plant there, the country the demo downgrades.
        let cover = ["MM"] + br.filter { $0 != "MM" }
        var slots: [(firm: Int, country: String)] = []
        for i in 0..<beltAndRoadProjects {
            let firm = i < beltAndRoadFirms ? i : rng.below(beltAndRoadFirms)
            slots.append((firm, i < cover.count ? cover[i] : rng.pick(br)))
        }
        let elsewhere = historicProjects - beltAndRoadProjects
        for i in 0..<elsewhere {
            let firm = i < firmsBy2020June - beltAndRoadFirms ? beltAndRoadFirms + i : rng.below(firmsBy2020June)
            slots.append((firm, i < others.count ? others[i] : rng.pick(others)))
        }
        // 27 of them agreed in H1 2020, the rest 2015–2019; one in each window balances its sum.
        var order = Array(1..<slots.count)
        rng.shuffle(&order)
        let h1 = Set(order.prefix(h1Projects2020))
        let h1Balancer = order[0], earlyBalancer = order[h1Projects2020]
        let h1Start = LocalDate(year: 2020, month: 1, day: 1)!, h1End = LocalDate(year: 2020, month: 6, day: 30)!
        let early = LocalDate(year: 2015, month: 1, day: 5)!, earlyEnd = LocalDate(year: 2019, month: 12, day: 31)!
        // Weights drawn skewed (a few large deals), scaled to 90 % of each window in yuan at the demo's rates.
        var weights = slots.indices.map { _ in Double(rng.int(in: 1...100)) * (rng.chance(8) ? 12 : 1) }
        weights[h1Balancer] = 0; weights[earlyBalancer] = 0
        let h1Weight = h1.reduce(0.0) { $0 + weights[$1] }
        let earlyWeight = slots.indices.filter { !h1.contains($0) }.reduce(0.0) { $0 + weights[$1] }
        var projects: [DemoOutboundProject] = []
        for (i, s) in slots.enumerated() {
            let inH1 = h1.contains(i)
            let day = i == 0 ? LocalDate(year: 2019, month: 3, day: 18)!
                : inH1 ? h1Start.adding(days: rng.below(h1Start.days(until: h1End) + 1))
                : early.adding(days: rng.below(early.days(until: earlyEnd) + 1))
            let share = weights[i] / (inH1 ? h1Weight : earlyWeight)
            let targetYuan = Double(inH1 ? yuanFenH1of2020 : yuanFenBy2020June - yuanFenH1of2020) / 100 * 0.9 * share
            let currency = i == h1Balancer || i == earlyBalancer ? "CNY" : (br.contains(s.country) || rng.chance(60) ? "USD" : "EUR")
            let r = currency == "CNY" ? nil : rate(currency, YearMonth(day))
            var minor: Int64 = 0
            if let r {
                let perUnit = Double(r.cnyPerUnitE8) / Double(ExchangeRate.one)
                minor = Int64(max(1, Int((targetYuan / perUnit / 1000).rounded()))) * 1000 * 100
            }
            let form = i == 0 ? InvestmentForm.greenfield : rng.weighted(forms)
            let country = Country.named(s.country)?.name.en ?? s.country
            let target = form == .greenfield ? nil : "\(rng.pick(["Nordic", "Pacific", "Atlas", "Orion", "Delta", "Summit", "Vertex"])) \(rng.pick(["Components", "Biotech", "Systems", "Materials", "Logistics", "Devices"])) (\(country))"
            let stage: OutboundStage = day.year >= 2020 && rng.chance(30) ? .fundsRemitted : .operating
            projects.append(DemoOutboundProject(
                firmIndex: s.firm, title: i == 0 ? "Yangon auto parts plant" : (target.map { "\(form == .acquisition ? "Acquisition of" : "Stake in") \($0)" } ?? "\(country) plant"),
                countryCode: s.country, targetCompany: i == 0 ? nil : target, industryCode: i == 0 ? "36" : rng.pick(industries), form: form,
                equityBasisPoints: form == .equityStake ? rng.int(in: 10...49) * 100 : (form == .acquisition ? rng.int(in: 51...100) * 100 : 10_000),
                currency: currency, minor: minor, balancesWindow: i == h1Balancer ? 1 : (i == earlyBalancer ? 0 : nil), agreedOn: day,
                stage: stage, abandonReason: nil, remittedOn: day.adding(days: rng.int(in: 60...200)),
                financing: rng.chance(70) ? [.ownFunds] : [.ownFunds, .domesticLoan], filings: .none))
        }
        // Abandoned before June 2020 (they do not count).
        for k in 0..<5 {
            let day = early.adding(days: rng.below(early.days(until: earlyEnd)))
            projects.append(DemoOutboundProject(firmIndex: rng.below(firmsBy2020June), title: "\(rng.pick(others)) sales office", countryCode: rng.pick(others),
                                                targetCompany: nil, industryCode: rng.pick(industries), form: .greenfield, equityBasisPoints: 10_000,
                                                currency: "USD", minor: Int64(rng.int(in: 1...30)) * 100_000_00, balancesWindow: nil, agreedOn: day,
                                                stage: .abandoned, abandonReason: ["市场需求不及预期 / demand below plan", "东道国审批未获通过 / host approval refused"][k % 2],
                                                remittedOn: nil, financing: [.ownFunds], filings: .none))
        }
        projects += recent(&rng, today: today)
        let windows = [Window(from: early, to: earlyEnd, yuanFen: yuanFenBy2020June - yuanFenH1of2020),
                       Window(from: h1Start, to: h1End, yuanFen: yuanFenH1of2020)]
        let (risks, downgrade) = countryRisks(&rng, countries: br + others)
        let services = serviceLog(&rng, today: today)
        var rates: [ExchangeRate] = []
        if let first = YearMonth(year: 2015, month: 1) {
            for m in first.through(YearMonth(today)) { rates.append(rate("USD", m)); rates.append(rate("EUR", m)) }
        }
        return DemoOutbound(projects: projects, windows: windows, risks: risks, downgrade: downgrade, services: services, rates: rates)
    }

    /// The live pipeline: projects agreed from July 2020 to today, at every stage, with their filings.
    static func recent(_ rng: inout SeededGenerator, today: LocalDate) -> [DemoOutboundProject] {
        typealias P = (firm: Int, title: String, country: String, target: String?, industry: String, form: InvestmentForm, bp: Int,
                       currency: String, units: Int64, daysAgo: Int?, stage: OutboundStage, script: DemoFilingScript)
        let list: [P] = [
            (1, "Acquisition of Rheinland Diagnostik GmbH", "DE", "Rheinland Diagnostik GmbH", "27", .acquisition, 8_000, "EUR", 86_000_000, 40, .preparingFilings, .drafted(received: 2)),
            (0, "Hanoi brake systems plant", "VN", nil, "36", .greenfield, 10_000, "USD", 42_000_000, 25, .preparingFilings, .drafted(received: 3)),
            (2, "Penang electronics assembly", "MY", nil, "39", .greenfield, 10_000, "USD", 18_500_000, 30, .preparingFilings, .submitted(daysAgo: 2)),
            (3, "Stake in Bavaria Sensorik AG", "DE", "Bavaria Sensorik AG", "40", .equityStake, 2_500, "EUR", 120_000_000, 60, .preparingFilings, .submitted(daysAgo: 16)),
            (4, "Acquisition of Ohio Precision Tools", "US", "Ohio Precision Tools Inc.", "34", .acquisition, 10_000, "USD", 310_000_000, 90, .preparingFilings, .submitted(daysAgo: 4)),
            (5, "Bangkok cold-chain logistics", "TH", nil, "59", .greenfield, 10_000, "USD", 9_800_000, 120, .preparingFilings, .refused),
            (6, "Jakarta lithium materials plant", "ID", nil, "26", .greenfield, 7_000, "USD", 150_000_000, 700, .filed, .granted(daysAgo: 712)),
            (7, "Stake in Lyon Biologics SAS", "FR", "Lyon Biologics SAS", "27", .equityStake, 3_000, "EUR", 35_000_000, 740, .filed, .granted(daysAgo: 700)),
            (8, "Almaty grain terminal", "KZ", nil, "59", .greenfield, 10_000, "USD", 22_000_000, 900, .filed, .lapsed),
            (9, "Acquisition of Nordlys Robotics AS", "DK", "Nordlys Robotics AS", "34", .acquisition, 10_000, "EUR", 64_000_000, 300, .fundsRemitted, .remitted(daysAgo: 150)),
            (10, "Istanbul textile machinery service hub", "TR", nil, "35", .greenfield, 10_000, "USD", 6_200_000, 200, .filed, .granted(daysAgo: 150)),
            (11, "Capital increase, Monterrey auto parts", "MX", "SIP Auto Parts de México S.A.", "36", .capitalIncrease, 10_000, "USD", 27_000_000, 400, .operating, .remitted(daysAgo: 300)),
            (12, "Stake in Seoul Display Materials", "KR", "Seoul Display Materials Co.", "39", .equityStake, 1_500, "USD", 48_000_000, 15, .consulting, .none),
            (13, "Singapore regional treasury centre", "SG", nil, "72", .greenfield, 10_000, "USD", 12_000_000, 10, .consulting, .none),
            (14, "Yangon garment plant expansion", "MM", "SIP Textiles Myanmar Ltd.", "18", .capitalIncrease, 10_000, "USD", 8_000_000, 500, .operating, .remitted(daysAgo: 420)),
            (15, "Warsaw battery pack assembly", "PL", nil, "38", .greenfield, 10_000, "EUR", 55_000_000, 180, .filed, .granted(daysAgo: 90)),
        ]
        return list.map { p in
            let day = p.daysAgo.map { today.adding(days: -$0) }
            var remitted: LocalDate?
            if case .remitted(let d) = p.script { remitted = today.adding(days: -d) }
            return DemoOutboundProject(firmIndex: p.firm, title: p.title, countryCode: p.country, targetCompany: p.target, industryCode: p.industry,
                                       form: p.form, equityBasisPoints: p.bp, currency: p.currency, minor: p.units * 100, balancesWindow: nil,
                                       agreedOn: p.stage == .consulting ? nil : day, stage: p.stage, abandonReason: nil, remittedOn: remitted,
                                       financing: [.ownFunds, .domesticLoan], filings: p.script)
        }
    }

    /// Sinosure-style grades for the demo's countries in 2019 and 2020; Myanmar is then downgraded.
    static func countryRisks(_ rng: inout SeededGenerator, countries: [String]) -> ([CountryRisk], CountryRisk) {
        let base: [String: Int] = ["DE": 1, "US": 2, "JP": 1, "GB": 2, "FR": 2, "IT": 3, "NL": 1, "ES": 2, "AU": 1, "CA": 1, "KR": 2, "BR": 5,
                                   "MX": 5, "CL": 3, "ZA": 5, "NG": 7, "KE": 6, "ET": 7, "SE": 1, "CH": 1, "BE": 2, "AT": 1, "DK": 1, "FI": 1,
                                   "IE": 2, "NZ": 1, "PT": 3, "AR": 7, "PE": 5, "MA": 4, "TZ": 6, "SG": 1, "MY": 3, "ID": 4, "TH": 4, "VN": 5,
                                   "KH": 6, "LA": 7, "MM": 6, "PH": 5, "KZ": 5, "UZ": 6, "RU": 5, "AE": 3, "SA": 4, "TR": 5, "EG": 6, "PK": 7,
                                   "BD": 6, "IN": 4, "PL": 3, "HU": 3, "RS": 5]
        var out: [CountryRisk] = []
        for c in countries {
            let g = base[c] ?? 5
            for (year, grade) in [(2019, min(9, g + (rng.chance(15) ? 1 : 0))), (2020, g)] {
                func dim() -> Int { min(9, max(1, grade + rng.int(in: -1...1))) }
                out.append(CountryRisk(countryCode: c, grade: grade, political: dim(), economic: dim(), businessEnvironment: dim(), legal: dim(), sourceYear: year))
            }
        }
        let downgrade = CountryRisk(countryCode: "MM", grade: 7, political: 8, economic: 7, businessEnvironment: 7, legal: 7, sourceYear: 2021)
        return (out, downgrade)
    }

    /// Consultations, trainings and matchmaking events, 2015 to today (firm ids are indexes until seeded).
    static func serviceLog(_ rng: inout SeededGenerator, today: LocalDate) -> [ServiceEvent] {
        let platforms = ["新加坡商务中心 / Singapore business centre", "苏州工业园区境外投资服务平台 / SIP overseas investment service platform",
                         "长三角境外投资促进中心 / Yangtze River Delta Overseas Investment Promotion Center", "线上 / online"]
        let topics: [(ServiceKind, String, String?)] = [
            (.consultation, "ODI filing with NDRC and MOFCOM", nil), (.consultation, "Foreign-exchange registration at the bank", nil),
            (.training, "Compliance for overseas acquisitions", nil), (.training, "Overseas investment insurance (Sinosure)", nil),
            (.matchmaking, "ASEAN industrial parks roadshow", "SG"), (.matchmaking, "German Mittelstand acquisition targets", "DE"),
            (.consultation, "Tax treaties and holding structures", nil), (.matchmaking, "Belt and Road logistics partners", "KZ"),
        ]
        var out: [ServiceEvent] = []
        let start = LocalDate(year: 2015, month: 3, day: 2)!
        let span = start.days(until: today)
        for _ in 0..<80 {
            let t = rng.pick(topics)
            let firms = (0..<(t.0 == .consultation ? 1 : rng.int(in: 5...30))).map { _ in rng.below(firmsBy2020June) }
            out.append(ServiceEvent(kind: t.0, date: start.adding(days: rng.below(max(1, span))), topic: t.1, platform: rng.pick(platforms),
                                    countryCode: t.2, enterpriseIDs: Array(Set(firms)).sorted().map(Self.indexID)))
        }
        return out.sorted { $0.date < $1.date }
    }

    /// A placeholder id carrying a firm index (the seeder maps it to the stored enterprise).
    public static func indexID(_ i: Int) -> UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, UInt8(i >> 24 & 0xFF), UInt8(i >> 16 & 0xFF), UInt8(i >> 8 & 0xFF), UInt8(i & 0xFF))) }
    public static func index(of id: UUID) -> Int { let u = id.uuid; return Int(u.12) << 24 | Int(u.13) << 16 | Int(u.14) << 8 | Int(u.15) }
}
