import Foundation

extension PolicyLibrary {
    /// Land-price incentive for A-grade per-mu enterprises (A类企业用地价格优惠).
    public static let landPriceIncentive = PolicyPackage(id: "sip_land_price_incentive_a", source: """
    policy sip_land_price_incentive_a
    title "亩均效益A类企业用地价格优惠" / "Land-price incentive for A-grade per-mu enterprises"
    department "苏州工业园区规划建设委员会" / "SIP Planning and Construction Committee"
    legal_reference "苏园管规〔2023〕9号 第八条"
    valid 2023-01-01 to 2027-12-31
    budget 20000万元
    without_application true
    budget_rule pro_rata

    parameter rebate_per_mu "每亩优惠" / "Rebate per mu":
      from 2023-01-01: 3万元/mu
    parameter cap "单个企业上限" / "Cap per enterprise":
      from 2023-01-01: 300万元

    eligible when permu_grade = "A"
      and lease_state in ["active", "extended"]
      and land_mu >= 3 mu

    amount = round(min(land_mu * rebate_per_mu, cap), 0.01 yuan)
    """, tests: """
    policy sip_land_price_incentive_a
    as_of 2025-05-01

    case "25.5 mu × 3万元/mu = 76.5万元"
    given permu_grade = "A"
    given lease_state = "active"
    given land_mu = 25.5 mu
    expect eligible 765000 yuan

    case "an area in m²: 20,000 m² = 30 mu → 90万元"
    given permu_grade = "A"
    given lease_state = "extended"
    given land_mu = 20000 m2
    expect eligible 90万元

    case "capped at 300万 (150 mu)"
    given permu_grade = "A"
    given lease_state = "active"
    given land_mu = 150 mu
    expect eligible 300万元

    case "B grade"
    given permu_grade = "B"
    expect not_eligible

    case "A grade, land unknown"
    given permu_grade = "A"
    given lease_state = "active"
    expect undetermined missing land_mu

    case "grade unknown and lease terminated: not eligible regardless"
    given lease_state = "terminated"
    given land_mu = 40 mu
    expect not_eligible
    """)

    /// Differential electricity price for D-grade enterprises (D类企业差别电价): a negative
    /// benefit, 0.05 / 0.10 / 0.15 yuan per kWh by consecutive D years.
    public static let electricitySurcharge = PolicyPackage(id: "sip_d_grade_electricity_surcharge", source: """
    policy sip_d_grade_electricity_surcharge
    title "亩均效益D类企业差别电价" / "Electricity surcharge for D-grade per-mu enterprises"
    department "苏州工业园区经济发展委员会" / "SIP Economic Development Committee"
    legal_reference "苏园管规〔2023〕9号 第十二条"
    summary "连续评为D类的企业按用电量加价征收" / "Enterprises graded D pay a surcharge per kWh that rises with consecutive D years"
    valid 2023-01-01
    without_application true
    budget_rule by_rank

    let surcharge "每千瓦时加价" / "Surcharge per kWh" = scale single permu_d_years {
      up to 1: 0.05 yuan/kWh;
      up to 2: 0.10 yuan/kWh;
      above: 0.15 yuan/kWh
    }

    eligible when land_mu > 0 mu
      and permu_grade = "D"

    amount = -round(electricity_kwh * surcharge, 0.01 yuan)
    """, tests: """
    policy sip_d_grade_electricity_surcharge
    as_of 2025-01-15

    case "first D year: 2,000,000 kWh × 0.05 = 100,000 yuan surcharge"
    given permu_grade = "D"
    given permu_d_years = 1
    given electricity_kwh = 2000000 kWh
    given land_mu = 12 mu
    expect eligible -100000 yuan

    case "second D year: 1,234,567 kWh × 0.10 = 123,456.70"
    given permu_grade = "D"
    given permu_d_years = 2
    given electricity_kwh = 1234567 kWh
    given land_mu = 12 mu
    expect eligible -123456.70 yuan

    case "fourth D year: × 0.15"
    given permu_grade = "D"
    given permu_d_years = 4
    given electricity_kwh = 1000001 kWh
    given land_mu = 12 mu
    expect eligible -150000.15 yuan

    case "C grade pays nothing"
    given permu_grade = "C"
    expect not_eligible

    case "D grade, consumption unknown"
    given permu_grade = "D"
    given permu_d_years = 1
    given land_mu = 12 mu
    expect eligible missing electricity_kwh

    case "holds no land: never evaluated, never surcharged"
    given land_mu = 0 mu
    expect not_eligible

    case "holds land but no grade yet"
    given land_mu = 12 mu
    expect undetermined missing permu_grade
    """)
}
