import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension EnterpriseRepository {
    /// The register's headline counts and breakdowns (park overview): the stored row
    /// (`register_stats`) while no enterprise has changed since it was computed, otherwise
    /// computed again and stored. Computing and storing happen inside the write gate, so no
    /// audited write to the register can land between the two and leave a stale row behind (a
    /// trigger deletes the row on every change to `enterprises`).
    public func stats() async throws -> ParkStats {
        guard let sql = db as? any SQLDatabase else { return ParkStats([]) }
        if let row = try await sql.raw("SELECT body FROM register_stats WHERE id = 1").first(),
           let stored = try? JSONDecoder().decode(ParkStats.self, from: Data(try row.decode(column: "body", as: String.self).utf8)) {
            return stored
        }
        let now = clock.millis
        return try await WriteGate.write(db) { tx in
            guard let sql = tx as? any SQLDatabase else { return ParkStats([]) }
            let s = try await Self.computeStats(sql)
            let body = String(decoding: try JSONEncoder().encode(s), as: UTF8.self)
            try await sql.raw("""
                INSERT INTO register_stats (id, computed_at_millis, body) VALUES (1, \(bind: now), \(bind: body))
                ON CONFLICT (id) DO UPDATE SET computed_at_millis = excluded.computed_at_millis, body = excluded.body
                """).run()
            return s
        }
    }

    /// The counts by SQL aggregates: four statements whatever the size of the park, none
    /// reading a row per enterprise (they scan the narrow `enterprises_stats_idx`).
    static func computeStats(_ sql: any SQLDatabase) async throws -> ParkStats {
        var s = ParkStats([])
        if let r = try await sql.raw("""
            SELECT COUNT(*) AS n,
                   COALESCE(SUM(CASE WHEN ownership <> 'domestic' THEN 1 ELSE 0 END), 0) AS foreign_invested,
                   COALESCE(SUM(CASE WHEN fortune500_parent IS NOT NULL THEN 1 ELSE 0 END), 0) AS fortune500,
                   COALESCE(SUM(CASE WHEN rd_centre THEN 1 ELSE 0 END), 0) AS rd,
                   COALESCE(SUM(CASE WHEN regional_hq THEN 1 ELSE 0 END), 0) AS hq,
                   COALESCE(SUM(CASE WHEN above_designated_size THEN 1 ELSE 0 END), 0) AS above
            FROM enterprises
            """).first() {
            s.total = try r.decode(column: "n", as: Int.self)
            s.foreignInvested = try r.decode(column: "foreign_invested", as: Int.self)
            s.fortune500 = try r.decode(column: "fortune500", as: Int.self)
            s.rdCentres = try r.decode(column: "rd", as: Int.self)
            s.regionalHQs = try r.decode(column: "hq", as: Int.self)
            s.aboveSize = try r.decode(column: "above", as: Int.self)
        }
        // Clusters are stored as ";a;b;": one group per combination (a handful), split here.
        for r in try await sql.raw("SELECT clusters, COUNT(*) AS n FROM enterprises GROUP BY clusters").all() {
            let n = try r.decode(column: "n", as: Int.self)
            let list = try r.decode(column: "clusters", as: String.self).split(separator: ";").map(String.init)
            if list.isEmpty { s.withoutCluster += n }
            for c in list { s.byCluster[c, default: 0] += n }
        }
        for r in try await sql.raw("SELECT ownership, COUNT(*) AS n FROM enterprises GROUP BY ownership").all() {
            guard let o = Ownership(rawValue: try r.decode(column: "ownership", as: String.self)) else { continue }
            s.byOwnership[o, default: 0] += try r.decode(column: "n", as: Int.self)
        }
        for r in try await sql.raw("SELECT origin_country, COUNT(*) AS n FROM enterprises WHERE origin_country <> 'CN' GROUP BY origin_country").all() {
            s.byCountry[try r.decode(column: "origin_country", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return s
    }
}
