import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The demo park's supplied policy facts, so the built-in policies have someone to match:
/// certifications (high-tech for about a third of above-size firms and a tenth of the others;
/// 专精特新 and its "little giant" tier for some of those), a headquarters tier for every
/// regional headquarters, and for the latest data year newly utilised foreign investment (US$)
/// of about one foreign-invested firm in sixteen and fixed-asset investment of a fifth of all firms.
/// Bulk-loaded as seed data, like the reports (no audit entry per value).
struct DemoPolicySeeder: Sendable {
    let db: any Database
    let clock: ParkClock

    func seed(seed: UInt64, enterprises: [Enterprise], progress: (@Sendable (String) -> Void)?) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var rng = SeededGenerator(seed: seed ^ 0x5EED_9011C1E5)
        let dataYear = LocalDate(clock.now()).year - 1, now = clock.millis
        var rows: [(UUID, String, Int, String)] = []
        for e in enterprises {
            guard let id = e.id else { continue }
            var certs: [String] = []
            if rng.chance(e.aboveDesignatedSize ? 35 : 10) { certs.append("high_tech") }
            if rng.chance(12) { certs.append("srdi"); if rng.chance(25) { certs.append("srdi_little_giant") } }
            if rng.chance(8) { certs.append("tech_sme") }
            if !certs.isEmpty { rows.append((id, "certifications", 0, certs.joined(separator: ";"))) }
            if e.regionalHeadquarters { rows.append((id, "hq_tier", 0, rng.pick(["global", "asia_pacific", "china", "regional", "regional"]))) }
            // New utilised FDI in the year for about one foreign-invested firm in sixteen, most of
            // it small (the smaller of two draws of US$1–40 M): about US$2.5 bn for a park of
            // 5,000, SIP's order of magnitude, and entitlements near the FDI award's budget.
            if e.ownership != .domestic && rng.chance(6) {
                rows.append((id, "utilised_fdi_usd", dataYear, "\(min(rng.int(in: 10...400), rng.int(in: 10...400)) * 100_000).00"))
            }
            if rng.chance(20) { rows.append((id, "fixed_asset_investment", dataYear, "\(rng.int(in: 10...2_000) * 100_000).00")) }
        }
        // The showcase firm (firm-a, enterprise 0) shows every kind of answer: US$25 M of new
        // foreign investment (entitled to the FDI award), no certifications on record (the R&D
        // subsidy and the SRDI award undetermined until it supplies them), and not entitled to
        // the rest. Its draws above are kept, so the other firms do not change.
        if let showcase = enterprises.first?.id {
            rows.removeAll { $0.0 == showcase && ($0.1 == "certifications" || $0.1 == "utilised_fdi_usd") }
            rows.append((showcase, "utilised_fdi_usd", dataYear, "25000000.00"))
        }
        for from in stride(from: 0, to: rows.count, by: 500) {
            let insert = sql.insert(into: "enterprise_facts").columns("enterprise_id", "fact", "year", "value", "updated_by", "updated_at_ms")
            for r in rows[from..<min(from + 500, rows.count)] { _ = insert.values([r.0, r.1, r.2, r.3, "demo", now] as [any Encodable & Sendable]) }
            try await insert.run()
        }
        progress?("supplied \(rows.count) policy facts (certifications, headquarters tiers, \(dataYear) investment)")
    }
}
