import FluentKit
import FluentSQLiteDriver
import Foundation
import ParkDomain
import SQLKit

/// Writes a matching run's answers (`policy_results`: the eligible and undetermined, one row
/// each) and grant proposals (`policy_grants`) in bulk, as `PerMuResultWriter` writes per-mu
/// results: on SQLite multi-row INSERTs bound as `SQLiteData` on the transaction's connection,
/// on PostgreSQL one `INSERT … SELECT FROM UNNEST(arrays)` per table (a missing amount travels
/// as `Int64.min` and becomes NULL). Rows go in primary-key order (policy id, then enterprise id,
/// whose upper-case text SQLite compares and whose bytes PostgreSQL compares, in the same order),
/// so the index grows at its end. SQLKit's row encoder and Fluent's per-row `create` would spend
/// seconds on a park of 100,000.
enum PolicyResultWriter {
    /// One column of rows to insert.
    enum Column {
        case uuid([UUID])
        case text([String])
        case int([Int64])
        /// nil is NULL.
        case optionalInt([Int64?])
    }

    /// Rows of `table`: `constants` (the same value in every row, such as the run id) then `columns`.
    static func insert(_ db: any Database, into table: String, constants: [(name: String, value: UUID)],
                       columns: [(name: String, values: Column)], count: Int) async throws {
        guard count > 0 else { return }
        let names = (constants.map(\.name) + columns.map(\.name)).joined(separator: ", ")
        if let sqlite = db as? any SQLiteDatabase {
            let width = constants.count + columns.count, perStatement = 30_000 / width
            let fixed = constants.map { SQLiteData.text(text($0.value)) }
            let placeholder = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
            for from in stride(from: 0, to: count, by: perStatement) {
                let to = min(from + perStatement, count)
                var binds: [SQLiteData] = []
                binds.reserveCapacity((to - from) * width)
                for i in from..<to {
                    binds.append(contentsOf: fixed)
                    for (_, c) in columns {
                        switch c {
                        case .uuid(let v): binds.append(.text(text(v[i])))
                        case .text(let v): binds.append(.text(v[i]))
                        case .int(let v): binds.append(.integer(Int(v[i])))
                        case .optionalInt(let v): binds.append(v[i].map { .integer(Int($0)) } ?? .null)
                        }
                    }
                }
                let statement = "INSERT INTO \(table) (\(names)) VALUES " + Array(repeating: placeholder, count: to - from).joined(separator: ", ")
                _ = try await sqlite.query(statement, binds)
            }
        } else if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            var q = SQLQueryString("INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT ")
            var select: [String] = [], from: [String] = []
            for (k, (_, c)) in columns.enumerated() {
                if case .optionalInt = c { select.append("NULLIF(c\(k), \(Int64.min))") } else { select.append("c\(k)") }
                from.append("c\(k)")
            }
            for (k, (_, value)) in constants.enumerated() {
                q.appendInterpolation(bind: value)
                q.appendInterpolation(unsafeRaw: k + 1 < constants.count || !select.isEmpty ? ", " : "")
            }
            q.appendInterpolation(unsafeRaw: select.joined(separator: ", ") + " FROM UNNEST(")
            for (k, (_, c)) in columns.enumerated() {
                if k > 0 { q.appendInterpolation(unsafeRaw: ", ") }
                switch c {
                case .uuid(let v): q.appendInterpolation(bind: v)
                case .text(let v): q.appendInterpolation(bind: v)
                case .int(let v): q.appendInterpolation(bind: v)
                case .optionalInt(let v): q.appendInterpolation(bind: v.map { $0 ?? Int64.min })
                }
            }
            q.appendInterpolation(unsafeRaw: ") AS u(" + from.joined(separator: ", ") + ")")
            try await sql.raw(q).run()
        } else {
            throw DomainError(.unsupported, code: "unsupported_database", en: "policy runs need SQLite or PostgreSQL",
                              zh: "政策匹配仅支持 SQLite 或 PostgreSQL")
        }
    }

    /// Runs `body` (the run's inserts) with the SQLite connection's page cache raised to 256 MiB
    /// at most, then back to what it was: with SQLite's default 2 MiB, the pages of 100,000s of
    /// new rows and their indexes are spilled to the WAL and read back again before the commit
    /// (about 0.5 s on 179,000 answers). Pages are allocated only as they are used. PostgreSQL:
    /// `body` as it is.
    static func withWriteCache<T>(_ db: any Database, _ body: () async throws -> T) async throws -> T {
        guard db is any SQLiteDatabase, let sql = db as? any SQLDatabase else { return try await body() }
        let before = try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self) ?? -2000
        try await sql.raw("PRAGMA cache_size = -262144").run()
        do {
            let out = try await body()
            try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(before))").run()
            return out
        } catch {
            try? await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(before))").run()
            throw error
        }
    }

    /// `id.uuidString` (upper-case hex with dashes, as Fluent stores ids in SQLite) without
    /// Foundation's `snprintf` (a microsecond an id on Linux).
    static func text(_ id: UUID) -> String {
        withUnsafeBytes(of: id.uuid) { b in
            String(unsafeUninitializedCapacity: 36) { out in
                let hex: StaticString = "0123456789ABCDEF"
                var o = 0
                for k in 0..<16 {
                    if k == 4 || k == 6 || k == 8 || k == 10 { out[o] = 0x2D; o += 1 }
                    hex.withUTF8Buffer { h in out[o] = h[Int(b[k] >> 4)]; out[o + 1] = h[Int(b[k] & 0x0F)] }
                    o += 2
                }
                return 36
            }
        }
    }

    /// Row order for storage: enterprises by id bytes (= upper-case id text) order.
    static func keyOrder(_ ids: [UUID]) -> [Int] {
        let keys = ids.map { id in
            withUnsafeBytes(of: id.uuid) { (UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                                            UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))) }
        }
        return ids.indices.sorted { keys[$0] < keys[$1] }
    }

    /// `count` new ids in increasing order (UUID version 7: milliseconds since 1970, then a
    /// sequence number, then random bits), so a table keyed by them grows at its end.
    static func orderedIDs(_ count: Int) -> [UUID] {
        let ms = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SystemRandomNumberGenerator()
        let salt = rng.next() as UInt64
        return (0..<count).map { k in
            let seq = UInt64(k)
            // 48 bits of time, version 7, 12 + 30 bits of sequence around the variant bits, 32 random bits.
            let hi = ms << 16 | 0x7000 | (seq >> 30 & 0x0FFF)
            let lo = 0x8000_0000_0000_0000 | (seq & 0x3FFF_FFFF) << 32 | (salt & 0xFFFF_FFFF)
            let h = withUnsafeBytes(of: hi.bigEndian) { Array($0) }, l = withUnsafeBytes(of: lo.bigEndian) { Array($0) }
            return UUID(uuid: (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7]))
        }
    }

    /// The answers of `results` (one policy) that are stored: eligible and undetermined, in key order.
    static func answers(_ policy: Policy, _ r: PolicyResults, ids: [UUID], order: [Int])
        -> (enterprise: [UUID], status: [String], amount: [Int64?], missing: [String]) {
        var enterprise: [UUID] = [], status: [String] = [], amount: [Int64?] = [], missing: [String] = []
        var names: [UInt64: String] = [:]
        for i in order where r.status[i] != PolicyStatus.notEligible.rawValue {
            let eligible = r.status[i] == PolicyStatus.eligible.rawValue
            enterprise.append(ids[i])
            status.append(PolicyRunRepository.statusCode(eligible ? .eligible : .undetermined))
            amount.append(eligible && r.missing[i] == 0 ? r.amountFen[i] : nil)
            let bits = r.missing[i]
            if let text = names[bits] { missing.append(text) } else {
                let text = policy.factNames(bits).joined(separator: ";")
                names[bits] = text; missing.append(text)
            }
        }
        return (enterprise, status, amount, missing)
    }
}
