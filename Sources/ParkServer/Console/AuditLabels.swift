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
        ]
        return names[action]?.text(lang) ?? action
    }

    /// Field keys of the audited JSON (enterprise and user records) to labels.
    static func field(_ key: String, _ lang: Language) -> String {
        let map: [String: T] = [
            "creditCode": .creditCode, "nameZh": .nameZh, "nameEn": .nameEn, "industryCode": .industry,
            "clusters": .clusters, "ownership": .ownership, "originCountry": .origin,
            "fortune500Parent": .fortune500Parent, "regionalHeadquarters": .regionalHQ, "rdCentre": .rdCentre,
            "listing": .listing, "aboveDesignatedSize": .aboveSize, "employees": .employees,
            "foundedOn": .founded, "address": .address, "username": .username, "displayName": .displayName,
            "role": .role, "departmentCode": .department, "enterpriseID": .enterprise, "disabled": .disabled,
            "deregistration": .deregistered, "deregistration.on": .deregisteredOn, "deregistration.reason": .deregistrationReason,
        ]
        return map[key].map { $0(lang) } ?? key
    }

    static func entity(_ type: String, _ lang: Language) -> String {
        switch type {
        case "enterprise": T.enterprise(lang)
        case "user": T.username(lang)
        case "cluster": T.cluster(lang)
        case "policy": lang == .zh ? "政策" : "Policy"
        case "policy_run": lang == .zh ? "政策匹配" : "Policy matching run"
        case "policy_grant": lang == .zh ? "免申即享兑现" : "Policy grant"
        case "enterprise_fact": lang == .zh ? "企业政策数据" : "Enterprise policy data"
        case "permu_run": lang == .zh ? "亩均评价" : "Per-mu evaluation run"
        case "permu_scheme": lang == .zh ? "亩均评价办法" : "Per-mu scheme"
        default: type
        }
    }

    static func value(_ text: String, _ lang: Language) -> String {
        switch text {
        case "true": T.yes(lang)
        case "false": T.no(lang)
        default: text
        }
    }
}
