import ParkDomain

/// Every fixed string of the console, in both languages. A `switch` over all cases, so a key
/// cannot exist in one language only (a test also checks none is left untranslated).
enum ConsoleText: TextCatalogue {
    case appName, appTagline, home, enterprises, importCSV, users, audit, logout, login, switchLanguage
    case username, password, signIn, signInTitle, demoHint
    case dashboard, totalEnterprises, foreignInvested, fortune500, rdCentres, regionalHQs, aboveSize
    case byCluster, byOwnership, topCountries, recentActivity, viewAll, noCluster
    case search, searchPlaceholder, cluster, ownership, country, size, all, above, below, apply, reset
    case sortBy, ascending, descending, exportCSV, previous, next
    case creditCode, name, nameZh, nameEn, industry, clusters, origin, employees, founded, flags, address
    case listing, fortune500Parent, regionalHQ, rdCentre, yes, no, basicInfo, classification, investment
    case auditTrail, seq, time, actor, action, record, changes, noAudit, field, before, after
    case importTitle, importIntro, file, dryRun, upload, downloadTemplate, columnsHelp
    case rows, imported, errorsTitle, row, column, reason, importDone, dryRunOK, encodingDetected, nothingWritten
    case usersTitle, displayName, role, department, enterprise, status, active, disabled, createUser
    case disable, enable, setPassword, newPassword, currentPassword, save, actions
    case auditTitle, verifyChain, chainIntact, chainBroken, entries
    case errorTitle, back, notFoundTitle, forbiddenTitle, perPage
    case deregistered, deregister, deregisteredOn, deregistrationReason, deregisterHint, deregisteredNotice
    case newEnterprise, createEnterprise, editEnterprise, edit, cancel, changeReason, changeReasonHint, selfServiceHint
    case savedCreated, savedUpdated, position, enterpriseCount, enterpriseRecord, userRecord
    /// Who wrote a record the database's migrations seeded (stored as `migration`).
    case builtInAuthor
    case userCreated, accountDisabled, accountEnabled, passwordSet, formExpired, listSeparator, colon

    static var chineseInEnglish: Set<String> { ["switchLanguage"] }   // the switch names the other language in its own

    var text: Bilingual {
        switch self {
        case .appName: B("ParkOS 园区管理系统", "ParkOS")
        case .appTagline: B("开放创新产业园区管理平台", "Administration of an open-innovation industrial park")
        case .home: B("首页", "Home")
        case .enterprises: B("企业名录", "Enterprises")
        case .importCSV: B("批量导入", "Import CSV")
        case .users: B("用户管理", "Users")
        case .audit: B("审计日志", "Audit trail")
        case .logout: B("退出登录", "Sign out")
        case .login: B("登录", "Sign in")
        case .switchLanguage: B("English", "中文")
        case .username: B("用户名", "Username")
        case .password: B("密码", "Password")
        case .signIn: B("登录", "Sign in")
        case .signInTitle: B("登录园区管理系统", "Sign in to ParkOS")
        case .demoHint: B("演示账号见启动时的终端输出", "Demo logins are printed in the terminal at start-up")
        case .dashboard: B("园区概览", "Park overview")
        case .totalEnterprises: B("登记企业", "Registered enterprises")
        case .foreignInvested: B("外资及港澳台资企业", "Foreign and HK/Macao/Taiwan-invested")
        case .fortune500: B("世界500强投资企业", "Fortune Global 500 investors")
        case .rdCentres: B("研发中心", "R&D centres")
        case .regionalHQs: B("地区总部", "Regional headquarters")
        case .aboveSize: B("规模以上企业", "Above designated size")
        case .byCluster: B("产业集群分布", "Enterprises by cluster")
        case .byOwnership: B("企业性质分布", "Enterprises by ownership")
        case .topCountries: B("主要投资来源地", "Main origin countries")
        case .recentActivity: B("最近操作", "Recent activity")
        case .viewAll: B("查看全部", "View all")
        case .noCluster: B("未归入集群", "No cluster")
        case .search: B("搜索", "Search")
        case .searchPlaceholder: B("企业名称或统一社会信用代码", "Name or unified social credit code")
        case .cluster: B("产业集群", "Cluster")
        case .ownership: B("企业性质", "Ownership")
        case .country: B("来源国（地区）", "Origin country")
        case .size: B("企业规模", "Size")
        case .all: B("全部", "All")
        case .above: B("规模以上", "Above designated size")
        case .below: B("规模以下", "Below designated size")
        case .apply: B("筛选", "Filter")
        case .reset: B("重置", "Reset")
        case .sortBy: B("排序", "Sort by")
        case .ascending: B("升序", "Ascending")
        case .descending: B("降序", "Descending")
        case .exportCSV: B("导出 CSV", "Export CSV")
        case .previous: B("上一页", "Previous")
        case .next: B("下一页", "Next")
        case .creditCode: B("统一社会信用代码", "Credit code")
        case .name: B("企业名称", "Name")
        case .nameZh: B("中文名称", "Chinese name")
        case .nameEn: B("英文名称", "English name")
        case .industry: B("国民经济行业", "Industry (GB/T 4754)")
        case .clusters: B("产业集群", "Clusters")
        case .origin: B("来源地", "Origin")
        case .employees: B("从业人数", "Employees")
        case .founded: B("成立日期", "Founded")
        case .flags: B("标识", "Flags")
        case .address: B("地址", "Address")
        case .listing: B("上市板块", "Listing")
        case .fortune500Parent: B("世界500强母公司", "Fortune Global 500 parent")
        case .regionalHQ: B("地区总部", "Regional HQ")
        case .rdCentre: B("研发中心", "R&D centre")
        case .yes: B("是", "Yes")
        case .no: B("否", "No")
        case .basicInfo: B("基本信息", "Registration")
        case .classification: B("分类", "Classification")
        case .investment: B("投资信息", "Investment")
        case .auditTrail: B("变更记录", "Audit trail")
        case .seq: B("序号", "No.")
        case .time: B("时间", "Time")
        case .actor: B("操作人", "By")
        case .action: B("操作", "Action")
        case .record: B("记录", "Record")
        case .changes: B("变更内容", "Changes")
        case .noAudit: B("暂无记录", "No entries yet")
        case .field: B("字段", "Field")
        case .before: B("变更前", "Before")
        case .after: B("变更后", "After")
        case .importTitle: B("批量导入企业", "Import enterprises")
        case .importIntro: B("上传 CSV 文件（UTF-8 或 GBK/GB18030，最大 10 MiB）。任一行有误则全部不导入，并列出每处错误。",
                             "Upload a CSV file (UTF-8 or GBK/GB18030, at most 10 MiB). If any row is wrong nothing is imported, and every error is listed.")
        case .file: B("文件", "File")
        case .dryRun: B("仅校验，不写入", "Check only, write nothing")
        case .upload: B("上传", "Upload")
        case .downloadTemplate: B("下载模板", "Download template")
        case .columnsHelp: B("列名（英文小写）", "Columns (snake_case)")
        case .rows: B("数据行", "Rows")
        case .imported: B("已导入", "Imported")
        case .errorsTitle: B("错误明细", "Errors")
        case .row: B("行号", "Line")
        case .column: B("列", "Column")
        case .reason: B("原因", "Reason")
        case .importDone: B("导入完成", "Import complete")
        case .dryRunOK: B("校验通过，可以导入", "All rows are valid and can be imported")
        case .encodingDetected: B("识别编码", "Encoding detected")
        case .nothingWritten: B("未写入任何数据", "Nothing was written")
        case .usersTitle: B("用户与权限", "Users and roles")
        case .displayName: B("姓名", "Display name")
        case .role: B("角色", "Role")
        case .department: B("部门", "Department")
        case .enterprise: B("所属企业", "Enterprise")
        case .status: B("状态", "Status")
        case .active: B("正常", "Active")
        case .disabled: B("已停用", "Disabled")
        case .createUser: B("新建用户", "New user")
        case .disable: B("停用", "Disable")
        case .enable: B("启用", "Enable")
        case .setPassword: B("重置密码", "Set password")
        case .deregistered: B("已注销", "Deregistered")
        case .deregister: B("注销企业", "Deregister")
        case .deregisteredOn: B("注销日期", "Deregistered on")
        case .deregistrationReason: B("注销原因", "Reason")
        case .deregisterHint: B("注销后企业仍保留在名录中，其土地、评价和政策记录及审计日志均保留。", "A deregistered enterprise stays in the register with its land, evaluation and policy records and its audit trail.")
        case .deregisteredNotice: B("企业已注销", "Enterprise deregistered")
        case .newPassword: B("新密码", "New password")
        case .currentPassword: B("当前密码", "Current password")
        case .save: B("保存", "Save")
        case .actions: B("操作", "Actions")
        case .auditTitle: B("审计日志", "Audit trail")
        case .verifyChain: B("校验哈希链", "Verify the hash chain")
        case .chainIntact: B("哈希链完整", "The hash chain is intact")
        case .chainBroken: B("哈希链已损坏", "The hash chain is broken")
        case .entries: B("条记录", "entries")
        case .errorTitle: B("出错了", "Something went wrong")
        case .back: B("返回", "Back")
        case .notFoundTitle: B("未找到", "Not found")
        case .forbiddenTitle: B("无权访问", "Not allowed")
        case .perPage: B("每页", "Per page")
        case .newEnterprise: B("登记新企业", "Register an enterprise")
        case .createEnterprise: B("登记", "Register")
        case .editEnterprise: B("修改企业信息", "Edit enterprise")
        case .edit: B("修改", "Edit")
        case .cancel: B("取消", "Cancel")
        case .changeReason: B("变更原因", "Reason for the change")
        case .changeReasonHint: B("说明为何修改（如：依据营业执照变更、企业年报更正），将记入审计日志", "Say why (e.g. business licence amended, annual report corrected); it is recorded in the audit trail")
        case .selfServiceHint: B("企业用户可修改英文名称、地址和从业人数；其他信息如需更正请联系园区经济发展部门。", "An enterprise user may change the English name, address and employees; to correct anything else, contact the park's economic development bureau.")
        case .savedCreated: B("企业已登记", "Enterprise registered")
        case .position: B("职务", "Position")
        case .enterpriseRecord: B("企业", "Enterprise")
        case .userRecord: B("用户", "User")
        case .userCreated: B("已创建用户 {name}", "Created user {name}")
        case .accountDisabled: B("账号已停用", "Account disabled")
        case .accountEnabled: B("账号已启用", "Account enabled")
        case .passwordSet: B("密码已重置", "Password set")
        case .listSeparator: B("、", "; ")
        case .colon: B("：", ": ")
        case .formExpired: B("表单已过期，请重试", "The form expired; please try again")
        case .enterpriseCount: B("共 {total} 家企业，第 {page}/{pages} 页", "{total} enterprises, page {page} of {pages}")
        case .savedUpdated: B("修改已保存并记入审计日志", "Changes saved and recorded in the audit trail")
        case .builtInAuthor: B("系统预置", "Built in")
        }
    }
}

extension ConsoleText {
    /// The author of a stored record as people read it: the migrations' seed is "Built in", a
    /// user by their user name.
    static func author(_ createdBy: String, _ lang: Language) -> String {
        createdBy == "migration" ? ConsoleText.builtInAuthor(lang) : createdBy
    }
}
