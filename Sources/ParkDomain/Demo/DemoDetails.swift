/// Draws the details of each planned firm: its line of business (and so its industry division),
/// a unique name in both languages, size, founding date, credit code and address.
struct DemoDetails {
    typealias Business = DemoCatalog.Business

    static let region = "320594"
    static let parkFounded = LocalDate(year: 1994, month: 5, day: 12)!
    /// Unified credit codes with "MA" organisation parts were issued from late 2015 on.
    static let newCodesFrom = LocalDate(year: 2015, month: 10, day: 1)!

    /// Employee bands and their weights (per mille): a long tail, as in any park.
    static let bands: [(Int, Int)] = [(10, 29), (30, 99), (100, 299), (300, 999), (1_000, 2_999), (3_000, 9_999),
                                      (10_000, 20_000)]
    static let bandWeights = [250, 330, 230, 125, 48, 14, 3]
    /// Chance (percent) of being above designated size (规模以上) per band.
    static let aboveSizePercent = [2, 10, 45, 85, 98, 100, 100]

    let today: LocalDate
    private var usedZh: Set<String> = []
    private var usedEn: Set<String> = []
    private var usedCodes: Set<String> = []
    private var serial = 0

    init(today: LocalDate, reserved: [Enterprise]) {
        self.today = today
        for e in reserved {
            usedZh.insert(e.nameZh); usedEn.insert(e.nameEn); usedCodes.insert(e.creditCode.value)
        }
    }

    /// The two firms every demo park starts with (tests and demo logins refer to them).
    static func anchors(today: LocalDate) -> [Enterprise] {
        [
            Enterprise(creditCode: CreditCode.make(region: region, organisationBody: "60826157")!,
                       nameZh: "博世汽车部件（苏州）有限公司", nameEn: "Bosch Automotive Parts (Suzhou) Co., Ltd.",
                       industryCode: "36", clusters: ["equipment"], ownership: .foreign, originCountry: "DE",
                       fortune500Parent: DemoParent.bosch.name, rdCentre: true, aboveDesignatedSize: true,
                       employees: 6_800, foundedOn: min(LocalDate(year: 1999, month: 6, day: 18)!, today),
                       address: "苏州工业园区苏虹东路126号"),
            Enterprise(creditCode: CreditCode.make(region: region, organisationBody: "MA1MQ3K7")!,
                       nameZh: "苏州信锐生物科技股份有限公司", nameEn: "Suzhou Xinrui Biotech Co., Ltd.",
                       industryCode: "27", clusters: ["biomedicine"], ownership: .domestic, originCountry: "CN",
                       listing: .sseStar, aboveDesignatedSize: true, employees: 420,
                       foundedOn: min(LocalDate(year: 2016, month: 8, day: 9)!, today),
                       address: "苏州工业园区星湖街218号生物医药产业园B2楼301室"),
        ]
    }

    mutating func enterprise(for d: DemoDraft, rng: inout SeededGenerator) -> Enterprise {
        let (business, zh, en) = name(for: d, rng: &rng)
        var band = rng.weightedIndex(Self.bandWeights)
        if d.parent != nil { band += 2 }
        if d.regionalHeadquarters { band = max(band + 1, 2) }
        if d.listing != nil && d.parent == nil { band += 1 }
        band = min(band, Self.bands.count - 1)
        let (lo, hi) = Self.bands[band]
        let employees = lo + min(rng.int(in: 0...(hi - lo)), rng.int(in: 0...(hi - lo)))
        let above = rng.chance(Self.aboveSizePercent[band])
        let founded = foundedOn(d, &rng)
        return Enterprise(creditCode: creditCode(founded: founded, &rng), nameZh: zh, nameEn: en,
                          industryCode: business.division, clusters: d.clusters, ownership: d.ownership,
                          originCountry: d.country, fortune500Parent: d.parent?.name,
                          regionalHeadquarters: d.regionalHeadquarters, rdCentre: d.rdCentre, listing: d.listing,
                          aboveDesignatedSize: above, employees: employees, foundedOn: founded,
                          address: Self.address(cluster: d.clusters.first ?? "", &rng))
    }

    // MARK: Names

    /// A line of business that fits the firm's cluster. A group's subsidiary first tries the
    /// cluster's broad lines ("Electronics", "Biopharmaceutical"), then any.
    func business(for d: DemoDraft, attempt: Int, _ rng: inout SeededGenerator) -> Business {
        var options: [Business]
        if let p = d.parent, p.clusters.isEmpty {
            options = DemoCatalog.general.filter { p.otherDivisions.contains($0.division) }
        } else {
            let primary = d.clusters.first ?? ""
            options = DemoCatalog.businesses(for: primary)
            if d.rdCentre, primary == "biomedicine", rng.chance(50) {
                options = options.filter { $0.division == "73" }
            } else if d.parent != nil, attempt < 10 {
                options = options.filter { $0.weight >= 2 }
            }
        }
        return rng.weighted(options.map { ($0, $0.weight) })
    }

    /// A name pair not used before, and the line of business it names.
    mutating func name(for d: DemoDraft, rng: inout SeededGenerator) -> (Business, String, String) {
        var last: (Business, String, String)?
        for attempt in 0..<400 {
            let biz = business(for: d, attempt: attempt, &rng)
            if let p = d.parent, p.stemZh.contains(biz.zh) || p.stemEn.contains(biz.en) { continue }  // "GE Electric"
            let (zh, en) = compose(d, biz, &rng)
            last = (biz, zh, en)
            if !usedZh.contains(zh) && !usedEn.contains(en) {
                usedZh.insert(zh); usedEn.insert(en)
                return (biz, zh, en)
            }
        }
        // Practically unreachable: a numbered branch office of the last name tried.
        serial += 1
        let (biz, zh, en) = last!
        let pair = (zh + "苏州第\(serial)分公司", en + " Suzhou Branch \(serial)")
        usedZh.insert(pair.0); usedEn.insert(pair.1)
        return (biz, pair.0, pair.1)
    }

    func compose(_ d: DemoDraft, _ biz: Business, _ rng: inout SeededGenerator) -> (String, String) {
        let rd = d.rdCentre && biz.division != "73" && rng.chance(40)
        let bizZh = biz.zh + (rd ? "研发" : ""), bizEn = biz.en + (rd ? " R&D" : "")
        let place = d.regionalHeadquarters ? ("（中国）", "(China)") : ("（苏州）", "(Suzhou)")
        if d.ownership == .domestic && d.parent == nil {
            let brand = DemoNames.domesticBrand(&rng)
            let form = d.listing != nil ? "股份有限公司" : "有限公司"
            switch rng.weightedIndex([72, 14, 14]) {
            case 0: return ("苏州\(brand.zh)\(bizZh)\(form)", "Suzhou \(brand.en) \(bizEn) Co., Ltd.")
            case 1: return ("江苏\(brand.zh)\(bizZh)\(form)", "Jiangsu \(brand.en) \(bizEn) Co., Ltd.")
            default: return ("\(brand.zh)\(bizZh)\(place.0)\(form)", "\(brand.en) \(bizEn) \(place.1) Co., Ltd.")
            }
        }
        let stem: DemoNames.Stem
        if let p = d.parent {
            stem = DemoNames.Stem(zh: p.stemZh, en: p.stemEn)
        } else {
            let style = DemoNames.style(for: d.country, &rng)
            var s = DemoNames.stem(style, &rng)
            while DemoNames.reservedStems.contains(s.en) || DemoNames.reservedStems.contains(s.zh) {
                s = DemoNames.stem(style, &rng)
            }
            stem = s
        }
        if d.ownership == .jointVenture && !d.regionalHeadquarters {
            return ("苏州\(stem.zh)\(bizZh)有限公司", "Suzhou \(stem.en) \(bizEn) Co., Ltd.")
        }
        return ("\(stem.zh)\(bizZh)\(place.0)有限公司", "\(stem.en) \(bizEn) \(place.1) Co., Ltd.")
    }

    // MARK: Dates, codes, addresses

    /// Between SIP's founding and today: groups' subsidiaries and headquarters lean early,
    /// domestic firms lean recent.
    func foundedOn(_ d: DemoDraft, _ rng: inout SeededGenerator) -> LocalDate {
        let lo = Self.dayNumber(Self.parkFounded), hi = Self.dayNumber(today)
        guard hi > lo else { return today }
        let a = rng.int(in: lo...hi), b = rng.int(in: lo...hi)
        let day = d.parent != nil || d.regionalHeadquarters ? min(a, b) : d.ownership == .domestic ? max(a, b) : a
        return Self.date(dayNumber: day)
    }

    /// A valid, unused code of the SIP region: an old organisation code for firms founded before
    /// late 2015, an "MA" one after.
    mutating func creditCode(founded: LocalDate, _ rng: inout SeededGenerator) -> CreditCode {
        let digits = Array("0123456789")
        while true {
            var body = ""
            if founded < Self.newCodesFrom {
                body.append(rng.pick(Array("567")))
                for _ in 0..<7 { body.append(rng.pick(digits)) }
            } else {
                body = "MA" + String(rng.pick(Array("127")))
                for _ in 0..<5 { body.append(rng.pick(CreditCode.alphabet)) }
            }
            if let code = CreditCode.make(region: Self.region, organisationBody: body),
               !usedCodes.contains(code.value) {
                usedCodes.insert(code.value)
                return code
            }
        }
    }

    static func address(cluster: String, _ rng: inout SeededGenerator) -> String {
        let park = "苏州工业园区"
        switch cluster {
        case "biomedicine" where rng.chance(35):
            return park + "星湖街218号生物医药产业园\(rng.pick(["A", "B", "C"]))\(rng.int(in: 1...30))楼"
                + "\(rng.int(in: 1...6))\(String(format2: rng.int(in: 1...20)))室"
        case "nanotech" where rng.chance(30):
            return park + "金鸡湖大道99号苏州纳米城\(rng.int(in: 1...30))幢"
        case "ai" where rng.chance(30):
            return park + "金鸡湖大道88号人工智能产业园G\(rng.int(in: 1...4))栋\(rng.int(in: 2...25))层"
        default:
            let street = rng.pick(DemoCatalog.streets)
            let building = rng.chance(20) ? "\(rng.int(in: 1...12))幢" : ""
            return park + street + "\(rng.int(in: 1...999))号" + building
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), and back.
    static func dayNumber(_ d: LocalDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((d.month + 9) % 12) + 2) / 5 + d.day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func date(dayNumber: Int) -> LocalDate {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return LocalDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }
}

private extension String {
    /// Two digits with a leading zero (no Foundation formatting).
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
