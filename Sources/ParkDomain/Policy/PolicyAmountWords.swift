import Foundation

/// A policy value as officials read it, in both languages: amounts scaled and unit-named
/// (10,000,000 US$ is "1,000万美元" / "US$10 M", 2,520,000 yuan "252万元" / "2.52 M yuan"),
/// areas in 亩 / mu, yes / no for booleans. Exact: a value is scaled only when the scaled
/// number is still exact to the micro-unit, and trailing zeros are dropped, never digits.
public enum PolicyAmountWords {
    /// `raw` micro-units (or 0/1, yyyymmdd) of `type` in words.
    public static func words(_ raw: Int64, _ type: PolicyType) -> Bilingual {
        switch type {
        case .bool: return raw != 0 ? Bilingual(zh: "是", en: "yes") : Bilingual(zh: "否", en: "no")
        case .date: let t = PolicyFixed.render(raw, .date); return Bilingual(zh: t, en: t)
        case .money(let c): return money(raw, c)
        case .area: return Bilingual(zh: "\(PolicyFixed.decimal(raw)) 亩", en: "\(PolicyFixed.decimal(raw)) mu")
        case .energy: return Bilingual(zh: "\(PolicyFixed.decimal(raw)) 千瓦时", en: "\(PolicyFixed.decimal(raw)) kWh")
        case .rate(let c, let base):
            let m = money(raw, c)
            return Bilingual(zh: "\(m.zh)/\(baseName(base).zh)", en: "\(m.en) per \(baseName(base).en)")
        default: let t = PolicyFixed.decimal(raw); return Bilingual(zh: t, en: t)
        }
    }

    /// Money: 万/亿 in Chinese, M/bn in English, from the first step up; the exact amount below it.
    static func money(_ raw: Int64, _ c: PolicyCurrency) -> Bilingual {
        let m = raw.magnitude, sign = raw < 0 ? "−" : ""
        let one = UInt64(PolicyFixed.one)
        func scaled(_ steps: [(UInt64, String)]) -> (String, String) {
            // `decimal` reads micro-units, so m / unit is the value counted in `unit`s; a step is
            // used only when that count is exact.
            for (unit, name) in steps where m >= unit * one && m % unit == 0 {
                // A whole number of 万 or M as it is ("1,000万"), a fraction with at least two
                // decimals like every other scaled amount ("2.10 M", never "2.1 M").
                let scaled = m / unit
                return (PolicyFixed.decimal(Int64(clamping: scaled), minPlaces: scaled % one == 0 ? 0 : 2), name)
            }
            return (PolicyFixed.decimal(Int64(clamping: m), minPlaces: m % one != 0 ? 2 : 0), "")
        }
        let (zhNumber, zhStep) = scaled([(100_000_000, "亿"), (10_000, "万")])
        let (enNumber, enStep) = scaled([(1_000_000_000, " bn"), (1_000_000, " M")])
        switch c {
        case .cny: return Bilingual(zh: "\(sign)\(zhNumber)\(zhStep)元", en: "\(sign)\(enNumber)\(enStep) yuan")
        case .usd: return Bilingual(zh: "\(sign)\(zhNumber)\(zhStep)美元", en: "\(sign)US$\(enNumber)\(enStep)")
        }
    }

    static func baseName(_ b: PolicyRateBase) -> Bilingual {
        switch b {
        case .mu: Bilingual(zh: "亩", en: "mu")
        case .kWh: Bilingual(zh: "千瓦时", en: "kWh")
        case .person: Bilingual(zh: "人", en: "person")
        case .usd: Bilingual(zh: "美元", en: "US$")
        }
    }
}
