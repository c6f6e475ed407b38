import Foundation

extension PolicyLibrary {
    /// Regional headquarters award (总部企业奖励) by tier: a decision table with hit policy `first`.
    public static let regionalHeadquartersAward = PolicyPackage(id: "sip_regional_hq_award", source: """
    policy sip_regional_hq_award
    title "总部企业落户奖励" / "Regional headquarters award"
    department "苏州工业园区商务局" / "SIP Commerce Bureau"
    legal_reference "苏园管规〔2024〕2号 第五条"
    valid 2024-01-01 to 2027-12-31
    budget 10000万元
    without_application false
    budget_rule by_rank

    parameter minimum_tax "年纳税门槛" / "Minimum yearly tax":
      from 2024-01-01: 1000万元

    let award "落户奖励" / "Award" = table first (hq_tier, revenue) {
      "global",                  >= 50亿元 -> 2000万元;
      in ["global", "asia_pacific"], >= 20亿元 -> 1000万元;
      "china",                   >= 20亿元 -> 500万元;
      _,                         [5亿元, 20亿元) -> 200万元;
      else -> 0 yuan;
    }

    eligible when regional_hq and tax >= minimum_tax and revenue >= 5亿元

    amount = award
    """, tests: """
    policy sip_regional_hq_award
    as_of 2025-04-01

    case "global HQ above 50亿 revenue"
    given regional_hq = true
    given hq_tier = "global"
    given revenue = 62亿元
    given tax = 3亿元
    expect eligible 2000万元

    case "global HQ between 20亿 and 50亿 falls to the second row"
    given regional_hq = true
    given hq_tier = "global"
    given revenue = 30亿元
    given tax = 8000万元
    expect eligible 1000万元

    case "China HQ with 25亿"
    given regional_hq = true
    given hq_tier = "china"
    given revenue = 25亿元
    given tax = 5000万元
    expect eligible 500万元

    case "regional tier at 5亿 (closed lower bound)"
    given regional_hq = true
    given hq_tier = "regional"
    given revenue = 5亿元
    given tax = 1000万元
    expect eligible 200万元

    case "China HQ at 20亿 exactly: third row"
    given regional_hq = true
    given hq_tier = "china"
    given revenue = 20亿元
    given tax = 2000万元
    expect eligible 500万元

    case "regional tier above 20亿 matches no row"
    given regional_hq = true
    given hq_tier = "regional"
    given revenue = 21亿元
    given tax = 2000万元
    expect eligible 0 yuan

    case "tier unknown: the amount waits for it"
    given regional_hq = true
    given revenue = 60亿元
    given tax = 2亿元
    expect eligible missing hq_tier

    case "not a headquarters"
    given regional_hq = false
    expect not_eligible

    case "tax unknown"
    given regional_hq = true
    given revenue = 60亿元
    expect undetermined missing tax
    """)

    /// Award for newly utilised foreign investment (利用外资奖励): per US$, a Fortune 500 uplift, a cap.
    public static let foreignInvestmentAward = PolicyPackage(id: "sip_fdi_award", source: """
    policy sip_fdi_award
    title "新增实际使用外资奖励" / "Award for newly utilised foreign investment"
    department "苏州工业园区商务局" / "SIP Commerce Bureau"
    legal_reference "苏园管规〔2024〕7号"
    valid 2024-01-01 to 2026-12-31
    budget 15000万元
    without_application true
    budget_rule pro_rata

    parameter award_per_usd "每美元奖励" / "Award per US$":
      from 2024-01-01 to 2024-12-31: 0.05 yuan/US$
      from 2025-01-01: 0.07 yuan/US$
    parameter cap "单个企业上限" / "Cap per enterprise":
      from 2024-01-01: 1000万元

    let uplift "上浮比例" / "Uplift" = if fortune500 then 120% else 100%

    eligible when ownership in ["foreign", "joint_venture", "hmt"]
      and utilised_fdi_usd >= 10000000 US$

    amount = round(min(utilised_fdi_usd * award_per_usd * uplift, cap), 1 yuan, down)
    """, tests: """
    policy sip_fdi_award
    as_of 2025-09-30

    case "30,000,000 US$ × 0.07 yuan = 2,100,000 yuan"
    given ownership = "foreign"
    given utilised_fdi_usd = 30000000 US$
    given fortune500 = false
    expect eligible 2100000 yuan

    case "Fortune 500 uplift: × 120% = 2,520,000 yuan"
    given ownership = "joint_venture"
    given utilised_fdi_usd = 30000000 US$
    given fortune500 = true
    expect eligible 2520000 yuan

    case "capped at 1000万"
    given ownership = "hmt"
    given utilised_fdi_usd = 200000000 US$
    given fortune500 = true
    expect eligible 1000万元

    case "2024 rate 0.05 and rounding down: 12,345,678.99 US$ × 0.05 = 617,283.9495 → 617,283"
    as_of 2024-06-30
    given ownership = "foreign"
    given utilised_fdi_usd = 12345678.99 US$
    given fortune500 = false
    expect eligible 617283 yuan

    case "domestic enterprises are not eligible"
    given ownership = "domestic"
    expect not_eligible

    case "the Fortune 500 flag decides the amount"
    given ownership = "foreign"
    given utilised_fdi_usd = 20000000 US$
    expect eligible missing fortune500

    case "below 10,000,000 US$"
    given ownership = "foreign"
    given utilised_fdi_usd = 9999999.99 US$
    given fortune500 = true
    expect not_eligible
    """)
}
