import ParkDomain
import ParkStore

/// Fixed strings of the per-mu evaluation pages, in both languages (see `T` and `L` for the rest).
enum P: CaseIterable {
    case navStaff, navEnterprise, title, runs, run, year, scheme, schemes, version, state, units, graded, ungraded, outOfScope
    case surcharge, createdBy, createdAt, enactedBy, gradeShares, gradeSharesNote, runEvaluation, dryRun, runButton
    case dryRunResult, reopenYear, reopenReason, reopen, noRuns, noSchemes, summary, notes, benchmarksUsed, group, indicator
    case benchmarkRule, benchmark, minimum, maximum, averageScore, withData, distribution, distributionNote, ranking, rank
    case clusterRank, landMu, total, grade, lastYearGrade, consecutiveYears, status, exportTreatments, enact, enactHint
    case compareWith, compare, scorecard, value, normalisedScore, weight, points, trace, treatments, noTreatment
    case shortfalls, improve, costsMost, noShortfall, members, scope, includeAboveSize, aboveMinMu, belowMinMu
    case belowNotEvaluated, includeNotProducing, mergeShared, declaredWeightTotal, normalisation, missingRule, direction
    case grading, thresholds, shares, ties, pooling, onlyHighest, document, draft, draftHint, name, saveDraft
    case rateYear1, rateYear2, rateYear3, dSurcharge, thresholdA, thresholdB, thresholdC, shareA, shareB, shareC, shareD
    case gradingRule, migration, matrixNote, baseScheme, draftScheme, notGraded, revenueBefore, revenueAfter, revenueChange
    case movers, noMovers, runDraft, yearEnactedHint, myTitle, noResult, noEnacted, chooseSchemes, saved, scoreAxis
    case unitsAxis, parkRank, definition, summaryText, runThisScheme, dryRunHint, viewScheme, unitTotal, evaluatedEnterprise
    case mergedWithOthers, enactedRunOf, from, to, backToOverview, runsOfScheme, chooseDraft, yes, no, belowEmptyHint, rdRatioHint, surchargeBase, surchargeDraft, absent

    var text: Bilingual {
        switch self {
        case .navStaff: B("亩均评价", "Per-mu evaluation")
        case .navEnterprise: B("亩均评价", "My per-mu score")
        case .title: B("亩均效益综合评价", "Per-mu comprehensive evaluation")
        case .runs: B("评价记录", "Evaluation runs")
        case .run: B("评价", "Run")
        case .year: B("评价年度", "Year")
        case .scheme: B("评价办法", "Scheme")
        case .schemes: B("评价办法（全部版本）", "Schemes (every version)")
        case .version: B("版本", "Version")
        case .state: B("状态", "State")
        case .units: B("评价对象", "Units")
        case .graded: B("已评级", "Graded")
        case .ungraded: B("未评级（缺数据）", "Ungraded (missing data)")
        case .outOfScope: B("不在评价范围", "Out of scope")
        case .surcharge: B("差别电价加价合计", "Electricity surcharge total")
        case .createdBy: B("创建人", "Created by")
        case .createdAt: B("创建时间", "Created at")
        case .enactedBy: B("发布人", "Enacted by")
        case .gradeShares: B("各年度等级占比", "Grade shares by year")
        case .gradeSharesNote: B("取各年度正式发布的评价；尚未发布的年度取最近一次评价。", "Each year's enacted run; for a year not yet enacted, its latest run.")
        case .runEvaluation: B("运行评价", "Run the evaluation")
        case .dryRun: B("试算（不保存）", "Dry run (store nothing)")
        case .runButton: B("运行", "Run")
        case .dryRunResult: B("试算结果（未保存）", "Dry-run result (not stored)")
        case .reopenYear: B("重新开放已发布年度", "Re-open an enacted year")
        case .reopenReason: B("原因（至少 10 个字）", "Reason (at least 10 characters)")
        case .reopen: B("重新开放", "Re-open")
        case .noRuns: B("尚无评价记录", "No runs yet")
        case .noSchemes: B("尚无评价办法", "No schemes yet")
        case .summary: B("概况", "Summary")
        case .notes: B("说明", "Notes")
        case .benchmarksUsed: B("本次采用的基准值", "Benchmarks used")
        case .group: B("组别", "Group")
        case .indicator: B("指标", "Indicator")
        case .benchmarkRule: B("基准值来源", "Benchmark rule")
        case .benchmark: B("基准值", "Benchmark")
        case .minimum: B("最小值", "Minimum")
        case .maximum: B("最大值", "Maximum")
        case .averageScore: B("平均标准化得分", "Average normalised score")
        case .withData: B("有数据的企业数", "Units with data")
        case .distribution: B("得分分布", "Score distribution")
        case .distributionNote: B("已评级企业按总分分档计数，颜色表示等级。", "Graded units counted by total score; colours show the grade.")
        case .ranking: B("排名表", "Ranking")
        case .rank: B("排名", "Rank")
        case .clusterRank: B("集群内排名", "Cluster rank")
        case .landMu: B("用地（亩）", "Land (mu)")
        case .total: B("总分", "Total score")
        case .grade: B("等级", "Grade")
        case .lastYearGrade: B("上年等级", "Last year's grade")
        case .consecutiveYears: B("连续年数", "Consecutive years")
        case .status: B("评价状态", "Status")
        case .exportTreatments: B("导出差别化措施清单（CSV）", "Export the treatment list (CSV)")
        case .enact: B("正式发布", "Enact")
        case .enactHint: B("发布后本年度等级即为正式结果；除非管理员重新开放，本年度不能再保存新的评价。",
                           "Once enacted the grades are official; no other run of the year can be stored unless an administrator re-opens it.")
        case .compareWith: B("与其他办法对比", "Compare with another scheme")
        case .compare: B("对比", "Compare")
        case .scorecard: B("评价卡", "Scorecard")
        case .value: B("指标值", "Value")
        case .normalisedScore: B("标准化得分", "Normalised score")
        case .weight: B("权重", "Weight")
        case .points: B("得分", "Points")
        case .trace: B("计算过程", "How it was computed")
        case .treatments: B("差别化措施", "Treatments")
        case .noTreatment: B("无差别化措施", "No treatment")
        case .shortfalls: B("失分最多的指标", "Where it loses most points")
        case .improve: B("如何提升", "How to improve")
        case .costsMost: B("失分最多", "Costs the most points")
        case .noShortfall: B("各项指标均已达到基准，没有失分。", "Every indicator reaches its benchmark; no points are lost.")
        case .members: B("合并评价的企业（共用地块）", "Enterprises merged into this unit (shared parcel)")
        case .scope: B("评价范围", "Scope")
        case .includeAboveSize: B("评价规上企业", "Above-size enterprises evaluated")
        case .aboveMinMu: B("规上企业最低用地", "Above-size minimum land")
        case .belowMinMu: B("规下企业最低用地（亩）", "Below-size minimum land (mu)")
        case .belowNotEvaluated: B("不评价规下企业", "below-size enterprises not evaluated")
        case .includeNotProducing: B("逾期未投产企业纳入评价", "Firms not producing past their contracted date evaluated")
        case .mergeShared: B("共用地块企业合并评价", "Enterprises sharing a parcel merged")
        case .declaredWeightTotal: B("权重合计", "Weights sum to")
        case .normalisation: B("标准化方法", "Normalisation")
        case .missingRule: B("缺数据处理", "Missing data")
        case .direction: B("方向", "Direction")
        case .grading: B("等级划分", "Grading")
        case .thresholds: B("按分数线", "By score thresholds")
        case .shares: B("按比例", "By shares")
        case .ties: B("同分处理", "Ties")
        case .pooling: B("排名范围", "Ranking pool")
        case .onlyHighest: B("差别电价不叠加，按最高标准执行", "Only the highest punitive tariff applies")
        case .document: B("办法文档（JSON，只读）", "Scheme document (JSON, read-only)")
        case .draft: B("以此为基础起草新版本", "Draft a new version from this scheme")
        case .draftHint: B("名称不变则保存为该办法的下一版本，改名则保存为新办法的第 1 版。保存后可与现行办法对比，看哪些企业等级变化。",
                           "Keep the name to save the next version; a new name starts at version 1. Then compare it with the current scheme to see who moves.")
        case .name: B("名称", "Name")
        case .saveDraft: B("保存草案", "Save the draft")
        case .rateYear1: B("第 1 年（元/千瓦时）", "1st year (yuan/kWh)")
        case .rateYear2: B("连续第 2 年起（元/千瓦时）", "From the 2nd consecutive year (yuan/kWh)")
        case .rateYear3: B("连续第 3 年起（元/千瓦时）", "From the 3rd consecutive year (yuan/kWh)")
        case .dSurcharge: B("D 类差别电价加价（留空则不加价）", "D-grade electricity surcharge (blank: none)")
        case .thresholdA: B("A 类最低分", "A from score")
        case .thresholdB: B("B 类最低分", "B from score")
        case .thresholdC: B("C 类最低分", "C from score")
        case .shareA: B("A 类比例（%）", "A share (%)")
        case .shareB: B("B 类比例（%）", "B share (%)")
        case .shareC: B("C 类比例（%）", "C share (%)")
        case .shareD: B("D 类比例（%）", "D share (%)")
        case .gradingRule: B("划分方式", "Grading rule")
        case .migration: B("等级迁移矩阵", "Grade migration matrix")
        case .matrixNote: B("行：对比基准下的等级；列：草案下的等级；对角线为等级不变的企业。",
                            "Rows: grade under the base; columns: grade under the draft; the diagonal keeps its grade.")
        case .baseScheme: B("对比基准", "Base")
        case .draftScheme: B("草案", "Draft")
        case .notGraded: B("未评级", "not graded")
        case .revenueBefore: B("对比基准加价收入", "Surcharge revenue, base")
        case .revenueAfter: B("草案加价收入", "Surcharge revenue, draft")
        case .revenueChange: B("变化", "Change")
        case .movers: B("等级变化的企业", "Enterprises that change grade")
        case .noMovers: B("没有企业等级变化。", "No enterprise changes grade.")
        case .runDraft: B("运行此草案并保存", "Run this draft and store it")
        case .yearEnactedHint: B("该年度已正式发布，须管理员重新开放后才能保存新的评价。",
                                 "The year is enacted; an administrator must re-open it before another run can be stored.")
        case .myTitle: B("本企业亩均效益评价", "Our per-mu evaluation")
        case .noResult: B("贵企业在该年度没有亩均评价结果（当年没有用地，或结果尚未发布）。如有疑问，请联系园区经济发展部门。",
                          "Your enterprise has no per-mu result for that year (it held no land, or the result is not published yet). Please contact the park's economic development office with any question.")
        case .noEnacted: B("园区尚未正式发布亩均评价结果。", "The park has not enacted a per-mu evaluation yet.")
        case .chooseSchemes: B("选择草案与对比基准", "Choose the draft and the base")
        case .saved: B("已保存", "Saved")
        case .scoreAxis: B("总分", "total score")
        case .unitsAxis: B("企业数", "units")
        case .parkRank: B("园区排名", "Park rank")
        case .definition: B("定义", "Definition")
        case .summaryText: B("评价结论", "Conclusion")
        case .runThisScheme: B("运行此办法", "Run this scheme")
        case .dryRunHint: B("试算只显示结果，不保存；保存的评价可在管理员发布后成为正式结果。",
                            "A dry run only shows the result; a stored run becomes official once an administrator enacts it.")
        case .viewScheme: B("查看办法", "View the scheme")
        case .unitTotal: B("合计", "Total")
        case .evaluatedEnterprise: B("评价对象", "Evaluated unit")
        case .mergedWithOthers: B("与共用地块的其他企业合并评价", "Evaluated together with the other enterprises on a shared parcel")
        case .enactedRunOf: B("正式评价年度", "Enacted year")
        case .from: B("原等级", "From")
        case .to: B("新等级", "To")
        case .backToOverview: B("亩均评价首页", "Per-mu overview")
        case .runsOfScheme: B("该办法的评价记录", "Runs of this scheme")
        case .chooseDraft: B("请选择要对比的草案。", "Choose a draft to compare.")
        case .yes: B("是", "yes")
        case .no: B("否", "no")
        case .belowEmptyHint: B("留空表示不评价规下企业", "blank: below-size enterprises not evaluated")
        case .surchargeBase: B("对比基准下的加价", "Surcharge, base")
        case .surchargeDraft: B("草案下的加价", "Surcharge, draft")
        case .absent: B("无当年数据", "no figures that year")
        case .rdRatioHint: B("比值，0.0302 即 3.02%", "a ratio: 0.0302 is 3.02 %")
        }
    }

    func callAsFunction(_ lang: Language) -> String { text.text(lang) }
}

private func B(_ zh: String, _ en: String) -> Bilingual { Bilingual(zh: zh, en: en) }
