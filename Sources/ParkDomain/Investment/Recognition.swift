import Foundation

/// What a firm may be recognised as (DOMAIN.md §8, issue 11 item 5).
public enum RecognitionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case regionalHQ = "regional_hq"
    case functionalUnit = "functional_unit"

    public var label: Bilingual {
        switch self {
        case .regionalHQ: Bilingual(zh: "地区总部", en: "Regional headquarters")
        case .functionalUnit: Bilingual(zh: "功能性机构", en: "Functional unit")
        }
    }
}

/// The thresholds of one recognition rule set, as data. A nil threshold is not part of the set.
/// Shares are whole percent; `foreignParentSharePercent` is strict (> 50 %), every other floor
/// is reached at the threshold (≥). The four sector floors go together.
public struct RecognitionThresholds: Sendable, Hashable, Codable {
    public var managedEntities: Int?
    public var managedOutsideProvince: Int?
    public var foreignParentSharePercent: Int?
    public var paidInCapitalYuan: Int64?
    public var controlledOutsidePark: Int?
    public var outsideRevenueSharePercent: Int?
    public var manufacturingRevenueYuan: Int64?
    public var manufacturingTaxYuan: Int64?
    public var otherRevenueYuan: Int64?
    public var otherTaxYuan: Int64?

    public init(managedEntities: Int? = nil, managedOutsideProvince: Int? = nil, foreignParentSharePercent: Int? = nil,
                paidInCapitalYuan: Int64? = nil, controlledOutsidePark: Int? = nil, outsideRevenueSharePercent: Int? = nil,
                manufacturingRevenueYuan: Int64? = nil, manufacturingTaxYuan: Int64? = nil,
                otherRevenueYuan: Int64? = nil, otherTaxYuan: Int64? = nil) {
        self.managedEntities = managedEntities; self.managedOutsideProvince = managedOutsideProvince
        self.foreignParentSharePercent = foreignParentSharePercent; self.paidInCapitalYuan = paidInCapitalYuan
        self.controlledOutsidePark = controlledOutsidePark; self.outsideRevenueSharePercent = outsideRevenueSharePercent
        self.manufacturingRevenueYuan = manufacturingRevenueYuan; self.manufacturingTaxYuan = manufacturingTaxYuan
        self.otherRevenueYuan = otherRevenueYuan; self.otherTaxYuan = otherTaxYuan
    }

    var sectorFloors: [Int64?] { [manufacturingRevenueYuan, manufacturingTaxYuan, otherRevenueYuan, otherTaxYuan] }
}

/// A recognition rule set: the thresholds of one text (Jiangsu 2024, SIP 2017 …) for one kind,
/// with the year it took effect and its source. Checked by the policy engine: `policySource` is
/// the rule in the policy language, so a missing fact answers "undetermined" and names the fact.
public struct RecognitionRuleSet: Sendable, Hashable, Codable {
    /// ASCII identifier (`jiangsu_2024_regional_hq`).
    public var code: String
    public var kind: RecognitionKind
    /// The year the rule set took effect (its parameters apply from 1 January).
    public var year: Int
    public var title: Bilingual
    /// Where the thresholds come from (the text and article).
    public var source: String
    public var thresholds: RecognitionThresholds

    public init(code: String, kind: RecognitionKind, year: Int, title: Bilingual, source: String, thresholds: RecognitionThresholds) {
        self.code = code; self.kind = kind; self.year = year; self.title = title; self.source = source; self.thresholds = thresholds
    }

    /// GB/T 4754-2017 section C (manufacturing): divisions 13–43.
    public static let manufacturingDivisions = (13...43).map(String.init)
    /// Bounds on thresholds an admin may set.
    public static let maxCount = 100_000
    public static let maxYuan: Int64 = 1_000_000_000_000

    /// Refuses a rule set an admin could not mean: a bad code or year, an empty title or source,
    /// a negative or out-of-range threshold, half of the sector floors, or no threshold at all.
    public func validate() throws(DomainError) {
        guard !code.isEmpty, code.count <= 60, code.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }),
              code.first.map({ ("a"..."z").contains($0) }) == true else {
            throw DomainError(code: "invalid_code", field: "code", en: "code must be lower-case letters, digits and _ (up to 60), starting with a letter",
                              zh: "规则编码须为小写字母、数字和下划线（最多 60 个字符），以字母开头")
        }
        guard (1990...2100).contains(year) else {
            throw DomainError(code: "out_of_range", field: "year", en: "year must be between 1990 and 2100", zh: "年度须在 1990–2100 之间")
        }
        for (field, text) in [("title_zh", title.zh), ("title_en", title.en), ("source", source)] {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { throw DomainError.required(field) }
            if t.count > 300 { throw DomainError.tooLong(field, max: 300) }
            if t.contains("\"") || t.contains("\n") {
                throw DomainError(code: "invalid_text", field: field, en: "\(field) may not contain quotes or line breaks", zh: "\(field) 不得含引号或换行")
            }
        }
        let t = thresholds
        let counts: [(String, Int?)] = [("managed_entities", t.managedEntities), ("managed_outside_province", t.managedOutsideProvince),
                                        ("controlled_outside_park", t.controlledOutsidePark)]
        for (field, v) in counts { if let v, !(0...Self.maxCount).contains(v) { throw Self.range(field, "0–\(Self.maxCount)") } }
        for (field, v) in [("foreign_parent_share_pct", t.foreignParentSharePercent), ("outside_revenue_share_pct", t.outsideRevenueSharePercent)] {
            if let v, !(0...100).contains(v) { throw Self.range(field, "0–100") }
        }
        let money: [(String, Int64?)] = [("paid_in_capital_yuan", t.paidInCapitalYuan), ("manufacturing_revenue_yuan", t.manufacturingRevenueYuan),
                                         ("manufacturing_tax_yuan", t.manufacturingTaxYuan), ("other_revenue_yuan", t.otherRevenueYuan),
                                         ("other_tax_yuan", t.otherTaxYuan)]
        for (field, v) in money { if let v, !(0...Self.maxYuan).contains(v) { throw Self.range(field, "0–\(Self.maxYuan)") } }
        let floors = t.sectorFloors.compactMap { $0 }.count
        guard floors == 0 || floors == 4 else {
            throw DomainError(code: "incomplete_floors", field: "manufacturing_revenue_yuan",
                              en: "the sector floors go together: manufacturing revenue and tax, others' revenue and tax",
                              zh: "行业门槛须同时填写：制造业营业收入与税收、其他行业营业收入与税收")
        }
        guard counts.contains(where: { $0.1 != nil }) || money.contains(where: { $0.1 != nil })
            || t.foreignParentSharePercent != nil || t.outsideRevenueSharePercent != nil else {
            throw DomainError(code: "no_threshold", field: "thresholds", en: "a rule set needs at least one threshold", zh: "规则至少需要一项门槛")
        }
    }

    static func range(_ field: String, _ r: String) -> DomainError {
        DomainError(code: "out_of_range", field: field, en: "\(field) must be within \(r)", zh: "\(field) 须在 \(r) 之间")
    }

    /// The rule in the policy language: each threshold a labelled parameter from 1 January of
    /// `year`, each condition one line of `eligible when` (so each is explained on its own).
    public var policySource: String {
        let t = thresholds, from = "\(year)-01-01"
        var params: [String] = [], lets: [String] = [], conds: [String] = []
        func param(_ name: String, _ zh: String, _ en: String, _ value: String) {
            params.append("parameter \(name) \"\(zh)\" / \"\(en)\":\n  from \(from): \(value)")
        }
        if let n = t.managedEntities {
            param("min_managed_entities", "管理企业数下限", "Minimum entities managed", "\(n)")
            conds.append("managed_entities >= min_managed_entities")
        }
        if let n = t.managedOutsideProvince {
            param("min_managed_outside_province", "省外管理企业数下限", "Minimum entities managed outside the province", "\(n)")
            conds.append("managed_entities_outside_province >= min_managed_outside_province")
        }
        if let p = t.foreignParentSharePercent {
            param("foreign_parent_share_above", "外方母公司持股比例须高于", "Foreign parent's shareholding above", "\(p)%")
            conds.append("foreign_parent_share > foreign_parent_share_above")
        }
        if let y = t.paidInCapitalYuan {
            param("min_paid_in_capital", "实缴注册资本下限", "Minimum paid-in capital", "\(y) yuan")
            conds.append("paid_in_capital >= min_paid_in_capital")
        }
        if let n = t.controlledOutsidePark {
            param("min_controlled_outside_park", "园区外控股企业数下限", "Minimum controlled firms outside the park", "\(n)")
            conds.append("controlled_outside_park >= min_controlled_outside_park")
        }
        if let p = t.outsideRevenueSharePercent {
            param("min_outside_revenue_share", "园区外控股企业营收占比下限", "Minimum share of revenue from controlled firms outside the park", "\(p)%")
            conds.append("controlled_outside_revenue_share >= min_outside_revenue_share")
        }
        if let mr = t.manufacturingRevenueYuan, let mt = t.manufacturingTaxYuan, let orv = t.otherRevenueYuan, let ot = t.otherTaxYuan {
            param("manufacturing_revenue_floor", "制造业营业收入下限", "Manufacturing revenue floor", "\(mr) yuan")
            param("manufacturing_tax_floor", "制造业园区税收下限", "Manufacturing park tax floor", "\(mt) yuan")
            param("other_revenue_floor", "其他行业营业收入下限", "Other sectors' revenue floor", "\(orv) yuan")
            param("other_tax_floor", "其他行业园区税收下限", "Other sectors' park tax floor", "\(ot) yuan")
            let divisions = Self.manufacturingDivisions.map { "\"\($0)\"" }.joined(separator: ", ")
            lets.append("let manufacturing \"制造业\" / \"Manufacturing\" = industry in [\(divisions)]")
            lets.append("let revenue_floor \"营业收入下限\" / \"Revenue floor\" = if manufacturing then manufacturing_revenue_floor else other_revenue_floor")
            lets.append("let tax_floor \"园区税收下限\" / \"Park tax floor\" = if manufacturing then manufacturing_tax_floor else other_tax_floor")
            conds.append("revenue >= revenue_floor")
            conds.append("tax >= tax_floor")
        }
        return """
        policy recognition_\(code)
        title "\(title.zh)" / "\(title.en)"
        legal_reference "\(source)"
        valid \(from)

        \(params.joined(separator: "\n\n"))

        \(lets.joined(separator: "\n"))

        eligible when \(conds.joined(separator: "\n  and "))
        """
    }

    /// The rule compiled by the policy checker.
    public func policy() throws(DomainError) -> Policy {
        try validate()
        do { return try Policy.parse(policySource) } catch {
            throw DomainError(code: "rule_not_expressible", field: "code",
                              en: "the rule set \(code) does not compile: \(error.message.en) (line \(error.line))",
                              zh: "规则 \(code) 无法编译：\(error.message.zh)（第 \(error.line) 行）")
        }
    }

    /// Checks one firm's facts on `asOf` (on or after 1 January of `year`).
    public func check(_ facts: PolicyFacts, asOf: LocalDate) throws(DomainError) -> RecognitionCheck {
        let p = try policy()
        guard asOf >= LocalDate(year: year, month: 1, day: 1)! else {
            throw DomainError(code: "before_rule", field: "as_of", en: "\(code) applies from \(year)-01-01", zh: "\(title.zh) 自 \(year)-01-01 起适用")
        }
        let e = try p.explain(facts, asOf: asOf)
        let verdict: RecognitionCheck.Verdict = switch e.outcome.status {
        case .eligible: .met
        case .notEligible: .notMet
        case .undetermined: .undetermined
        }
        let catalogue = PolicyFactCatalogue.builtIn
        return RecognitionCheck(ruleSet: self, verdict: verdict,
                                missingFacts: e.outcome.missingFacts.map { ($0, catalogue[$0]?.label ?? Bilingual(zh: $0, en: $0)) }
                                    .map { RecognitionCheck.Missing(fact: $0.0, label: $0.1) },
                                explanation: e)
    }

    /// The rule sets ParkOS ships with (DOMAIN.md §8): Jiangsu 2024 (HQ and functional unit; the
    /// foreign parent's > 50 % from the 2018 text) and SIP 2017 (headquarters).
    public static let builtIn: [RecognitionRuleSet] = [
        RecognitionRuleSet(code: "jiangsu_2024_regional_hq", kind: .regionalHQ, year: 2024,
                           title: Bilingual(zh: "江苏省跨国公司地区总部认定（2024）", en: "Jiangsu regional headquarters of multinationals (2024)"),
                           source: "江苏省鼓励跨国公司设立地区总部和功能性机构的规定（2024）；外方母公司持股比例见 2018 年文本",
                           thresholds: RecognitionThresholds(managedEntities: 6, managedOutsideProvince: 1, foreignParentSharePercent: 50)),
        RecognitionRuleSet(code: "jiangsu_2024_functional_unit", kind: .functionalUnit, year: 2024,
                           title: Bilingual(zh: "江苏省跨国公司功能性机构认定（2024）", en: "Jiangsu functional units of multinationals (2024)"),
                           source: "江苏省鼓励跨国公司设立地区总部和功能性机构的规定（2024）；外方母公司持股比例见 2018 年文本",
                           thresholds: RecognitionThresholds(managedEntities: 3, managedOutsideProvince: 1, foreignParentSharePercent: 50)),
        RecognitionRuleSet(code: "sip_2017_regional_hq", kind: .regionalHQ, year: 2017,
                           title: Bilingual(zh: "苏州工业园区总部企业认定（2017）", en: "SIP headquarters recognition (2017)"),
                           source: "苏州工业园区关于促进总部经济发展的若干意见（2017）",
                           thresholds: RecognitionThresholds(paidInCapitalYuan: 10_000_000, controlledOutsidePark: 3, outsideRevenueSharePercent: 20,
                                                             manufacturingRevenueYuan: 800_000_000, manufacturingTaxYuan: 40_000_000,
                                                             otherRevenueYuan: 70_000_000, otherTaxYuan: 8_000_000)),
    ]
}

/// The answer of one rule set for one firm: met, not met or undetermined, with each condition
/// explained (the policy engine's explanation, in both languages) and the facts still missing.
public struct RecognitionCheck: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        case met, notMet = "not_met", undetermined

        public var label: Bilingual {
            switch self {
            case .met: Bilingual(zh: "符合", en: "Met")
            case .notMet: Bilingual(zh: "不符合", en: "Not met")
            case .undetermined: Bilingual(zh: "待定", en: "Undetermined")
            }
        }
    }
    public struct Missing: Sendable, Hashable {
        public var fact: String
        public var label: Bilingual
    }
    public var ruleSet: RecognitionRuleSet
    public var verdict: Verdict
    public var missingFacts: [Missing]
    public var explanation: PolicyExplanation

    /// Each condition as a sentence with its result, in `language`
    /// ("[符合] 管理的企业数不少于管理企业数下限 — 管理的企业数 = 6").
    public func sentences(_ language: Language) -> [String] {
        let zh = language == .zh
        return explanation.conditions.map { c in
            let r = c.result.map { $0 ? (zh ? "符合" : "met") : (zh ? "不符合" : "not met") } ?? (zh ? "待定" : "undetermined")
            let used = c.values.map { v in "\(v.label.text(language)) = \(v.words?.text(language) ?? v.value ?? (zh ? "缺失" : "missing"))" }
            return "[\(r)] \(c.words.text(language))" + (used.isEmpty ? "" : " — " + used.joined(separator: zh ? "；" : "; "))
        }
    }
}
