import ParkDomain

/// Fixed strings of the land pages, in both languages (see `T` for the rest of the console).
enum LandText: TextCatalogue {
    case land, landTitle, parcelMap, dueList, dueTitle, withinMonths, noAlerts, parcel, parcels, code, subArea, landUse
    case declaredArea, computedArea, areaMismatch, planning, plotRatio, buildingDensity, greenRatio, heightLimit, officeShare
    case lease, leases, state, winner, auctionDate, reservePrice, winningBid, deposit, confirmedOn, contract, signedOn
    case startDate, firstTerm, maxTotal, price, firstTermEnd, windowOpens, endDate, extensionTerm, years, agreement
    /// Column heads of the reports table, whose amounts carry their unit (万元 / M yuan).
    case headInvestment, headTax, headRevenue, headValueAdded, headRD
    case commitment, target, direction, measure, mandatory, weight, reports, year, investmentToDate, productionStart
    case tax, revenue, valueAdded, rdSpend, energy, electricity, emissions, employees, source, verification, versions, correction
    case submitReport, reason, timeline, kpiCharts, actual, assessment, runAssessment, asOf, score, proposal, rule
    case value, ratio, met, notMet, decision, approve, override, overrideReason, compensation, decide, decidedBy
    case importParcels, exportParcels, alerts, noLeases, advance, none, importParcelsIntro, yuan, wanYuan, mu, m2
    case portalLeases, heldLand, assessmentResult, noReports, leaseID
    case previewNotStored, recordAuction, signConfirmation, confirmationDeadline, markLapsed, customLabel, targetDate, contractUnits
    case importBureauReports, rulesets, rulesetsTitle, ruleset, fullExtensionFrom, shortExtensionFrom, shortExtensionYears, ratioCap
    case mapClustered, mapParcels, clusterOf, clusterColour, zoomIn, zoomOut, wholePark
    case mandatoryForFull, windowMonths, publishedBy, publishVersion, name, publish, active, importReportsTitle, importReportsIntro

    var text: Bilingual {
        switch self {
        case .land: B("土地", "Land")
        case .previewNotStored: B("预览（尚未保存）", "Preview (not stored yet)")
        case .recordAuction: B("登记拍卖成交", "Record the auction")
        case .signConfirmation: B("签订成交确认书", "Sign the confirmation of the deal")
        case .confirmationDeadline: B("截止日期（拍卖后第 5 个工作日）", "Deadline (5th working day after the auction)")
        case .markLapsed: B("确认期限已过：标记为失效，没收保证金", "Deadline passed: mark lapsed, forfeit the deposit")
        case .customLabel: B("名称（其他约定）", "Label (custom)")
        case .targetDate: B("日期", "date")
        case .contractUnits: B("单位：投资强度、亩均税收、亩均产出为元/亩；投资总额为元；研发占比为小数（如 0.03）。", "Units: investment intensity, tax and output per mu in yuan/mu; total investment in yuan; R&D ratio as a fraction (e.g. 0.03).")
        case .importBureauReports: B("导入部门年度数据", "Import bureau reports")
        case .rulesets: B("评估规则集", "Assessment rulesets")
        case .mapClustered: B("视野内共 {n} 宗地块，按区域聚合显示；放大或点击聚合点查看地块。", "{n} parcels in view, shown as clusters; zoom in or click a cluster to see the parcels.")
        case .mapParcels: B("视野内 {n} 宗地块，点击地块查看详情。", "{n} parcels in view; click one to open it.")
        case .clusterOf: B("地块数", "Parcels:")
        case .clusterColour: B("聚合点的颜色为其中多数地块的状态，悬停可见各状态的地块数。", "A cluster takes the colour of the state most of its parcels are in; hover over it for the count in each state.")
        case .zoomIn: B("放大", "Zoom in")
        case .zoomOut: B("缩小", "Zoom out")
        case .wholePark: B("全园区", "Whole park")
        case .rulesetsTitle: B("履约评估规则集", "Assessment rulesets")
        case .ruleset: B("规则集", "Ruleset")
        case .fullExtensionFrom: B("续期至最长年限分数线", "Full extension from score")
        case .shortExtensionFrom: B("缩短续期分数线", "Short extension from score")
        case .shortExtensionYears: B("缩短续期年限", "Short extension (years)")
        case .ratioCap: B("完成率计分上限", "Ratio cap")
        case .mandatoryForFull: B("须约束性指标全部达标", "Mandatory required for full")
        case .windowMonths: B("评估窗口（月）", "Window (months)")
        case .publishedBy: B("发布人", "Published by")
        case .publishVersion: B("发布新版本（立即生效）", "Publish a new version (takes effect at once)")
        case .name: B("名称", "Name")
        case .publish: B("发布", "Publish")
        case .active: B("生效中", "active")
        case .importReportsTitle: B("导入部门年度数据", "Import the bureaus' yearly reports")
        case .importReportsIntro: B("税务局或统计局提供的 CSV，每行一个地块一个年度。金额单位为元，能耗为吨标煤。已填报年度视为更正并保留历史。任一行有误则全部不导入。", "A CSV from the tax or statistics bureau, one row per parcel and year. Amounts in yuan, energy in t standard coal. A year already filed becomes a correction and the history is kept. If any row is wrong nothing is imported.")
        case .landTitle: B("土地出让与弹性年期", "Land and flexible-term leases")
        case .parcelMap: B("地块分布图", "Parcel map")
        case .dueList: B("到期预警", "Due list")
        case .dueTitle: B("评估到期与履约预警", "Assessments due and commitment alerts")
        case .withinMonths: B("提前月数", "Within months")
        case .noAlerts: B("没有预警", "No alerts")
        case .parcel: B("地块", "Parcel")
        case .parcels: B("地块", "Parcels")
        case .code: B("编号", "Code")
        case .subArea: B("片区", "Sub-area")
        case .landUse: B("用地性质", "Land use")
        case .declaredArea: B("出让面积", "Declared area")
        case .computedArea: B("测算面积（椭球面）", "Computed area (geodesic)")
        case .areaMismatch: B("面积差异超过 1%", "Area differs by more than 1 %")
        case .planning: B("规划条件", "Planning conditions")
        case .plotRatio: B("容积率", "Plot ratio")
        case .buildingDensity: B("建筑密度上限", "Building density max")
        case .greenRatio: B("绿地率下限", "Green ratio min")
        case .heightLimit: B("限高", "Height limit")
        case .officeShare: B("行政办公及生活服务设施用地比例上限", "Office and service share max")
        case .lease: B("出让", "Lease")
        case .leases: B("出让记录", "Leases")
        case .state: B("状态", "State")
        case .winner: B("竞得企业", "Winner")
        case .auctionDate: B("拍卖日期", "Auction date")
        case .reservePrice: B("底价", "Reserve price")
        case .winningBid: B("成交价", "Winning bid")
        case .deposit: B("保证金", "Deposit")
        case .confirmedOn: B("成交确认日期", "Confirmed on")
        case .contract: B("出让合同", "Land Grant Contract")
        case .signedOn: B("签订日期", "Signed on")
        case .startDate: B("起始日期", "Start date")
        case .firstTerm: B("首期年限", "First term")
        case .maxTotal: B("最长总年限", "Maximum total term")
        case .price: B("出让价款", "Price")
        case .firstTermEnd: B("首期届满", "First term ends")
        case .windowOpens: B("评估窗口开启", "Assessment window opens")
        case .endDate: B("当前到期日", "Current end date")
        case .extensionTerm: B("续期年限", "Extension (N)")
        case .years: B("年", "years")
        case .agreement: B("产业发展协议", "Industry Development Agreement")
        case .commitment: B("约定指标", "Commitment")
        case .target: B("目标", "Target")
        case .direction: B("方向", "Direction")
        case .measure: B("口径", "Measure")
        case .mandatory: B("约束性", "Mandatory")
        case .weight: B("权重", "Weight")
        case .reports: B("年度履约报告", "Yearly performance reports")
        case .year: B("年度", "Year")
        case .investmentToDate: B("累计固定资产投资（元）", "Investment to date (yuan)")
        case .headInvestment: B("累计固定资产投资", "Investment to date")
        case .headTax: B("纳税", "Tax paid")
        case .headRevenue: B("营业收入", "Revenue")
        case .headValueAdded: B("工业增加值", "Value added")
        case .headRD: B("研发投入", "R&D spend")
        case .productionStart: B("投产日期", "Production start")
        case .tax: B("纳税（元）", "Tax paid (yuan)")
        case .revenue: B("营业收入（元）", "Revenue (yuan)")
        case .valueAdded: B("工业增加值（元）", "Value added (yuan)")
        case .rdSpend: B("研发投入（元）", "R&D spend (yuan)")
        case .energy: B("能耗（吨标煤）", "Energy (t standard coal)")
        case .electricity: B("用电量（千瓦时）", "Electricity (kWh)")
        case .emissions: B("主要污染物排放（吨）", "Emissions (t)")
        case .employees: B("平均从业人数", "Average employees")
        case .source: B("来源", "Source")
        case .verification: B("核验", "Verification")
        case .versions: B("版本", "Versions")
        case .correction: B("更正", "Correction")
        case .submitReport: B("填报/更正年度报告", "File or correct a yearly report")
        case .reason: B("更正原因", "Reason for the correction")
        case .timeline: B("时间线", "Timeline")
        case .kpiCharts: B("指标完成情况（目标与实际）", "Commitments: target against actual by year")
        case .actual: B("实际", "Actual")
        case .assessment: B("履约评估", "Assessment")
        case .runAssessment: B("运行评估", "Run the assessment")
        case .asOf: B("评估基准日", "As of")
        case .score: B("加权得分", "Weighted score")
        case .proposal: B("评估建议", "Proposal")
        case .rule: B("适用规则", "Rule that fired")
        case .value: B("取值", "Value")
        case .ratio: B("完成率", "Ratio")
        case .met: B("达标", "Met")
        case .notMet: B("未达标", "Not met")
        case .decision: B("决定", "Decision")
        case .approve: B("同意建议", "Approve the proposal")
        case .override: B("变更建议", "Override")
        case .overrideReason: B("变更理由（变更建议时必填）", "Reason (required to override)")
        case .compensation: B("地上建筑残值补偿（元）", "Compensation for buildings at residual value (yuan)")
        case .decide: B("提交决定", "Record the decision")
        case .decidedBy: B("决定人", "Decided by")
        case .importParcels: B("导入地块（GeoJSON）", "Import parcels (GeoJSON)")
        case .exportParcels: B("导出 GeoJSON", "Export GeoJSON")
        case .alerts: B("预警", "Alerts")
        case .noLeases: B("暂无出让记录", "No leases")
        case .advance: B("推进状态", "Move to")
        case .none: B("未出让", "Not leased")
        case .importParcelsIntro: B("上传 GeoJSON 要素集合（每个地块一个面要素，属性含 code、land_use、declared_area_m2 等）。任一要素有误则全部不导入。",
                                    "Upload a GeoJSON FeatureCollection (one Polygon feature per parcel with code, land_use, declared_area_m2, …). If any feature is wrong nothing is imported.")
        case .yuan: B("元", "yuan")
        case .wanYuan: B("万元", "10k yuan")
        case .mu: B("亩", "mu")
        case .m2: B("平方米", "m²")
        case .portalLeases: B("本企业用地", "Our land")
        case .heldLand: B("企业用地", "Land held")
        case .assessmentResult: B("评估结果", "Assessment result")
        case .noReports: B("暂无报告", "No reports yet")
        case .leaseID: B("出让记录编号", "Lease ID")
        }
    }

    /// "433 leases with alerts, page 2 of 9".
    static func dueCount(_ lang: Language, total: Int, page: Int, of pages: Int) -> String {
        Bilingual(zh: "共 \(total) 宗出让有预警，第 \(page)/\(pages) 页",
                  en: "\(total) lease\(total == 1 ? "" : "s") with alerts, page \(page) of \(pages)").text(lang)
    }
}


extension CommitmentKind {
    var label: Bilingual {
        switch self {
        case .totalInvestment: Bilingual(zh: "固定资产投资总额（元）", en: "Total fixed-asset investment (yuan)")
        case .investmentIntensity: Bilingual(zh: "投资强度（元/亩）", en: "Investment intensity (yuan/mu)")
        case .productionStart: Bilingual(zh: "投产时间", en: "Production start")
        case .taxPerMu: Bilingual(zh: "亩均税收（元/亩·年）", en: "Tax per mu (yuan/mu/year)")
        case .outputPerMu: Bilingual(zh: "亩均产出（元/亩·年）", en: "Output per mu (yuan/mu/year)")
        case .rdRatio: Bilingual(zh: "研发投入占比", en: "R&D spend ratio")
        case .valueAddedPerEnergy: Bilingual(zh: "单位能耗增加值（元/吨标煤）", en: "Value added per t standard coal (yuan)")
        case .valueAddedPerEmissions: Bilingual(zh: "单位排放增加值（元/吨）", en: "Value added per t emissions (yuan)")
        case .jobs: Bilingual(zh: "就业人数", en: "Jobs")
        case .custom: Bilingual(zh: "其他约定", en: "Custom")
        }
    }
}

extension CommitmentDirection {
    var label: Bilingual {
        switch self {
        case .atLeast: Bilingual(zh: "不低于", en: "at least")
        case .atMost: Bilingual(zh: "不高于", en: "at most")
        case .byDate: Bilingual(zh: "不晚于", en: "by date")
        }
    }
}

extension CommitmentMeasure {
    func label(years: Int) -> Bilingual {
        switch self {
        case .cumulative: Bilingual(zh: "累计", en: "cumulative")
        case .latest: Bilingual(zh: "最近一年", en: "latest year")
        case .averageLastYears: Bilingual(zh: "近 \(years) 年平均", en: "average of the last \(years) years")
        }
    }
}
