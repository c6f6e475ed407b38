import Foundation

public extension FilingRuleSet {
    /// The rules in force since 1 March 2018: NDRC Order 11 (2017) with its sensitive-industry
    /// catalogue (2018), MOFCOM Order 2014 No. 3, Jiangsu's tiered commerce filing, and SAFE
    /// Notice 2015 No. 13. The sensitive-country list is a starting point for the platform's
    /// officers (countries without diplomatic ties with China in 2024, three at war, one under
    /// UN sanctions); they keep it current by publishing new versions.
    static let standard2018: FilingRuleSet = {
        let order11 = Bilingual(zh: "《企业境外投资管理办法》（国家发展改革委令第11号）", en: "NDRC Order No. 11 (2017), Measures for Enterprise Outbound Investment")
        let mofcom3 = Bilingual(zh: "《境外投资管理办法》（商务部令2014年第3号）", en: "MOFCOM Order 2014 No. 3, Measures for Outbound Investment")
        func doc(_ code: String, _ zh: String, _ en: String, acquisitions: Bool = false) -> FilingDocument {
            FilingDocument(code: code, name: Bilingual(zh: zh, en: en), acquisitionsOnly: acquisitions)
        }
        let licence = doc("business_licence", "营业执照", "Business licence")
        let decision = doc("investment_decision", "投资决策文件（董事会或股东会决议）", "Investment decision (board or shareholders' resolution)")
        let funds = doc("proof_of_funds", "资金来源证明", "Proof of the source of funds")
        let pledge = doc("authenticity_pledge", "境外投资真实性承诺书", "Statement of the investment's authenticity")
        let deal = doc("deal_documents", "并购协议、意向书或竞标文件", "Acquisition agreement, letter of intent or bid documents", acquisitions: true)
        let day = LocalDate(year: 2018, month: 3, day: 1)!
        return FilingRuleSet(
            name: "ODI 2018", version: 1, effectiveFrom: day,
            sensitiveCountries: [
                .init("BZ", .noDiplomaticTies), .init("GT", .noDiplomaticTies), .init("HT", .noDiplomaticTies), .init("PY", .noDiplomaticTies),
                .init("MH", .noDiplomaticTies), .init("PW", .noDiplomaticTies), .init("TV", .noDiplomaticTies), .init("SZ", .noDiplomaticTies),
                .init("KN", .noDiplomaticTies), .init("LC", .noDiplomaticTies), .init("VC", .noDiplomaticTies), .init("VA", .noDiplomaticTies),
                .init("SY", .war), .init("YE", .war), .init("LY", .war),
                .init("KP", .sanctions),
            ],
            sensitiveActivities: [
                .init(.weapons), .init(.crossBorderWater), .init(.newsMedia),
                .init(.realEstate, since: day), .init(.hotels, since: day), .init(.cinemas, since: day), .init(.entertainment, since: day),
                .init(.sportsClubs, since: day), .init(.fundWithoutProject, since: day),
            ],
            sensitiveDivisions: [.init("70", .realEstate), .init("61", .hotels), .init("90", .entertainment), .init("86", .newsMedia)],
            ndrcNationalMinUSDCents: 300_000_000_00, ndrcFilingWorkingDays: 7, approvalWorkingDays: 20,
            mofcomCertificateWorkingDays: 3, commerceProvinceMinUSDCents: 100_000_000_00, commerceProvinceMaxUSDCents: 300_000_000_00,
            certificateLapseYears: 2, odiMinimumBasisPoints: 1_000,
            documents: [
                .init(kind: .ndrcApproval, items: [doc("application_report", "项目申请报告", "Project application report"), licence, decision, funds, pledge, deal]),
                .init(kind: .ndrcFiling, items: [doc("ndrc_filing_form", "境外投资项目备案表", "Outbound investment project filing form"), licence, decision, funds, pledge, deal]),
                .init(kind: .mofcomApproval, items: [doc("mofcom_application", "境外投资申请书及申请表", "Application letter and form"), licence,
                                                     doc("articles_and_agreements", "境外企业章程及相关协议", "Articles of the overseas company and related agreements"), pledge, deal]),
                .init(kind: .mofcomFiling, items: [doc("mofcom_filing_form", "境外投资备案表", "Outbound investment filing form"), licence, pledge,
                                                   doc("acquisition_report", "并购类项目前期报告", "Preliminary report on the acquisition", acquisitions: true)]),
                .init(kind: .bankRegistration, items: [doc("fx_registration_form", "境外直接投资外汇登记业务申请表", "ODI foreign-exchange registration form"),
                                                       doc("odi_certificate", "企业境外投资证书", "ODI certificate (commerce)"),
                                                       doc("ndrc_notice", "发展改革部门备案通知书或核准文件", "NDRC filing notice or approval"), licence]),
            ],
            ndrc: LegalReference(document: order11, article: "art. 14"),
            ndrcSensitive: LegalReference(document: order11, article: "art. 13, 15; 《境外投资敏感行业目录（2018年版）》"),
            ndrcThreshold: LegalReference(document: order11, article: "art. 14"),
            ndrcClock: LegalReference(document: order11, article: "art. 18, 21"),
            mofcom: LegalReference(document: mofcom3, article: "art. 6, 7, 9"),
            mofcomClock: LegalReference(document: mofcom3, article: "art. 9"),
            mofcomLapse: LegalReference(document: mofcom3, article: "art. 16"),
            jiangsuRouting: LegalReference(document: Bilingual(zh: "江苏省商务厅境外投资备案分级办理", en: "Jiangsu Department of Commerce, tiered ODI filing"), article: ""),
            safe: LegalReference(document: Bilingual(zh: "《关于进一步简化和改进直接投资外汇管理政策的通知》（汇发〔2015〕13号）",
                                                     en: "SAFE Notice 2015 No. 13 on simplifying foreign-exchange administration of direct investment"), article: "")
        )
    }()
}
