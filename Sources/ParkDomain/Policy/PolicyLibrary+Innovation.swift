import Foundation

extension PolicyLibrary {
    /// R&D expense subsidy (研发费用补贴): marginal brackets on R&D spend, a cap that rises in 2025.
    public static let rdExpenseSubsidy = PolicyPackage(id: "sip_rd_expense_subsidy", source: """
    policy sip_rd_expense_subsidy
    title "企业研发费用补贴" / "R&D expense subsidy"
    department "苏州工业园区科技创新委员会" / "SIP Science and Technology Innovation Committee"
    legal_reference "苏园管规〔2024〕5号 第三条"
    summary "对高新技术企业的年度研发费用按超额累进比例给予补贴" / "High-tech enterprises receive a share of their yearly R&D spend, by marginal brackets"
    valid 2024-01-01 to 2026-12-31
    budget 20000万元
    without_application true
    budget_rule pro_rata

    parameter minimum_rd "研发费用门槛" / "Minimum R&D spend":
      from 2024-01-01: 100万元
    parameter cap "单个企业补贴上限" / "Cap per enterprise":
      from 2024-01-01 to 2024-12-31: 300万元
      from 2025-01-01: 400万元

    let base "封顶前补贴" / "Subsidy before the cap" = scale marginal rd_spend {
      up to 500万元: 10%;
      up to 2000万元: 8%;
      above: 5%
    }

    eligible when "high_tech" in certifications
      and above_designated_size
      and rd_spend >= minimum_rd
      and permu_grade != "D"

    amount = round(min(base, cap), 1 yuan, half_up)
    """, tests: """
    policy sip_rd_expense_subsidy
    as_of 2025-06-30

    case "two brackets: 500万 × 10% + 700万 × 8% = 106万"
    given certifications = ["high_tech", "srdi"]
    given above_designated_size = true
    given rd_spend = 1200万元
    given permu_grade = "B"
    expect eligible 1060000 yuan

    case "all three brackets, capped at 400万 from 2025"
    given certifications = ["high_tech"]
    given above_designated_size = true
    given rd_spend = 8000万元
    given permu_grade = "A"
    expect eligible 400万元

    case "the 2024 cap was 300万"
    as_of 2024-12-31
    given certifications = ["high_tech"]
    given above_designated_size = true
    given rd_spend = 8000万元
    given permu_grade = "A"
    expect eligible 300万元

    case "first bracket, rounded to the yuan: 1,234,567 × 10% = 123,456.70 → 123,457"
    given certifications = ["high_tech"]
    given above_designated_size = true
    given rd_spend = 1234567 yuan
    given permu_grade = "C"
    expect eligible 123457 yuan

    case "below the 100万 threshold"
    given certifications = ["high_tech"]
    given above_designated_size = true
    given rd_spend = 99万元
    given permu_grade = "A"
    expect not_eligible

    case "D-grade enterprises are excluded even with R&D unknown"
    given certifications = ["high_tech"]
    given above_designated_size = true
    given permu_grade = "D"
    expect not_eligible

    case "missing R&D spend and grade: both are needed"
    given certifications = ["high_tech"]
    given above_designated_size = true
    expect undetermined missing rd_spend, permu_grade

    case "not high-tech: nothing else is needed"
    given certifications = ["srdi"]
    expect not_eligible
    """)

    /// "Specialised, refined, distinctive and novel" award (专精特新奖励): a collect-sum table.
    public static let srdiAward = PolicyPackage(id: "sip_srdi_award", source: """
    policy sip_srdi_award
    title "专精特新企业奖励" / "Specialised, refined, distinctive and novel (SRDI) enterprise award"
    department "苏州工业园区经济发展委员会" / "SIP Economic Development Committee"
    legal_reference "苏园管规〔2023〕11号"
    valid 2023-07-01 to 2027-06-30
    budget 5000万元
    without_application true
    budget_rule by_rank

    parameter little_giant_award "小巨人奖励" / "Little giant award":
      from 2023-07-01: 100万元
    parameter srdi_award "专精特新奖励" / "SRDI award":
      from 2023-07-01: 30万元

    let award "奖励" / "Award" = table collect_sum ("srdi_little_giant" in certifications, "srdi" in certifications, above_designated_size) {
      true, _, _ -> little_giant_award;
      _, true, _ -> srdi_award;
      _, true, true -> 20万元;
    }

    eligible when ("srdi" in certifications or "srdi_little_giant" in certifications)
      and years_since(founded_on) >= 3
      and permu_grade != "D"

    amount = award
    """, tests: """
    policy sip_srdi_award
    as_of 2025-03-31

    case "little giant, SRDI and above designated size: 100万 + 30万 + 20万"
    given certifications = ["srdi", "srdi_little_giant"]
    given above_designated_size = true
    given founded_on = 2015-05-20
    given permu_grade = "A"
    expect eligible 150万元

    case "SRDI only, below designated size"
    given certifications = ["srdi"]
    given above_designated_size = false
    given founded_on = 2020-01-15
    given permu_grade = "B"
    expect eligible 30万元

    case "founded under three years before as_of"
    given certifications = ["srdi"]
    given above_designated_size = false
    given founded_on = 2022-04-01
    given permu_grade = "B"
    expect not_eligible

    case "exactly three years"
    given certifications = ["srdi"]
    given above_designated_size = false
    given founded_on = 2022-03-31
    given permu_grade = "B"
    expect eligible 30万元

    case "SRDI with the size unknown: the amount needs it"
    given certifications = ["srdi"]
    given founded_on = 2010-01-01
    given permu_grade = "C"
    expect eligible missing above_designated_size

    case "no founding date"
    given certifications = ["srdi_little_giant"]
    given permu_grade = "A"
    expect undetermined missing founded_on
    """)
}
