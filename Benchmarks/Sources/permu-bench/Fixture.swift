import Foundation
import ParkDomain

/// The synthetic year the per-mu benchmark measures: 1,000,000 enterprise-years drawn from a
/// seed (75 % above-size, 25 % below-size of which some hold under 3 mu, 3 % not producing,
/// 10 % without emissions figures, six clusters and some without one), figures scattered
/// around the Huangyan 2022 benchmarks and reported as such figures are (万元 to 0.01,
/// emissions to 0.001 t, whole kWh). Built straight into columns, outside the timed part.
enum PerMuFixture {
    static let rows = 1_000_000

    static func columns(rows: Int = rows, seed: UInt64 = 20_221_231) -> PerMuColumns {
        var rng = SeededGenerator(seed: seed)
        var c = PerMuColumns()
        c.reserve(rows)
        c.clusterNames = ["biomedicine", "nanotech", "ai", "electronics", "equipment", "semiconductors3g"]
        /// A factor between 0.10 and 4.00 around 1, skewed like firm performance.
        func factor() -> Double { Double(rng.int(in: 10...130) * rng.int(in: 10...300)) / 10_000 }
        /// `x` rounded to 0.01, as figures are reported (万元 with two decimals).
        func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        for _ in 0..<rows {
            let above = rng.chance(75)
            let land = above ? Double(rng.int(in: 300...20_000)) / 100 : Double(rng.int(in: 100...2_000)) / 100
            let producing = !rng.chance(3)
            let past = rng.chance(50)
            let cluster: Int32 = rng.chance(10) ? -1 : Int32(rng.below(6))
            let tax = cents(land * (above ? 24.097 : 11.5932) * factor())
            let va = cents(land * 136.16 * factor())
            let revenue = cents(va * Double(rng.int(in: 250...500)) / 100)
            let energy = cents(va / (2.694 * factor()))
            let emissions = rng.chance(10) ? Double.nan : Double(max(1, Int(va / (4929.81 * factor()) * 1_000))) / 1_000
            let employees = Double(max(1, Int(va / (18.14 * factor()))))
            let rd = cents(revenue * 0.0302 * factor())
            let kWh = (tax * 10_000 / (0.2352 * factor())).rounded()
            let id = UUID(uuid: uuidBytes(rng.next(), rng.next()))
            c.append(enterpriseId: id, aboveSize: above, cluster: cluster, producing: producing,
                     pastContractedProductionDate: past, landMu: land, tax: tax, valueAdded: above ? va : .nan,
                     revenue: revenue, rdSpend: above ? rd : .nan, energy: above ? energy : .nan,
                     emissions: above ? emissions : .nan, employees: above ? employees : .nan, electricityKWh: kWh)
        }
        return c
    }

    static func uuidBytes(_ a: UInt64, _ b: UInt64) -> uuid_t {
        func byte(_ x: UInt64, _ k: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: x >> (8 * k)) }
        return (byte(a, 0), byte(a, 1), byte(a, 2), byte(a, 3), byte(a, 4), byte(a, 5), byte(a, 6), byte(a, 7),
                byte(b, 0), byte(b, 1), byte(b, 2), byte(b, 3), byte(b, 4), byte(b, 5), byte(b, 6), byte(b, 7))
    }

    /// Writes the columns as raw little-endian arrays (NAME.f64, .u8, .i32) into `dir`, for
    /// `permu_numpy_baseline.py --data DIR` to time NumPy on the very same rows.
    static func dump(_ c: PerMuColumns, to dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let columns: [(String, any Sendable)] = [
            ("group.u8", c.group), ("cluster.i32", c.cluster), ("producing.u8", c.producing),
            ("past.u8", c.pastContractedProductionDate), ("land.f64", c.landMu), ("tax.f64", c.tax),
            ("va.f64", c.valueAdded), ("revenue.f64", c.revenue), ("rd.f64", c.rdSpend), ("energy.f64", c.energy),
            ("emissions.f64", c.emissions), ("employees.f64", c.employees), ("kwh.f64", c.electricityKWh),
        ]
        for (name, column) in columns {
            switch column {
            case let a as [UInt8]: try write(name, a, to: dir)
            case let a as [Int32]: try write(name, a, to: dir)
            case let a as [Double]: try write(name, a, to: dir)
            default: fatalError("unexpected column type for \(name)")
            }
        }
    }

    /// Writes a run's scores, grades and park ranks beside the rows, for the NumPy script's check.
    static func dump(_ r: PerMuBatchResult, to dir: String) throws {
        try write("scores.f64", r.scores, to: dir); try write("grades.u8", r.grades, to: dir)
        try write("ranks.i32", r.parkRanks, to: dir)
    }

    static func write<T>(_ name: String, _ a: [T], to dir: String) throws {
        let data = a.withUnsafeBytes { Data($0) }
        try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
}
