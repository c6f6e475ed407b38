import ParkDomain

/// The information reports page's texts.
enum InfoReportText: String, TextCatalogue {
    case title, intro, due, overdue, list, officer, kind, all, apply, enterprise, report, opensOn, dueOn, state, filedOn
    case markFiled, file, generate, generateHint, year, generated, recordChange, changeOn, note, creditCode, record, exportCSV
    case none, count, annualOf, changeOf, filedLate, notFound, saved, daysOverdue

    var text: Bilingual {
        switch self {
        case .title: B("外商投资信息报告", "Foreign investment information reports")
        case .intro: B("外商投资企业于每年 1 月 1 日至 6 月 30 日报送上一年度年度报告（截止日不因周末顺延）；无需办理变更登记的变更，自变更之日起 20 个工作日内报送变更报告（按园区工作日历）。",
                       "Each foreign-invested enterprise files its annual report on the previous year from 1 January to 30 June (a weekend does not move the last day); a change that needs no registration change is reported within 20 working days of it (on the park's working calendar).")
        case .due: B("待报送", "Due")
        case .overdue: B("逾期未报", "Overdue")
        case .list: B("列表", "List")
        case .officer: B("负责人", "Officer")
        case .kind: B("报告类型", "Report type")
        case .all: B("全部", "All")
        case .apply: B("筛选", "Filter")
        case .enterprise: B("企业", "Enterprise")
        case .report: B("报告", "Report")
        case .opensOn: B("起报日", "Opens")
        case .dueOn: B("截止日", "Due by")
        case .state: B("状态", "State")
        case .filedOn: B("报送日", "Filed on")
        case .markFiled: B("标记已报送", "Mark filed")
        case .file: B("已报送", "Filed")
        case .generate: B("生成年度报告任务", "Generate annual reports")
        case .generateHint: B("为名录中该年底前成立、未注销的外商投资企业生成该年度的年度报告任务；已有的不重复生成。", "Adds the year's annual report for every foreign-invested enterprise founded by the year's end and not deregistered; those already there are kept.")
        case .year: B("年度", "Year")
        case .generated: B("已生成 {n} 份 {year} 年度报告任务", "Added {n} annual reports for {year}")
        case .recordChange: B("登记变更（无需变更登记）", "Record a change (no registration change)")
        case .changeOn: B("变更日期", "Date of change")
        case .note: B("变更事项", "What changed")
        case .creditCode: B("统一社会信用代码", "Credit code")
        case .record: B("登记", "Record")
        case .exportCSV: B("导出 CSV", "Export CSV")
        case .none: B("没有符合条件的报告", "No reports match")
        case .count: B("共 {total} 份，第 {page}/{pages} 页", "{total} reports, page {page} of {pages}")
        case .annualOf: B("{year} 年度报告", "Annual report {year}")
        case .changeOf: B("变更报告：{note}", "Change report: {note}")
        case .filedLate: B("逾期报送", "Filed late")
        case .notFound: B("名录中没有该信用代码的企业", "No enterprise in the register has this credit code")
        case .saved: B("已保存", "Saved")
        case .daysOverdue: B("逾期 {n} 天", "{n} days overdue")
        }
    }
}
