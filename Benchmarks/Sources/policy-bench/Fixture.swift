import Foundation
import ParkDomain

/// The seeded population and policy set the policy benchmark measures.
enum PolicyBenchFixture {
    /// The built-in policies plus generated variants up to `count`: each variant is a built-in
    /// source with a new id and every 万元 figure moved by a few percent, so it has the same
    /// structure (brackets, tables, caps) and different thresholds.
    static func policies(count: Int) throws -> [Policy] {
        let base = PolicyLibrary.builtIn
        var out: [Policy] = []
        var k = 0
        while out.count < count {
            let pkg = base[k % base.count]
            let variant = k / base.count
            var source = pkg.source
            if variant > 0 {
                source = source.replacingOccurrences(of: "policy \(pkg.id)", with: "policy \(pkg.id)_v\(variant)")
                source = shiftWanYuan(source, percent: 100 + (variant % 13) - 6)
            }
            out.append(try Policy.parse(source))
            k += 1
        }
        return out
    }

    /// Every integer followed by 万元, times `percent` / 100 (at least 1).
    static func shiftWanYuan(_ s: String, percent: Int) -> String {
        var out = "", digits = ""
        var chars = Array(s)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c.isASCII && c.isNumber { digits.append(c); continue }
            if !digits.isEmpty {
                if c == "万", let n = Int(digits), out.last.map({ $0 != "." }) ?? true {
                    out += String(max(1, n * percent / 100))
                } else { out += digits }
                digits = ""
            }
            out.append(c)
        }
        return out + digits
    }

    /// `rows` enterprises drawn from `seed`, each fact missing with probability `missingPercent`.
    static func table(rows: Int, seed: UInt64, missingPercent: Int) throws -> PolicyFactTable {
        var rng = SeededGenerator(seed: seed)
        var t = PolicyFactTable(count: rows)
        func present() -> [UInt8] { (0..<rows).map { _ in rng.chance(missingPercent) ? 0 : 1 } }
        func money(_ name: String, maxYuan: Int) throws {
            let fen = (0..<rows).map { _ in Int64(rng.int(in: 0...maxYuan)) * 100 + Int64(rng.below(100)) }
            try t.setMoney(name, fen: fen, present: present())
        }
        func raw(_ name: String, _ make: () -> Int64) throws {
            let v = (0..<rows).map { _ in make() }
            try t.setRaw(name, values: v, present: present())
        }
        func codes(_ name: String, _ vocab: [String]) throws {
            let ids = (0..<rows).map { _ in rng.chance(missingPercent) ? Int32(-1) : Int32(rng.below(vocab.count)) }
            try t.setCodes(name, ids: ids, vocabulary: vocab)
        }
        func lists(_ name: String, _ vocab: [String], percent: Int) throws {
            let bits = (0..<rows).map { _ in vocab.indices.reduce(UInt64(0)) { rng.chance(percent) ? $0 | (1 << UInt64($1)) : $0 } }
            try t.setCodeLists(name, bits: bits, present: present(), vocabulary: vocab)
        }
        let one = Int64(1_000_000)
        try codes("industry", ["27", "35", "39", "40", "65"])
        try lists("clusters", ["biomedicine", "nanotech", "ai", "semiconductors"], percent: 25)
        try codes("ownership", ["domestic", "foreign", "hmt", "joint_venture"])
        try codes("origin_country", ["CN", "US", "DE", "JP", "SG"])
        try raw("above_designated_size") { rng.chance(60) ? 1 : 0 }
        try raw("employees") { Int64(rng.int(in: 1...3000)) * one }
        try raw("founded_on") { Int64(rng.int(in: 1995...2024) * 10_000 + rng.int(in: 1...12) * 100 + rng.int(in: 1...28)) }
        try raw("regional_hq") { rng.chance(25) ? 1 : 0 }
        try codes("hq_tier", ["global", "asia_pacific", "china", "regional"])
        try raw("rd_centre") { rng.chance(30) ? 1 : 0 }
        try raw("fortune500") { rng.chance(15) ? 1 : 0 }
        try raw("listed") { rng.chance(20) ? 1 : 0 }
        try lists("certifications", PolicyFactCatalogue.certificationCodes, percent: 35)
        try money("revenue", maxYuan: 8_000_000_000)
        try money("tax", maxYuan: 300_000_000)
        try money("rd_spend", maxYuan: 120_000_000)
        try money("fixed_asset_investment", maxYuan: 500_000_000)
        try money("utilised_fdi_usd", maxYuan: 200_000_000)
        try raw("employees_avg") { Int64(rng.int(in: 1...3000)) * one }
        try raw("land_mu") { Int64(rng.int(in: 100...20_000)) * 10_000 }
        try codes("lease_state", ["active", "extended", "expiring", "terminated"])
        try codes("permu_grade", ["A", "B", "C", "D"])
        try raw("permu_d_years") { Int64(rng.int(in: 0...5)) * one }
        try raw("electricity_kwh") { Int64(rng.int(in: 0...50_000_000)) * one }
        return t
    }
}
