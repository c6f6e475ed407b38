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
    /// Amounts in minor units (fen, cents) in one unit chosen from the largest (`MoneyScale.column`):
    /// the unit's word and each amount as a number in it, so a sheet reads as the page does.
    struct Amounts {
        let scale: MoneyScale
        init(minor: [Int64], _ currency: MoneyCurrency, _ lang: Language) { scale = .column(minor, currency, lang) }
        init(yuan: [Int64], _ lang: Language) {
            // Whole yuan as fen, held at the bound instead of trapping (only the unit is chosen from them).
            self.init(minor: yuan.map { y in let (f, o) = y.multipliedReportingOverflow(by: 100); return o ? (y > 0 ? .max : .min) : f }, .yuan, lang)
        }
        var unit: ReportCell { .text(scale.unit) }
        func cell(minor: Int64) -> ReportCell { num(scale.value(minor: Decimal(minor)), 2) }
        func cell(yuan: Int64) -> ReportCell { num(scale.value(minor: Decimal(yuan) * 100), 2) }
    }

    /// Published values of one indicator in one unit (that of the largest of `values`).
    static func published(_ unit: IndicatorUnit, _ values: [Decimal?], _ lang: Language) -> (unit: ReportCell, cell: (Decimal?) -> ReportCell) {
        let scale = unit.moneyScale(values, lang)
        return (.text(unit.unitText(in: scale, lang)), { v in num(v.map { unit.number($0, in: scale) }, unit.places) })
    }

    /// FDI year to date from the investment ledgers, in 万美元: growth on the comparable scope,
    /// beside the ratio of the two totals.
    static func fdiRows(_ d: DerivedFigures, _ lang: Language) -> [[ReportCell]] {
        guard let f = d.fdi else { return [] }
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        let u = Amounts(minor: [f.utilisedUSDCents, f.utilisedLastYearUSDCents], .usd, lang)
        let c = Amounts(minor: [f.contractedUSDCents, f.contractedLastYearUSDCents], .usd, lang)
        return [
            [.text(t("实际使用外资（招商台账，年初累计）", "Utilised FDI (investment ledgers, YTD)")), u.unit, u.cell(minor: f.utilisedUSDCents),
             u.cell(minor: f.utilisedLastYearUSDCents), num(f.utilisedGrowthPct, 1), num(f.utilisedLevelsGrowthPct, 1)],
            [.text(t("合同外资（招商台账，年初累计）", "Contracted FDI (investment ledgers, YTD)")), c.unit, c.cell(minor: f.contractedUSDCents),
             c.cell(minor: f.contractedLastYearUSDCents), num(f.contractedGrowthPct, 1), num(f.contractedLevelsGrowthPct, 1)],
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
        let all = Amounts(minor: [o.total.usdCents, o.lastYear.usdCents], .usd, lang)
        let br = Amounts(minor: [o.beltAndRoad.usdCents, o.beltAndRoadLastYear.usdCents], .usd, lang)
        let projects = DerivedFigures.growth(Int64(o.total.projects), Int64(o.lastYear.projects))
        return [
            [.text(t("对外投资协议额（年初累计）", "Outbound investment agreed (YTD)")), all.unit, all.cell(minor: o.total.usdCents), all.cell(minor: o.lastYear.usdCents),
             num(o.usdGrowthPct, 1), num(o.usdGrowthPct, 1)],
            [.text(t("其中：一带一路国家", "Of which Belt and Road countries")), br.unit, br.cell(minor: o.beltAndRoad.usdCents), br.cell(minor: o.beltAndRoadLastYear.usdCents),
             num(o.beltAndRoadUSDGrowthPct, 1), num(o.beltAndRoadUSDGrowthPct, 1)],
            [.text(t("对外投资项目数（年初累计）", "Outbound projects agreed (YTD)")), .text(t("个", "projects")),
             .number(Decimal(o.total.projects), places: 0), .number(Decimal(o.lastYear.projects), places: 0), num(projects, 1), num(projects, 1)],
        ]
    }

    /// The outbound investment agreed year to date by world region.
    static func odiSheet(_ d: DerivedFigures, _ lang: Language) -> ReportSheet? {
        guard let o = d.odi else { return nil }
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        let usd = Amounts(minor: o.byRegion.map(\.totals.usdCents), .usd, lang), cny = Amounts(minor: o.byRegion.map(\.totals.yuanFen), .yuan, lang)
        return ReportSheet(
            name: t("对外投资", "ODI"), title: t("对外投资地区分布（\(d.month.year) 年 1–\(d.month.month) 月）", "Outbound investment by region (\(d.month.year), January to month \(d.month.month))"),
            columns: [t("地区", "Region"), t("项目数", "Projects"), t("企业数", "Firms"), t("国家数", "Countries"), t("协议额（\(usd.scale.unit)）", "Agreed (\(usd.scale.unit))"),
                      t("协议额（\(cny.scale.unit)）", "Agreed (\(cny.scale.unit))")],
            rows: o.byRegion.map { r in
                [.text(r.label.text(lang)), .number(Decimal(r.totals.projects), places: 0), .number(Decimal(r.totals.firms), places: 0),
                 .number(Decimal(r.totals.countries), places: 0), usd.cell(minor: r.totals.usdCents), cny.cell(minor: r.totals.yuanFen)]
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
                // One unit for the row's amounts (level, period value, rolling 12 months, target, needed per month).
                let a = published(d.unit, [f.level, f.periodValue, f.rolling12, p?.target.level, p?.neededPerMonth], lang)
                return [.text(d.name.text(lang)), .text(f.period?.text ?? ""), a.unit,
                        a.cell(f.level), a.cell(f.periodValue), num(f.growthPct, 1), basis.isEmpty ? .empty : .text(basis),
                        num(f.publishedGrowthPct, 1), num(f.levelsGrowthPct, 1), num(f.growthDifferencePct, 1), a.cell(f.rolling12),
                        f.revised ? .text(t("已修订", "revised")) : .empty, a.cell(p?.target.level), num(p?.target.growthPct, 1),
                        num(p?.sharePct, 1), num(p?.expectedSharePct, 1), a.cell(p?.neededPerMonth), num(p?.neededGrowthPct, 1),
                        p?.behind == true ? .text(t("落后于进度", "behind pace")) : .empty]
            }))
        var trendRows: [[ReportCell]] = []
        for tr in report.trends {
            let def = report.figures.first { $0.definition.code == tr.indicator }?.definition
            let name = def?.name.text(lang) ?? tr.indicator
            let a = published(def?.unit ?? .enterprises, tr.thisYear + tr.lastYear, lang)
            for m in 0..<12 where tr.thisYear[m] != nil || tr.lastYear[m] != nil {
                trendRows.append([.text(name), a.unit, .text(String(format: "%02d", m + 1)), a.cell(tr.thisYear[m]), a.cell(tr.lastYear[m])])
            }
        }
        out.append(ReportSheet(name: t("月度走势", "Trend"), title: t("月度走势（本年与上年）", "Levels by month, this year and last"),
                               columns: [t("指标", "Indicator"), t("单位", "Unit"), t("月份", "Month"), "\(report.month.year)", "\(report.month.year - 1)"],
                               rows: trendRows))
        out.append(ReportSheet(
            name: t("季度与年度", "Periods"), title: t("\(report.month.year) 年季度、半年与全年", "Quarters, halves and year \(report.month.year)"),
            columns: [t("指标", "Indicator"), t("单位", "Unit"), "Q1", "Q2", "Q3", "Q4", t("上半年", "H1"), t("下半年", "H2"), t("全年", "Year"),
                      t("上年全年", "Last year")],
            rows: report.periods.map { r in
                let def = report.figures.first { $0.definition.code == r.indicator }?.definition
                let name = def?.name.text(lang) ?? r.indicator
                let a = published(def?.unit ?? .enterprises, r.quarters + r.halves + [r.total, r.lastYearTotal], lang)
                return [.text(name), a.unit] + r.quarters.map(a.cell) + r.halves.map(a.cell) + [a.cell(r.total), a.cell(r.lastYearTotal)]
            }))
        if let derived {
            let tax = Amounts(yuan: [derived.taxYuan, derived.taxLastYearYuan], lang)
            let output = Amounts(yuan: [derived.outputYuan, derived.outputComparableBaseYuan], lang)
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
                    [.text(t("用地企业税收", "Tax of land-holding firms")), tax.unit,
                     tax.cell(yuan: derived.taxYuan), tax.cell(yuan: derived.taxLastYearYuan), num(derived.taxGrowthPct, 1), num(derived.taxGrowthPct, 1)],
                    [.text(t("规上企业产值（同口径增速）", "Above-scale output (comparable-set growth)")), output.unit,
                     output.cell(yuan: derived.outputYuan), output.cell(yuan: derived.outputComparableBaseYuan),
                     num(derived.outputComparableGrowthPct, 1), num(derived.outputLevelsGrowthPct, 1)],
                    [.text(t("规上企业数", "Above-scale firms")), .text(IndicatorUnit.enterprises.label.text(lang)),
                     .number(Decimal(derived.aboveScaleFirms), places: 0), .empty, .empty, .empty],
                ] + fdiRows(derived, lang) + serviceRows(derived, lang) + odiRows(derived, lang)))
            var rows: [[ReportCell]] = []
            let groups = BreakdownDimension.allCases.flatMap { derived.breakdowns[$0] ?? [] }
            let groupTax = Amounts(yuan: groups.map(\.taxYuan), lang), groupOutput = Amounts(yuan: groups.map(\.outputYuan), lang)
            for dim in BreakdownDimension.allCases {
                for r in derived.breakdowns[dim] ?? [] {
                    rows.append([.text(dim.label.text(lang)), .text(r.label.text(lang)), .number(Decimal(r.enterprises), places: 0),
                                 groupTax.cell(yuan: r.taxYuan), groupOutput.cell(yuan: r.outputYuan)])
                }
            }
            out.append(ReportSheet(name: t("分类构成", "Breakdowns"), title: t("分类构成（数据年度 \(derived.dataYear)）", "Breakdowns (data year \(derived.dataYear))"),
                                   columns: [t("维度", "Dimension"), t("分组", "Group"), t("企业数", "Enterprises"), t("税收（\(groupTax.scale.unit)）", "Tax (\(groupTax.scale.unit))"),
                                             t("规上产值（\(groupOutput.scale.unit)）", "Above-scale output (\(groupOutput.scale.unit))")],
                                   rows: rows))
            if let odi = odiSheet(derived, lang) { out.append(odi) }
        }
        return out
    }
}
