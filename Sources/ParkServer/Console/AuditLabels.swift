import ParkDomain

/// Names of audit actions and record fields in the console's language.
enum AuditLabels {
    static func action(_ action: String, _ lang: Language) -> String {
        let names: [String: Bilingual] = [
            "create": Bilingual(zh: "新建", en: "Created"),
            "update": Bilingual(zh: "修改", en: "Updated"),
            "delete": Bilingual(zh: "删除", en: "Deleted"),
            "deregister": Bilingual(zh: "注销", en: "Deregistered"),
            "set_password": Bilingual(zh: "重置密码", en: "Password set"),
            "disable": Bilingual(zh: "停用", en: "Disabled"),
            "enable": Bilingual(zh: "启用", en: "Enabled"),
            "match": Bilingual(zh: "运行政策匹配", en: "Matched policies"),
            "confirm": Bilingual(zh: "确认兑现", en: "Confirmed"),
            "reject": Bilingual(zh: "不予兑现", en: "Rejected"),
            "set": Bilingual(zh: "填报", en: "Set"),
            "clear": Bilingual(zh: "清除", en: "Cleared"),
            "run": Bilingual(zh: "运行评价", en: "Ran"),
            "enact": Bilingual(zh: "正式发布", en: "Enacted"),
            "reopen": Bilingual(zh: "重新开放", en: "Re-opened"),
            // Outbound (issue 14)
            "draft": Bilingual(zh: "建立备案事项", en: "Drafted"), "documents": Bilingual(zh: "更新材料清单", en: "Checklist updated"),
            "submit": Bilingual(zh: "提交", en: "Submitted"), "grant": Bilingual(zh: "取得", en: "Granted"),
            "refuse": Bilingual(zh: "未通过", en: "Refused"), "redraft": Bilingual(zh: "重新准备", en: "Drafted again"),
            "lapse": Bilingual(zh: "证书失效", en: "Lapsed"), "publish": Bilingual(zh: "发布", en: "Published"),
            "grade": Bilingual(zh: "录入评级", en: "Graded"), "note": Bilingual(zh: "研判意见", en: "Note added"),
            "read": Bilingual(zh: "已读", en: "Read"), "import": Bilingual(zh: "导入", en: "Imported"),
        ]
        if action.hasPrefix("stage:"), let stage = OutboundStage(rawValue: String(action.dropFirst(6))) {
            return Bilingual(zh: "进入“\(stage.label.zh)”", en: "Moved to \(stage.label.en.lowercased())").text(lang)
        }
        return names[action]?.text(lang) ?? action
    }

    /// Field keys of the audited JSON (enterprise and user records) to labels.
    static func field(_ key: String, entity: String, _ lang: Language) -> String {
        let map: [String: ConsoleText] = [
            "creditCode": .creditCode, "nameZh": .nameZh, "nameEn": .nameEn, "industryCode": .industry,
            "clusters": .clusters, "ownership": .ownership, "originCountry": .origin,
            "fortune500Parent": .fortune500Parent, "regionalHeadquarters": .regionalHQ, "rdCentre": .rdCentre,
            "listing": .listing, "aboveDesignatedSize": .aboveSize, "employees": .employees,
            "foundedOn": .founded, "address": .address, "username": .username, "displayName": .displayName,
            "role": .role, "departmentCode": .department, "enterpriseID": .enterprise, "disabled": .disabled,
            "deregistration": .deregistered, "deregistration.on": .deregisteredOn, "deregistration.reason": .deregistrationReason,
        ]
        if let t = map[key] { return t(lang) }
        return (AuditFieldNames.names[entity + "." + key] ?? AuditFieldNames.names[key])?.text(lang) ?? key
    }

    static func entity(_ type: String, _ lang: Language) -> String {
        let names: [String: Bilingual] = [
            "enterprise": Bilingual(zh: "企业", en: "Enterprise"),
            "user": Bilingual(zh: "用户", en: "User"),
            "cluster": Bilingual(zh: "产业集群", en: "Cluster"),
            "parcel": Bilingual(zh: "地块", en: "Parcel"),
            "lease": Bilingual(zh: "土地出让", en: "Lease"),
            "performance_report": Bilingual(zh: "年度履约数据", en: "Yearly report"),
            "lease_assessment": Bilingual(zh: "履约评估", en: "Lease assessment"),
            "assessment_ruleset": Bilingual(zh: "评估规则", en: "Assessment rules"),
            "policy": Bilingual(zh: "政策", en: "Policy"),
            "policy_run": Bilingual(zh: "政策匹配", en: "Policy matching run"),
            "policy_grant": Bilingual(zh: "免申即享兑现", en: "Policy grant"),
            "enterprise_fact": Bilingual(zh: "企业政策数据", en: "Enterprise policy data"),
            "permu_run": Bilingual(zh: "亩均评价", en: "Per-mu evaluation run"),
            "permu_scheme": Bilingual(zh: "亩均评价办法", en: "Per-mu scheme"),
            "outbound_project": Bilingual(zh: "境外投资项目", en: "Outbound project"),
            "outbound_filing": Bilingual(zh: "境外投资备案", en: "Outbound filing"),
            "outbound_rules": Bilingual(zh: "境外投资备案规则", en: "Outbound filing rules"),
            "country_risk": Bilingual(zh: "国别风险", en: "Country risk"),
            "outbound_alert": Bilingual(zh: "境外投资风险提示", en: "Outbound risk alert"),
            "outbound_service": Bilingual(zh: "境外投资服务记录", en: "Outbound service log entry"),
        ]
        return names[type]?.text(lang) ?? type
    }

    static func value(_ text: String, field: String, entity: String, _ lang: Language) -> String {
        switch text {
        case "true": ConsoleText.yes(lang)
        case "false": ConsoleText.no(lang)
        default: AuditFieldNames.value(text, field: field, entity: entity, lang) ?? text
        }
    }
}
