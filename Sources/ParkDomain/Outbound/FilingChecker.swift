import Foundation

/// What the checker reads of a project.
public struct FilingInput: Sendable, Hashable {
    public var countryCode: String
    public var industryCode: String
    public var activities: [SensitiveActivity]
    public var form: InvestmentForm
    public var usdCents: Int64
    /// The date the rules are read at (the agreement date, or today while consulting).
    public var date: LocalDate
    public init(countryCode: String, industryCode: String, activities: [SensitiveActivity], form: InvestmentForm, usdCents: Int64, date: LocalDate) {
        self.countryCode = countryCode; self.industryCode = industryCode; self.activities = activities; self.form = form
        self.usdCents = usdCents; self.date = date
    }

    public init(_ p: OutboundProject, today: LocalDate) {
        self.init(countryCode: p.countryCode, industryCode: p.industryCode, activities: p.sensitiveActivities, form: p.form,
                  usdCents: p.amount.usdCents, date: p.agreedOn ?? today)
    }
}

/// One filing a project needs: with whom, on what clock, why, and under which rule.
public struct FilingRequirement: Sendable, Hashable, Codable {
    public var kind: FilingKind
    public var authority: FilingAuthority
    /// Working days the authority has to answer once the filing is complete; nil when none is set.
    public var clockWorkingDays: Int?
    public var reasons: [Bilingual]
    public var references: [LegalReference]
    public var documents: [FilingDocument]

    public init(kind: FilingKind, authority: FilingAuthority, clockWorkingDays: Int?, reasons: [Bilingual], references: [LegalReference],
                documents: [FilingDocument]) {
        self.kind = kind; self.authority = authority; self.clockWorkingDays = clockWorkingDays; self.reasons = reasons
        self.references = references; self.documents = documents
    }
}

/// The checker's answer for one project.
public struct FilingCheck: Sendable, Hashable, Codable {
    public var sensitive: Bool
    /// Why the project is sensitive (empty when it is not).
    public var sensitivity: [Bilingual]
    public var requirements: [FilingRequirement]
    public var ruleSet: String
    public var ruleVersion: Int

    /// The compact plan the columnar twin computes (see `FilingPlan`).
    public var plan: FilingPlan {
        var p = FilingPlan(sensitive: sensitive, ndrcNational: false, commerce: .city)
        for r in requirements {
            if r.authority == .ndrcNational { p.ndrcNational = true }
            if r.kind.issuesCertificate {
                p.commerce = r.authority == .mofcom ? .national : r.authority == .provincialCommerce ? .province : .city
            }
        }
        return p.normalised
    }
}

/// Decides which filings an ODI project needs, and explains why, under a rule set.
public enum FilingChecker {
    public static func check(_ input: FilingInput, rules: FilingRuleSet) -> FilingCheck {
        let usd = FilingText.usd(input.usdCents)
        var why: [Bilingual] = []
        if let c = rules.sensitiveCountries.first(where: { $0.code == input.countryCode }) {
            let name = Country.named(c.code)?.name ?? Bilingual(zh: c.code, en: c.code)
            why.append(Bilingual(zh: "目的地\(name.zh)为敏感国家和地区（\(c.reason.label.zh)）",
                                 en: "\(name.en) is a sensitive country (\(c.reason.label.en))"))
        }
        for a in sensitiveActivities(input, rules: rules) {
            why.append(Bilingual(zh: "所涉行业“\(a.label.zh)”为敏感行业", en: "the project is in a sensitive industry: \(a.label.en)"))
        }
        let sensitive = !why.isEmpty
        var out: [FilingRequirement] = []
        func add(_ kind: FilingKind, _ authority: FilingAuthority, _ clock: Int?, _ reasons: [Bilingual], _ refs: [LegalReference]) {
            out.append(FilingRequirement(kind: kind, authority: authority, clockWorkingDays: clock, reasons: reasons, references: refs,
                                         documents: rules.documents(for: kind, form: input.form)))
        }
        let threshold = FilingText.usd(rules.ndrcNationalMinUSDCents)
        if sensitive {
            add(.ndrcApproval, .ndrcNational, rules.approvalWorkingDays,
                why + [Bilingual(zh: "敏感类项目实行核准管理，核准机关为国家发展改革委，\(rules.approvalWorkingDays) 个工作日内作出决定",
                                 en: "a sensitive project needs approval by the national NDRC, which decides within \(rules.approvalWorkingDays) working days")],
                [rules.ndrcSensitive, rules.ndrcClock])
            add(.mofcomApproval, .mofcom, rules.approvalWorkingDays,
                why + [Bilingual(zh: "涉及敏感国家和地区或敏感行业的境外投资须经商务部核准",
                                 en: "an investment in a sensitive country or industry needs MOFCOM's approval")],
                [rules.mofcom])
        } else {
            if input.usdCents >= rules.ndrcNationalMinUSDCents {
                add(.ndrcFiling, .ndrcNational, rules.ndrcFilingWorkingDays,
                    [Bilingual(zh: "中方投资额 \(usd.zh) ≥ \(threshold.zh)：地方企业 3 亿美元及以上的非敏感类项目向国家发展改革委备案",
                               en: "the Chinese investment of \(usd.en) is at least \(threshold.en): a local firm's non-sensitive project of that size is filed with the national NDRC"),
                     clockReason(rules.ndrcFilingWorkingDays, notice: true)],
                    [rules.ndrcThreshold, rules.ndrcClock])
            } else {
                add(.ndrcFiling, .ndrcProvincial, rules.ndrcFilingWorkingDays,
                    [Bilingual(zh: "中方投资额 \(usd.zh) < \(threshold.zh)：地方企业的非敏感类项目向注册地省级发展改革部门备案",
                               en: "the Chinese investment of \(usd.en) is below \(threshold.en): a local firm's non-sensitive project is filed with its province's NDRC"),
                     clockReason(rules.ndrcFilingWorkingDays, notice: true)],
                    [rules.ndrc, rules.ndrcClock])
            }
            let low = FilingText.usd(rules.commerceProvinceMinUSDCents), high = FilingText.usd(rules.commerceProvinceMaxUSDCents)
            let authority: FilingAuthority, routing: Bilingual
            if input.usdCents < rules.commerceProvinceMinUSDCents {
                authority = .cityCommerce
                routing = Bilingual(zh: "\(usd.zh) < \(low.zh)：江苏省内由设区市商务主管部门办理备案", en: "\(usd.en) is below \(low.en): in Jiangsu the city's commerce bureau files it")
            } else if input.usdCents <= rules.commerceProvinceMaxUSDCents {
                authority = .provincialCommerce
                routing = Bilingual(zh: "\(low.zh) ≤ \(usd.zh) ≤ \(high.zh)：由江苏省商务厅办理备案", en: "\(usd.en) is from \(low.en) to \(high.en): the Jiangsu Department of Commerce files it")
            } else {
                authority = .mofcom
                routing = Bilingual(zh: "\(usd.zh) > \(high.zh)：报商务部备案", en: "\(usd.en) is above \(high.en): MOFCOM files it")
            }
            add(.mofcomFiling, authority, rules.mofcomCertificateWorkingDays,
                [Bilingual(zh: "非敏感类境外投资实行备案管理", en: "a non-sensitive investment is filed, not approved"), routing,
                 Bilingual(zh: "备案后 \(rules.mofcomCertificateWorkingDays) 个工作日内颁发《企业境外投资证书》；自领取之日起 \(rules.certificateLapseYears) 年内未在境外开展投资的，证书自动失效",
                           en: "the ODI certificate is issued within \(rules.mofcomCertificateWorkingDays) working days; it lapses if no investment is made within \(rules.certificateLapseYears) years")],
                [rules.mofcom, rules.mofcomClock, rules.jiangsuRouting, rules.mofcomLapse])
        }
        add(.bankRegistration, .bank, nil,
            [Bilingual(zh: "境外直接投资外汇登记由银行直接办理，须在汇出投资款前完成", en: "banks register the ODI for foreign exchange directly; it must be done before the funds are remitted")],
            [rules.safe])
        return FilingCheck(sensitive: sensitive, sensitivity: why, requirements: out, ruleSet: rules.name, ruleVersion: rules.version)
    }

    static func clockReason(_ days: Int, notice: Bool) -> Bilingual {
        Bilingual(zh: "备案机关自受理之日起 \(days) 个工作日内出具备案通知书", en: "the authority issues its filing notice within \(days) working days of accepting the filing")
    }

    /// The sensitive activities a project touches on its date: declared ones and its division's.
    public static func sensitiveActivities(_ input: FilingInput, rules: FilingRuleSet) -> [SensitiveActivity] {
        var touched = Set(input.activities)
        for d in rules.sensitiveDivisions where d.division == input.industryCode { touched.insert(d.activity) }
        return rules.sensitiveActivities.filter { a in touched.contains(a.activity) && (a.since.map { input.date >= $0 } ?? true) }
            .map(\.activity)
    }
}

/// Amounts in the checker's reasons.
public enum FilingText {
    /// "US$300 M" / "3 亿美元" for round figures, else exact with separators.
    public static func usd(_ cents: Int64) -> Bilingual {
        let dollars = cents / 100, rest = cents % 100
        let exact = grouped(dollars) + (rest == 0 ? "" : String(format: ".%02lld", rest))
        if rest == 0, dollars % 1_000_000 == 0, dollars > 0 {
            let m = dollars / 1_000_000
            let zh = m % 100 == 0 ? "\(m / 100) 亿美元" : "\(grouped(m * 100)) 万美元"
            return Bilingual(zh: zh, en: "US$\(grouped(m)) M")
        }
        return Bilingual(zh: "\(exact) 美元", en: "US$\(exact)")
    }

    public static func grouped(_ n: Int64) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
