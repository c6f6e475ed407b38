import FluentKit
import Foundation
import LeaseBenchFixture
import ParkDomain
import BenchSupport
import SQLKit

/// The benchmark park written to the database: LeaseBenchFixture's leases as rows of
/// `enterprises`, `parcels`, `leases` and `performance_reports`. It is benchmark data, so it is
/// written with plain multi-row INSERTs (SQLKit, one transaction per chunk) and bypasses the
/// repositories and their audit trail.
///
/// Ids are deterministic: `BenchData.id(tag, n)` carries the row's number in its last four bytes
/// behind eight hashed bytes, so ids sort in a random order (like UUIDv4) yet map back to the
/// fixture. Reports are written year by year over the whole park, as yearly reporting would
/// fill the table, and one (lease, year) in a hundred gets a corrected version 2 whose version 1
/// holds wrong (zero) figures, so the loader's newest-version rule is exercised.
enum BenchData {
    static let enterpriseCount = 5_000
    static let chunk = 1_000

    enum Tag: UInt8 { case enterprise = 1, parcel, lease, report, oldReport }

    static func id(_ tag: Tag, _ n: Int) -> UUID {
        var x = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(tag.rawValue) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9; x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB; x ^= x >> 31
        let h = withUnsafeBytes(of: x.bigEndian) { Array($0) }
        let v = UInt32(truncatingIfNeeded: n)
        return UUID(uuid: (h[0], h[1], h[2], h[3], h[4], h[5], 0x40 | (h[6] & 0x0F), h[7],
                           0x80 | (tag.rawValue & 0x3F), 0xBE, 0x9C, 0x11,
                           UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)))
    }

    /// The fixture lease number behind a lease id made by `id(.lease, n)`.
    static func leaseNumber(_ id: UUID) -> Int? {
        let u = id.uuid
        guard u.8 == 0x80 | Tag.lease.rawValue, u.9 == 0xBE, u.10 == 0x9C, u.11 == 0x11 else { return nil }
        return Int(u.12) << 24 | Int(u.13) << 16 | Int(u.14) << 8 | Int(u.15)
    }

    /// Whether (lease, year) gets a corrected second version.
    static func corrected(_ lease: Int, _ year: Int32) -> Bool { (lease &* 31 &+ Int(year)) % 100 == 7 }

    // MARK: From the fixture's columns back to domain values

    static let kinds = Dictionary(uniqueKeysWithValues: CommitmentKind.allCases.map { (AssessmentColumns.code($0), $0) })
    static let directions = Dictionary(uniqueKeysWithValues: CommitmentDirection.allCases.map { (AssessmentColumns.code($0), $0) })
    static let measures = Dictionary(uniqueKeysWithValues: CommitmentMeasure.allCases.map { (AssessmentColumns.code($0), $0) })

    static func commitments(_ c: AssessmentColumns, lease l: Int) -> [Commitment] {
        let s = Int(c.commitmentStart[l])
        return (s..<s + Int(c.commitmentCount[l])).map { k in
            Commitment(kind: kinds[c.kind[k]]!, target: c.target[k],
                       targetDate: c.targetDay[k] == Int32.min ? nil : LocalDate(dayNumber: Int(c.targetDay[k])),
                       direction: directions[c.direction[k]]!, measure: measures[c.measure[k]]!, years: Int(c.years[k]),
                       mandatory: c.mandatory[k] != 0, weight: c.weight[k])
        }
    }

    /// The `leases.commitments` text, as `LandJSON.encode` writes it (sorted keys).
    static func json(_ commitments: [Commitment]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return String(decoding: try! enc.encode(commitments), as: UTF8.self)
    }

    // MARK: Writing

    static func write(_ db: any Database, _ c: AssessmentColumns, progress: (String) -> Void) async throws {
        let n = c.leaseCount
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let ms = { (i: Int) -> Int64 in now + Int64(i) }
        try await BenchInsert.insert(db, "enterprises", ["id", "credit_code", "name_zh", "name_en", "industry_code", "clusters", "ownership",
                                             "origin_country", "regional_hq", "rd_centre", "above_designated_size", "address",
                                             "updated_at_ms"], count: min(enterpriseCount, n)) { e in
            [id(.enterprise, e), String(format: "91BENCH%011ld", e), "基准企业\(e)", "Bench Enterprise \(e)", "C39",
             ";nanotech;", "private", "CN", false, false, true, "Bench Road \(e)", ms(e)]
        }
        progress("enterprises")
        try await BenchInsert.insert(db, "parcels", ["id", "code", "sub_area", "land_use", "declared_area_m2", "computed_area_m2", "boundary"],
                         count: n) { p in
            let m2 = AreaUnit.squareMetres(fromMu: c.areaMu[p])
            return [id(.parcel, p), String(format: "BENCH-%06d", p), "Bench", "industrial", m2, m2, "[]"]
        }
        progress("parcels")
        let contract = GrantContract(signedOn: LocalDate(year: 2014, month: 2, day: 1)!, startDate: LocalDate(year: 2014, month: 3, day: 1)!,
                                     priceYuan: 0)
        try await BenchInsert.insert(db, "leases", ["id", "parcel_id", "enterprise_id", "state", "auction_date", "reserve_price_yuan",
                                        "winning_bid_yuan", "deposit_yuan", "confirmed_on", "contract_signed_on", "contract_start",
                                        "first_term_years", "max_total_years", "price_yuan", "first_term_end", "extension_years",
                                        "commitments", "updated_at_ms"], count: n) { l in
            let price = Int64(c.areaMu[l] * 200_000)
            return [id(.lease, l), id(.parcel, l), id(.enterprise, l % min(enterpriseCount, n)), LeaseState.contracted.rawValue,
                    "2014-01-15", price * 9 / 10, price, price / 5, "2014-01-20", contract.signedOn.iso, contract.startDate.iso,
                    Int(c.firstTermYears[l]), Int(c.maxTotalYears[l]), price, contract.firstTermEnd.iso, 0,
                    json(commitments(c, lease: l)), ms(l)]
        }
        progress("leases")
        // Year by year over the park: (lease, row) pairs, plus the wrong first versions of corrections.
        var rows: [(lease: Int, row: Int, version: Int)] = []
        let years = Set(c.year).sorted()
        for y in years {
            for l in 0..<n {
                let s = Int(c.reportStart[l])
                for r in s..<s + Int(c.reportCount[l]) where c.year[r] == y {
                    if corrected(l, y) { rows.append((l, r, 1)); rows.append((l, r, 2)) } else { rows.append((l, r, 1)) }
                }
            }
        }
        try await BenchInsert.insert(db, "performance_reports",
                         ["id", "lease_id", "year", "version", "investment_to_date_yuan", "production_start_date", "tax_paid_yuan",
                          "revenue_yuan", "value_added_yuan", "rd_spend_yuan", "energy_tonnes_coal", "electricity_kwh", "emissions_tonnes",
                          "average_employees", "custom", "source", "verification", "reason", "created_by", "created_at_ms"],
                         count: rows.count, perStatement: 1_000, perTransaction: 20_000) { i in
            let (l, r, version) = rows[i]
            let wrong = corrected(l, c.year[r]) && version == 1
            let z = { (x: Double) -> Int64 in wrong ? 0 : Int64(x) }
            let start: String? = wrong || c.productionStartDay[r] == Int32.min
                ? nil : LocalDate(dayNumber: Int(c.productionStartDay[r])).iso
            return [id(wrong ? .oldReport : .report, r), id(.lease, l), Int(c.year[r]), version, z(c.investmentToDate[r]), start,
                    z(c.tax[r]), z(c.revenue[r]), z(c.valueAdded[r]), z(c.rdSpend[r]), wrong ? 0 : c.energy[r],
                    wrong ? 0 : (c.energy[r] * 8_130).rounded(),
                    wrong ? 0 : c.emissions[r], Int(wrong ? 0 : c.employees[r]), "", "self_reported", "unverified",
                    wrong ? "" : version == 2 ? "bench correction" : "", "lease-db-bench", ms(i)]
        }
        progress("performance_reports (\(rows.count) rows)")
    }
}
