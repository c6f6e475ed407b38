import Foundation

/// A cell of a report sheet: text, or a number (kept a number in `.xlsx`).
public enum ReportCell: Sendable, Hashable {
    case text(String)
    case number(Decimal, places: Int)
    case empty

    /// The cell as CSV or table text.
    public var text: String {
        switch self {
        case .text(let s): s
        case .number(let d, let places): DecimalText.fixed(d, places: places).replacingOccurrences(of: ",", with: "")
        case .empty: ""
        }
    }
}

/// One section of the board pack: a sheet of the workbook, a table of the print page and CLI.
public struct ReportSheet: Sendable {
    public var name: String
    public var title: String
    public var columns: [String]
    public var rows: [[ReportCell]]
}

/// The board pack's sections in one language, from a month's report and ParkOS's own figures.
public enum IndicatorReportSheets {
    static func num(_ d: Decimal?, _ places: Int) -> ReportCell { d.map { .number(IndicatorNumber.rounded($0, places), places: places) } ?? .empty }
    static func yuanIn(_ yuan: Int64, _ scale: IndicatorScale) -> Decimal { Decimal(yuan) / scale.factor }

    /// FDI year to date from the investment ledgers, in 万美元: growth on the comparable scope,
    /// beside the ratio of the two totals.
    static func fdiRows(_ d: DerivedFigures, _ lang: Language) -> [[ReportCell]] {
        guard let f = d.fdi else { return [] }
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        func wan(_ cents: Int64) -> ReportCell { num(Decimal(cents) / 1_000_000, 2) }
        let unit = ReportCell.text(IndicatorUnit.wanUSD.label.text(lang))
        return [
            [.text(t("实际使用外资（招商台账，年初累计）", "Utilised FDI (investment ledgers, YTD)")), unit, wan(f.utilisedUSDCents),
             wan(f.utilisedLastYearUSDCents), num(f.utilisedGrowthPct, 1), num(f.utilisedLevelsGrowthPct, 1)],
            [.text(t("合同外资（招商台账，年初累计）", "Contracted FDI (investment ledgers, YTD)")), unit, wan(f.contractedUSDCents),
             wan(f.contractedLastYearUSDCents), num(f.contractedGrowthPct, 1), num(f.contractedLevelsGrowthPct, 1)],
        ]
    }

    static func serviceRows(_ d: DerivedFigures, _ lang: Language) -> [[ReportCell]] {
        guard let s = d.service else { return [] }
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        return [
            [.text(t("企业服务诉求（本月收到）", "Service requests received (the month)")), .text(t("件", "requests")),
             .number(Decimal(s.received), places: 0), .number(Decimal(s.receivedLastYear), places: 0), num(s.receivedGrowthPct, 1),
             num(s.receivedGrowthPct, 1)],
            [.text(t("其中按时办结（占已答复 %）", "Of which answered in time (% of answered)")), .text("%"), num(s.resolvedInTimePct, 1),
             .empty, .empty, .empty],
        ]
    }

    /// Outbound investment agreed year to date (outbound statistics), in 万美元 and projects.
    static func odiRows(_ d: DerivedFigures, _ lang: Language) -> [[ReportCell]] {
        guard let o = d.odi else { return [] }
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        func wan(_ cents: Int64) -> ReportCell { num(Decimal(cents) / 1_000_000, 2) }
        let unit = ReportCell.text(IndicatorUnit.wanUSD.label.text(lang))
        let projects = DerivedFigures.growth(Int64(o.total.projects), Int64(o.lastYear.projects))
        return [
            [.text(t("对外投资协议额（年初累计）", "Outbound investment agreed (YTD)")), unit, wan(o.total.usdCents), wan(o.lastYear.usdCents),
             num(o.usdGrowthPct, 1), num(o.usdGrowthPct, 1)],
            [.text(t("其中：一带一路国家", "Of which Belt and Road countries")), unit, wan(o.beltAndRoad.usdCents), wan(o.beltAndRoadLastYear.usdCents),
             num(o.beltAndRoadUSDGrowthPct, 1), num(o.beltAndRoadUSDGrowthPct, 1)],
            [.text(t("对外投资项目数（年初累计）", "Outbound projects agreed (YTD)")), .text(t("个", "projects")),
             .number(Decimal(o.total.projects), places: 0), .number(Decimal(o.lastYear.projects), places: 0), num(projects, 1), num(projects, 1)],
        ]
    }

    /// The outbound investment agreed year to date by world region.
    static func odiSheet(_ d: DerivedFigures, _ lang: Language) -> ReportSheet? {
        guard let o = d.odi else { return nil }
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        return ReportSheet(
            name: t("对外投资", "ODI"), title: t("对外投资地区分布（\(d.month.year) 年 1–\(d.month.month) 月）", "Outbound investment by region (\(d.month.year), January to month \(d.month.month))"),
            columns: [t("地区", "Region"), t("项目数", "Projects"), t("企业数", "Firms"), t("国家数", "Countries"), t("协议额（万美元）", "Agreed (10k US$)"),
                      t("协议额（万元）", "Agreed (10k yuan)")],
            rows: o.byRegion.map { r in
                [.text(r.label.text(lang)), .number(Decimal(r.totals.projects), places: 0), .number(Decimal(r.totals.firms), places: 0),
                 .number(Decimal(r.totals.countries), places: 0), num(Decimal(r.totals.usdCents) / 1_000_000, 2), num(Decimal(r.totals.yuanFen) / 1_000_000, 2)]
            })
    }

    public static func sheets(_ report: IndicatorReport, derived: DerivedFigures?, _ lang: Language) -> [ReportSheet] {
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        var out: [ReportSheet] = []
        out.append(ReportSheet(
            name: t("主要指标", "Headline"), title: t("\(report.month.iso) 主要经济指标", "Headline indicators, \(report.month.iso)"),
            columns: [t("指标", "Indicator"), t("期别", "Period"), t("单位", "Unit"), t("累计/期末值", "Level"),
                      t("当期值", "Period's own value"), t("增速 %", "Growth %"), t("增速口径", "Growth basis"), t("公布增速 %", "Published growth %"),
                      t("按总量计算增速 %", "Growth from levels %"), t("差异（百分点）", "Difference (pp)"), t("近 12 个月", "Rolling 12 months"),
                      t("已修订", "Revised"), t("年度目标", "Year's target"), t("目标增速 %", "Target growth %"), t("完成进度 %", "Progress %"),
                      t("应达进度 %", "Pace %"), t("剩余月均需完成", "Needed per month"), t("剩余时段需增长 %", "Growth needed for the rest %"),
                      t("预警", "Alert")],
            rows: report.figures.map { f in
                let d = f.definition, p = f.progress
                let basis: String = switch f.growthSource {
                case .published: t("公布", "published") + " · " + d.growthBasis.label.text(lang)
                case .levels: t("按总量计算", "from levels")
                case .none: ""
                }
                let places = d.unit.currency == .count ? 0 : 2
                return [.text(d.name.text(lang)), .text(f.period?.text ?? ""), .text(d.unit.label.text(lang)),
                        num(f.level, places), num(f.periodValue, places), num(f.growthPct, 1), basis.isEmpty ? .empty : .text(basis),
                        num(f.publishedGrowthPct, 1), num(f.levelsGrowthPct, 1), num(f.growthDifferencePct, 1), num(f.rolling12, places),
                        f.revised ? .text(t("已修订", "revised")) : .empty, num(p?.target.level, 2), num(p?.target.growthPct, 1),
                        num(p?.sharePct, 1), num(p?.expectedSharePct, 1), num(p?.neededPerMonth, 2), num(p?.neededGrowthPct, 1),
                        p?.behind == true ? .text(t("落后于进度", "behind pace")) : .empty]
            }))
        var trendRows: [[ReportCell]] = []
        for tr in report.trends {
            let def = report.figures.first { $0.definition.code == tr.indicator }?.definition
            let name = def?.name.text(lang) ?? tr.indicator, places = def?.unit.currency == .count ? 0 : 2
            for m in 0..<12 where tr.thisYear[m] != nil || tr.lastYear[m] != nil {
                trendRows.append([.text(name), .text(String(format: "%02d", m + 1)), num(tr.thisYear[m], places), num(tr.lastYear[m], places)])
            }
        }
        out.append(ReportSheet(name: t("月度走势", "Trend"), title: t("月度走势（本年与上年）", "Levels by month, this year and last"),
                               columns: [t("指标", "Indicator"), t("月份", "Month"), "\(report.month.year)", "\(report.month.year - 1)"],
                               rows: trendRows))
        out.append(ReportSheet(
            name: t("季度与年度", "Periods"), title: t("\(report.month.year) 年季度、半年与全年", "Quarters, halves and year \(report.month.year)"),
            columns: [t("指标", "Indicator"), "Q1", "Q2", "Q3", "Q4", t("上半年", "H1"), t("下半年", "H2"), t("全年", "Year"),
                      t("上年全年", "Last year")],
            rows: report.periods.map { r in
                let def = report.figures.first { $0.definition.code == r.indicator }?.definition
                let name = def?.name.text(lang) ?? r.indicator, places = def?.unit.currency == .count ? 0 : 2
                return [.text(name)] + r.quarters.map { num($0, places) } + r.halves.map { num($0, places) } + [num(r.total, places), num(r.lastYearTotal, places)]
            }))
        if let derived {
            let yi = IndicatorScale.yi
            out.append(ReportSheet(
                name: t("园区自算", "Derived"),
                title: t("园区自有数据计算（数据年度 \(derived.dataYear)\(derived.asOfText.map { "，截至 \($0)" } ?? "")）",
                         "Computed from ParkOS's records (data year \(derived.dataYear)\(derived.asOfText.map { ", as of \($0)" } ?? ""))"),
                columns: [t("指标", "Figure"), t("单位", "Unit"), t("本期", "Now"), t("上年", "Last year"), t("增速 %", "Growth %"),
                          t("按两年总量计算增速 %", "Growth from the two levels %")],
                rows: [
                    [.text(t("在册企业数（\(derived.month.iso) 末）", "Enterprises on the register (end of \(derived.month.iso))")),
                     .text(IndicatorUnit.enterprises.label.text(lang)), .number(Decimal(derived.enterprises), places: 0),
                     .number(Decimal(derived.enterprisesLastYear), places: 0), num(derived.enterprisesGrowthPct, 1), num(derived.enterprisesGrowthPct, 1)],
                    [.text(t("用地企业税收", "Tax of land-holding firms")), .text(IndicatorUnit.yiYuan.label.text(lang)),
                     num(yuanIn(derived.taxYuan, yi), 2), num(yuanIn(derived.taxLastYearYuan, yi), 2), num(derived.taxGrowthPct, 1), num(derived.taxGrowthPct, 1)],
                    [.text(t("规上企业产值（同口径增速）", "Above-scale output (comparable-set growth)")), .text(IndicatorUnit.yiYuan.label.text(lang)),
                     num(yuanIn(derived.outputYuan, yi), 2), num(yuanIn(derived.outputComparableBaseYuan, yi), 2),
                     num(derived.outputComparableGrowthPct, 1), num(derived.outputLevelsGrowthPct, 1)],
                    [.text(t("规上企业数", "Above-scale firms")), .text(IndicatorUnit.enterprises.label.text(lang)),
                     .number(Decimal(derived.aboveScaleFirms), places: 0), .empty, .empty, .empty],
                ] + fdiRows(derived, lang) + serviceRows(derived, lang) + odiRows(derived, lang)))
            var rows: [[ReportCell]] = []
            for dim in BreakdownDimension.allCases {
                for r in derived.breakdowns[dim] ?? [] {
                    rows.append([.text(dim.label.text(lang)), .text(r.label.text(lang)), .number(Decimal(r.enterprises), places: 0),
                                 num(yuanIn(r.taxYuan, .wan), 2), num(yuanIn(r.outputYuan, .wan), 2)])
                }
            }
            out.append(ReportSheet(name: t("分类构成", "Breakdowns"), title: t("分类构成（数据年度 \(derived.dataYear)）", "Breakdowns (data year \(derived.dataYear))"),
                                   columns: [t("维度", "Dimension"), t("分组", "Group"), t("企业数", "Enterprises"), t("税收（万元）", "Tax (10k yuan)"),
                                             t("规上产值（万元）", "Above-scale output (10k yuan)")],
                                   rows: rows))
            if let odi = odiSheet(derived, lang) { out.append(odi) }
        }
        return out
    }
}
