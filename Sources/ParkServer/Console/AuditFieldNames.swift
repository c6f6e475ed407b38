import ParkDomain
import ParkStore

/// Names of the audited records' fields that the console's texts do not already have, keyed
/// by "entity.field" where a field means different things in different records, else by field.
enum AuditFieldNames {
    static let names: [String: Bilingual] = [
        "id": Bilingual(zh: "记录编号", en: "Record ID"),
        "name": Bilingual(zh: "名称", en: "Name"),
        "code": Bilingual(zh: "编号", en: "Code"),
        "year": Bilingual(zh: "年度", en: "Year"),
        "version": Bilingual(zh: "版本", en: "Version"),
        "state": Bilingual(zh: "状态", en: "State"),
        "value": Bilingual(zh: "取值", en: "Value"),
        "source": Bilingual(zh: "数据来源", en: "Source"),
        "policy.source": Bilingual(zh: "政策文本", en: "Policy text"),
        // leases and parcels
        "auction": Bilingual(zh: "出让成交", en: "Auction"),
        "commitments": Bilingual(zh: "约定指标", en: "Commitments"),
        "contract": Bilingual(zh: "出让合同", en: "Contract"),
        "extensionYears": Bilingual(zh: "续期年数", en: "Extension (years)"),
        "parcelID": Bilingual(zh: "地块", en: "Parcel"),
        "boundary": Bilingual(zh: "地块边界", en: "Boundary"),
        "declaredAreaM2": Bilingual(zh: "登记面积（平方米）", en: "Declared area (m²)"),
        "landUse": Bilingual(zh: "用地性质", en: "Land use"),
        "planning": Bilingual(zh: "规划条件", en: "Planning conditions"),
        "subArea": Bilingual(zh: "片区", en: "Sub-area"),
        // yearly reports
        "averageEmployees": Bilingual(zh: "平均从业人数", en: "Average employees"),
        "custom": Bilingual(zh: "其他指标", en: "Other indicators"),
        "electricityKWh": Bilingual(zh: "用电量（千瓦时）", en: "Electricity (kWh)"),
        "emissionsTonnes": Bilingual(zh: "排放量（吨）", en: "Emissions (t)"),
        "energyTonnesCoal": Bilingual(zh: "综合能耗（吨标准煤）", en: "Energy use (t standard coal)"),
        "investmentToDateYuan": Bilingual(zh: "累计投资（元）", en: "Investment to date (yuan)"),
        "productionStartDate": Bilingual(zh: "投产日期", en: "Production start"),
        "rdSpendYuan": Bilingual(zh: "研发投入（元）", en: "R&D spend (yuan)"),
        "revenueYuan": Bilingual(zh: "营业收入（元）", en: "Revenue (yuan)"),
        "taxPaidYuan": Bilingual(zh: "实缴税收（元）", en: "Tax paid (yuan)"),
        "valueAddedYuan": Bilingual(zh: "工业增加值（元）", en: "Value added (yuan)"),
        "verification": Bilingual(zh: "核验状态", en: "Verification"),
        // assessments and their rules
        "allMandatoryMet": Bilingual(zh: "约束性指标全部达成", en: "All mandatory commitments met"),
        "asOf": Bilingual(zh: "评估基准日", en: "As of"),
        "kind": Bilingual(zh: "评估结论", en: "Decision"),
        "results": Bilingual(zh: "指标结果", en: "Results"),
        "rule": Bilingual(zh: "适用规则（英文）", en: "Rule applied"),
        "ruleZh": Bilingual(zh: "适用规则", en: "Rule applied (Chinese)"),
        "ruleset": Bilingual(zh: "评估规则", en: "Assessment rules"),
        "rulesetVersion": Bilingual(zh: "评估规则版本", en: "Rules version"),
        "score": Bilingual(zh: "得分", en: "Score"),
        "fullExtensionMinScore": Bilingual(zh: "足额续期最低得分", en: "Minimum score for the full extension"),
        "mandatoryRequiredForFull": Bilingual(zh: "足额续期须达成全部约束性指标", en: "Full extension needs every mandatory commitment"),
        "ratioCap": Bilingual(zh: "达成率上限", en: "Ratio cap"),
        "shortExtensionMinScore": Bilingual(zh: "短期续期最低得分", en: "Minimum score for a short extension"),
        "shortExtensionYears": Bilingual(zh: "短期续期年数", en: "Short extension (years)"),
        "windowMonths": Bilingual(zh: "评估窗口（月）", en: "Assessment window (months)"),
        // per-mu schemes and runs
        "declaredWeightTotal": Bilingual(zh: "权重合计", en: "Weight total"),
        "grading": Bilingual(zh: "分档规则", en: "Grading"),
        "groups": Bilingual(zh: "指标组", en: "Indicator groups"),
        "onlyHighestPunitiveTariff": Bilingual(zh: "惩罚性电价只执行最高一档", en: "Only the highest punitive tariff applies"),
        "scope": Bilingual(zh: "适用范围", en: "Scope"),
        "treatments": Bilingual(zh: "差别化措施", en: "Treatments"),
        "gradeCounts": Bilingual(zh: "各档企业数（A/B/C/D）", en: "Firms per grade (A/B/C/D)"),
        "graded": Bilingual(zh: "评定档次数", en: "Graded"),
        "scheme": Bilingual(zh: "评价办法", en: "Scheme"),
        "surchargeFen": Bilingual(zh: "差别电价加价（分）", en: "Electricity surcharge (fen)"),
        "units": Bilingual(zh: "评价单位数", en: "Units evaluated"),
    ]

    /// A stored value in words where the field holds a code.
    static func value(_ text: String, field: String, entity: String, _ lang: Language) -> String? {
        switch field {
        case "ownership": return Ownership(rawValue: text)?.label.text(lang)
        case "clusters":
            guard !text.isEmpty else { return nil }
            return text.components(separatedBy: "; ").map { code in
                Cluster.defaults.first { $0.code == code }?.name.text(lang) ?? code
            }.joined(separator: "、")
        case "originCountry": return Country.all.first { $0.alpha2 == text }.map { "\($0.name.text(lang)) (\(text))" }
        case "industryCode": return IndustryClassification.divisions.first { $0.code == text }.map { "\(text) \($0.name.text(lang))" }
        case "landUse": return LandUseClass.defaults.first { $0.code == text }?.name.text(lang)
        case "subArea": return SubArea.label(text).text(lang)
        case "role": return Role(rawValue: text)?.label.text(lang)
        case "departmentCode": return Department.defaults.first { $0.code == text }?.name.text(lang)
        case "source" where entity == ReportRepository.entityType: return ReportSource(rawValue: text)?.label.text(lang)
        case "state" where entity == LeaseRepository.entityType: return LeaseState(rawValue: text)?.label.text(lang)
        case "state" where entity == PerMuRunRepository.entityType: return PerMuRunRepository.State(rawValue: text)?.label.text(lang)
        default: return nil
        }
    }
}
