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
        // outbound investment (issue 14)
        "outbound_project.title": Bilingual(zh: "项目名称", en: "Title"),
        "outbound_project.countryCode": Bilingual(zh: "目的国", en: "Target country"),
        "outbound_project.targetCompany": Bilingual(zh: "标的企业", en: "Target company"),
        "outbound_project.sensitiveActivities": Bilingual(zh: "敏感行业活动", en: "Sensitive activities"),
        "outbound_project.form": Bilingual(zh: "投资方式", en: "Form"),
        "outbound_project.equityBasisPoints": Bilingual(zh: "持股比例（基点）", en: "Equity share (basis points)"),
        "outbound_project.amount": Bilingual(zh: "投资额", en: "Amount"),
        "outbound_project.financing": Bilingual(zh: "资金来源", en: "Financing"),
        "outbound_project.beltAndRoad": Bilingual(zh: "一带一路", en: "Belt and Road"),
        "outbound_project.stage": Bilingual(zh: "阶段", en: "Stage"),
        "outbound_project.abandonReason": Bilingual(zh: "放弃原因", en: "Why abandoned"),
        "outbound_project.agreedOn": Bilingual(zh: "约定日期", en: "Agreed on"),
        "outbound_project.remittedOn": Bilingual(zh: "资金汇出日期", en: "Funds remitted on"),
        "outbound_filing.projectID": Bilingual(zh: "境外投资项目", en: "Outbound project"),
        "outbound_filing.kind": Bilingual(zh: "备案事项", en: "Filing"),
        "outbound_filing.authority": Bilingual(zh: "办理机关", en: "Authority"),
        "outbound_filing.documents": Bilingual(zh: "材料清单", en: "Documents"),
        "outbound_filing.reasons": Bilingual(zh: "依据说明", en: "Reasons"),
        "outbound_filing.references": Bilingual(zh: "法规依据", en: "Legal references"),
        "outbound_filing.ruleSet": Bilingual(zh: "规则", en: "Rules"),
        "outbound_filing.ruleVersion": Bilingual(zh: "规则版本", en: "Rules version"),
        "outbound_filing.clockWorkingDays": Bilingual(zh: "办理时限（工作日）", en: "Clock (working days)"),
        "outbound_filing.draftedOn": Bilingual(zh: "建档日期", en: "Drafted on"),
        "outbound_filing.submittedOn": Bilingual(zh: "提交日期", en: "Submitted on"),
        "outbound_filing.dueOn": Bilingual(zh: "办结时限", en: "Due on"),
        "outbound_filing.decidedOn": Bilingual(zh: "决定日期", en: "Decided on"),
        "outbound_filing.certificateNumber": Bilingual(zh: "证书编号", en: "Certificate number"),
        "outbound_filing.lapsesOn": Bilingual(zh: "证书失效日", en: "Lapses on"),
        "outbound_filing.refusalReason": Bilingual(zh: "未通过原因", en: "Why refused"),
        "country_risk.countryCode": Bilingual(zh: "国家", en: "Country"),
        "country_risk.grade": Bilingual(zh: "评级", en: "Grade"),
        "country_risk.political": Bilingual(zh: "政治风险", en: "Political"),
        "country_risk.economic": Bilingual(zh: "经济风险", en: "Economic"),
        "country_risk.businessEnvironment": Bilingual(zh: "营商环境风险", en: "Business environment"),
        "country_risk.legal": Bilingual(zh: "法律风险", en: "Legal"),
        "country_risk.sourceYear": Bilingual(zh: "评级年度", en: "Source year"),
        "country_risk.text": Bilingual(zh: "研判意见", en: "Note"),
        "outbound_alert.scope": Bilingual(zh: "范围", en: "Scope"),
        "outbound_alert.title": Bilingual(zh: "标题", en: "Title"),
        "outbound_alert.body": Bilingual(zh: "内容", en: "Text"),
        "outbound_alert.cause": Bilingual(zh: "起因", en: "Cause"),
        "outbound_alert.publishedOn": Bilingual(zh: "发布日期", en: "Published on"),
        "outbound_alert.read": Bilingual(zh: "已读", en: "Read"),
        "outbound_service.kind": Bilingual(zh: "类别", en: "Kind"),
        "outbound_service.date": Bilingual(zh: "日期", en: "Date"),
        "outbound_service.topic": Bilingual(zh: "主题", en: "Topic"),
        "outbound_service.platform": Bilingual(zh: "平台／地点", en: "Platform"),
        "outbound_service.countryCode": Bilingual(zh: "国家", en: "Country"),
        "outbound_service.enterpriseIDs": Bilingual(zh: "服务企业", en: "Firms served"),
        "outbound_rules.effectiveFrom": Bilingual(zh: "生效日期", en: "In force from"),
        "outbound_rules.sensitiveCountries": Bilingual(zh: "敏感国家", en: "Sensitive countries"),
        "outbound_rules.sensitiveActivities": Bilingual(zh: "敏感行业活动", en: "Sensitive activities"),
        "outbound_rules.sensitiveDivisions": Bilingual(zh: "敏感行业大类", en: "Sensitive divisions"),
        "outbound_rules.ndrcNationalMinUSDCents": Bilingual(zh: "国家发改委备案门槛（美分）", en: "National NDRC threshold (US cents)"),
        "outbound_rules.ndrcFilingWorkingDays": Bilingual(zh: "发改备案时限（工作日）", en: "NDRC notice (working days)"),
        "outbound_rules.approvalWorkingDays": Bilingual(zh: "核准时限（工作日）", en: "Approval (working days)"),
        "outbound_rules.mofcomCertificateWorkingDays": Bilingual(zh: "商务备案时限（工作日）", en: "Commerce certificate (working days)"),
        "outbound_rules.commerceProvinceMinUSDCents": Bilingual(zh: "省级商务备案下限（美分）", en: "Province from (US cents)"),
        "outbound_rules.commerceProvinceMaxUSDCents": Bilingual(zh: "省级商务备案上限（美分）", en: "Province up to (US cents)"),
        "outbound_rules.certificateLapseYears": Bilingual(zh: "证书失效年限", en: "Certificate lapses after (years)"),
        "outbound_rules.odiMinimumBasisPoints": Bilingual(zh: "境外直接投资持股下限（基点）", en: "ODI from (basis points)"),
        "outbound_rules.ndrc": Bilingual(zh: "发改备案依据", en: "NDRC basis"),
        "outbound_rules.ndrcSensitive": Bilingual(zh: "敏感类依据", en: "Sensitive basis"),
        "outbound_rules.ndrcThreshold": Bilingual(zh: "门槛依据", en: "Threshold basis"),
        "outbound_rules.ndrcClock": Bilingual(zh: "发改时限依据", en: "NDRC clock basis"),
        "outbound_rules.mofcom": Bilingual(zh: "商务依据", en: "Commerce basis"),
        "outbound_rules.mofcomClock": Bilingual(zh: "商务时限依据", en: "Commerce clock basis"),
        "outbound_rules.mofcomLapse": Bilingual(zh: "证书失效依据", en: "Lapse basis"),
        "outbound_rules.jiangsuRouting": Bilingual(zh: "江苏分级依据", en: "Jiangsu routing basis"),
        "outbound_rules.safe": Bilingual(zh: "外汇登记依据", en: "Foreign-exchange basis"),
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
