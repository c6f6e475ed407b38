import FluentPostgresDriver
import Foundation
import NIOCore
import ParkDomain

extension LandColumnsRows {
    /// PostgreSQL: PostgresNIO rows, on the connection's event loop as they arrive. Cells are
    /// read from their binary bytes by type (`PGCells`): PostgresNIO's generic
    /// `row.decode((…).self)` costs about 2 µs a row in metadata lookups and reference counting.
    /// The report query is the packed form (`LandColumnsLoader.packedReportColumns`).
    static func postgres(_ db: any PostgresDatabase, _ leaseSQL: String, _ reportSQL: String, logger: Logger) async throws
        -> (LeaseRows, ReportRows) {
        let leases = LeaseRows()
        let reports = try await db.withConnection { (conn: PostgresConnection) -> EventLoopFuture<ReportRows> in
            conn.query(PostgresQuery(unsafeSQL: leaseSQL), logger: logger) { row in
                var c = PGCells(row)
                let id = c.key(), ft = c.int(), mt = c.int(), area = c.double()
                guard let json = c.next()?.bytes else { throw PGCells.Unexpected(column: "commitments") }
                leases.add(id, firstTerm: ft, maxTotal: mt, areaM2: area ?? 0, commitments: .bytes(json))
            }.flatMap { _ in
                leases.startScanning()
                let reports = ReportRows(leases, capacity: ReportRows.capacity(leases: leases.count))
                return conn.query(PostgresQuery(unsafeSQL: reportSQL), logger: logger) { row in
                    var c = PGCells(row)
                    guard let packed = c.next()?.bytes, packed.readableBytes == 96 else {
                        throw PGCells.Unexpected(column: "packed report")
                    }
                    let ps = c.day()
                    packed.withUnsafeReadableBytes { p in
                        @inline(__always) func int(_ o: Int) -> Int64 { Int64(bigEndian: p.loadUnaligned(fromByteOffset: o, as: Int64.self)) }
                        @inline(__always) func dbl(_ o: Int) -> Double {
                            Double(bitPattern: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: o, as: UInt64.self)))
                        }
                        reports.add(LeaseKey(bytes: UnsafeRawBufferPointer(rebasing: p[0..<16])), year: Int(int(16)), version: Int(int(24)),
                                    investment: Double(int(32)), tax: Double(int(40)), revenue: Double(int(48)),
                                    valueAdded: Double(int(56)), rd: Double(int(64)), energy: dbl(72), emissions: dbl(80),
                                    employees: Double(int(88)), productionStartDay: ps)
                    }
                }.map { _ in reports }
            }
        }.get()
        return (leases, reports)
    }
}

/// The cells of one PostgreSQL row in order, read straight from their bytes for the types the
/// land tables use (binary int2/4/8, float4/8, uuid; text), through PostgresNIO's decoding for
/// anything else.
struct PGCells {
    struct Unexpected: Error, CustomStringConvertible {
        let column: String
        var description: String { "LandColumnsLoader: unexpected value in column \(column)" }
    }

    var iterator: PostgresRow.Iterator

    init(_ row: PostgresRow) { iterator = row.makeIterator() }

    @inline(__always)
    mutating func next() -> PostgresCell? { iterator.next() }

    @inline(__always)
    mutating func key() -> LeaseKey? {
        guard let cell = next(), let b = cell.bytes else { return nil }
        if cell.format == .binary && cell.dataType == .uuid { return b.withUnsafeReadableBytes { LeaseKey(bytes: $0) } }
        return (try? cell.decode(UUID.self)).map(LeaseKey.init)
    }

    @inline(__always)
    mutating func int() -> Int? {
        guard let cell = next(), var b = cell.bytes else { return nil }
        if cell.format == .binary {
            switch cell.dataType {
            case .int8: return b.readInteger(as: Int64.self).map { Int($0) }
            case .int4: return b.readInteger(as: Int32.self).map { Int($0) }
            case .int2: return b.readInteger(as: Int16.self).map { Int($0) }
            default: break
            }
        }
        return try? cell.decode(Int.self)
    }

    @inline(__always)
    mutating func double() -> Double? {
        guard let cell = next(), var b = cell.bytes else { return nil }
        if cell.format == .binary {
            switch cell.dataType {
            case .float8: return b.readInteger(as: UInt64.self).map { Double(bitPattern: $0) }
            case .float4: return b.readInteger(as: UInt32.self).map { Double(Float(bitPattern: $0)) }
            case .int8: return b.readInteger(as: Int64.self).map { Double($0) }
            case .int4: return b.readInteger(as: Int32.self).map { Double($0) }
            case .int2: return b.readInteger(as: Int16.self).map { Double($0) }
            default: break
            }
        }
        return try? cell.decode(Double.self)
    }

    /// A `YYYY-MM-DD` text cell as a day number, `Int32.min` when NULL or not a date.
    @inline(__always)
    mutating func day() -> Int32 {
        guard let cell = next(), let b = cell.bytes else { return Int32.min }
        if let d = b.withUnsafeReadableBytes({ CommitmentColumnsJSON.dayNumber($0, 0, $0.count) }) { return d }
        var text = String(buffer: b)
        return LandColumnsRows.day(&text)
    }
}
