import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Adds each parcel's bounding box (min/max longitude and latitude) so a map asks the database
/// for the parcels in its viewport instead of reading every outline; backfilled from the stored
/// boundaries 500 rows at a time.
struct UpdateParcelsBoundingBox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        for c in ["min_lon", "min_lat", "max_lon", "max_lat"] {
            try await db.schema("parcels").field(.definition(name: .key(.string(c)), dataType: .double, constraints: [])).update()
        }
        try await SQLIndexes.create(on: db, table: "parcels", columns: ["min_lon", "min_lat"])
        var last: UUID?
        while true {
            var q = ParcelModel.query(on: db).sort(\.$id).limit(500)
            if let last { q = q.filter(\.$id > last) }
            let batch = try await q.all()
            guard let end = batch.last else { break }
            for m in batch {
                let p = m.toDomain()
                let box = GeoBox(p.boundary)
                m.minLon = box?.west; m.minLat = box?.south; m.maxLon = box?.east; m.maxLat = box?.north
                try await m.update(on: db)
            }
            last = end.id
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.drop(index: "parcels_min_lon_idx").ifExists().run()
            try await sql.drop(index: "parcels_min_lat_idx").ifExists().run()
        }
        for c in ["min_lon", "min_lat", "max_lon", "max_lat"] {
            try await db.schema("parcels").deleteField(.key(.string(c))).update()
        }
    }
}

/// What the land map reads: the park's extent, the parcels in a viewport with the state of their
/// current lease (the newest by auction date), clusters when a viewport holds too many to draw,
/// and the count of parcels by state; each one SQL statement over the bounding-box columns.
public struct ParcelMapQuery: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    /// A parcel as the map draws it.
    public struct MapParcel: Sendable, Equatable {
        public var id: UUID
        public var code: String
        public var subArea: String
        public var areaM2: Double
        public var boundary: [GeoPoint]
        public var state: LeaseState?
    }

    /// Parcels grouped in one cell of a grid laid over the viewport.
    public struct Cluster: Sendable, Equatable {
        public var count: Int
        /// The mean of the members' box centres.
        public var centre: GeoPoint
        /// The box around the members (a click zooms to it).
        public var box: GeoBox
        /// The members by the state of their current lease (nil: never leased).
        public var states: [LeaseState?: Int]

        public init(count: Int, centre: GeoPoint, box: GeoBox, states: [LeaseState?: Int] = [:]) {
            self.count = count; self.centre = centre; self.box = box; self.states = states
        }

        /// The state most members are in (ties to the later state in the lease's life), the
        /// cluster's colour on the map.
        public var dominant: LeaseState? {
            let order = [nil] + LeaseState.allCases.map { Optional($0) }
            return order.max { (states[$0] ?? 0, order.firstIndex(of: $0)!) < (states[$1] ?? 0, order.firstIndex(of: $1)!) } ?? nil
        }
    }

    var sql: (any SQLDatabase)? { db as? any SQLDatabase }

    /// The box around every parcel (nil in a park without parcels).
    public func extent() async throws -> GeoBox? {
        guard let sql, let r = try await sql.raw("""
            SELECT MIN(min_lon) AS w, MIN(min_lat) AS s, MAX(max_lon) AS e, MAX(max_lat) AS n FROM parcels
            """).first(),
              let w = try r.decode(column: "w", as: Double?.self), let s = try r.decode(column: "s", as: Double?.self),
              let e = try r.decode(column: "e", as: Double?.self), let n = try r.decode(column: "n", as: Double?.self) else { return nil }
        return GeoBox(west: w, south: s, east: e, north: n)
    }

    func inBox(_ b: GeoBox) -> SQLQueryString {
        "max_lon >= \(bind: b.west) AND min_lon <= \(bind: b.east) AND max_lat >= \(bind: b.south) AND min_lat <= \(bind: b.north)"
    }

    /// How many parcels touch `box`.
    public func count(in box: GeoBox) async throws -> Int {
        guard let sql else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM parcels WHERE \(inBox(box))").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The parcels touching `box` (at most `limit`, by code), each with its current lease's state.
    public func parcels(in box: GeoBox, limit: Int) async throws -> [MapParcel] {
        guard let sql else { return [] }
        let rows = try await sql.raw("""
            SELECT p.id, p.code, p.sub_area, p.computed_area_m2, p.boundary,
              (SELECT l.state FROM leases l WHERE l.parcel_id = p.id ORDER BY l.auction_date DESC LIMIT 1) AS state
            FROM parcels p WHERE \(inBox(box)) ORDER BY p.code LIMIT \(bind: max(0, limit))
            """).all()
        return try rows.map { r in
            let ring = (try? JSONDecoder().decode([[Double]].self, from: Data(try r.decode(column: "boundary", as: String.self).utf8))) ?? []
            return MapParcel(id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                             subArea: try r.decode(column: "sub_area", as: String.self),
                             areaM2: try r.decode(column: "computed_area_m2", as: Double.self),
                             boundary: ring.compactMap { $0.count >= 2 ? GeoPoint(longitude: $0[0], latitude: $0[1]) : nil },
                             state: try r.decode(column: "state", as: String?.self).flatMap(LeaseState.init(rawValue:)))
        }
    }

    /// The parcels touching `box` counted on a `columns` × `rows` grid (by their box's south-west
    /// corner), one cluster per cell that holds any, with its members by lease state: one
    /// statement grouped by cell and state (at most cells × states rows), folded per cell here.
    public func clusters(in box: GeoBox, columns: Int, rows: Int) async throws -> [Cluster] {
        guard let sql, columns > 0, rows > 0 else { return [] }
        let cw = box.width / Double(columns), ch = box.height / Double(rows)
        // the cell: FLOOR on PostgreSQL (whose CAST rounds); SQLite's CAST truncates, the same for
        // the boxes' corners inside the viewport (a parcel reaching in from the west or south joins the first cell)
        let floor = sql.dialect.name == "postgresql" ? "FLOOR" : ""
        let result = try await sql.raw("""
            SELECT gx, gy, state, COUNT(*) AS n, SUM(mx) AS sx, SUM(my) AS sy,
                   MIN(min_lon) AS w, MIN(min_lat) AS s, MAX(max_lon) AS e, MAX(max_lat) AS nn
            FROM (SELECT CAST(\(unsafeRaw: floor)((p.min_lon - \(bind: box.west)) / \(bind: cw)) AS INTEGER) AS gx,
                         CAST(\(unsafeRaw: floor)((p.min_lat - \(bind: box.south)) / \(bind: ch)) AS INTEGER) AS gy,
                         (SELECT l.state FROM leases l WHERE l.parcel_id = p.id ORDER BY l.auction_date DESC LIMIT 1) AS state,
                         (p.min_lon + p.max_lon) / 2 AS mx, (p.min_lat + p.max_lat) / 2 AS my,
                         p.min_lon, p.min_lat, p.max_lon, p.max_lat
                  FROM parcels p WHERE \(inBox(box))) cells
            GROUP BY gx, gy, state ORDER BY gy, gx
            """).all()
        struct Key: Hashable { var x: Int, y: Int }
        var order: [Key] = []
        var sums: [Key: (n: Int, sx: Double, sy: Double, box: GeoBox, states: [LeaseState?: Int])] = [:]
        for r in result {
            let key = Key(x: try r.decode(column: "gx", as: Int.self), y: try r.decode(column: "gy", as: Int.self))
            let n = try r.decode(column: "n", as: Int.self)
            let b = GeoBox(west: try r.decode(column: "w", as: Double.self), south: try r.decode(column: "s", as: Double.self),
                           east: try r.decode(column: "e", as: Double.self), north: try r.decode(column: "nn", as: Double.self))
            let state = try r.decode(column: "state", as: String?.self).flatMap(LeaseState.init(rawValue:))
            let sx = try r.decode(column: "sx", as: Double.self), sy = try r.decode(column: "sy", as: Double.self)
            if var c = sums[key] {
                c.n += n; c.sx += sx; c.sy += sy; c.states[state, default: 0] += n
                c.box = GeoBox(west: min(c.box.west, b.west), south: min(c.box.south, b.south), east: max(c.box.east, b.east), north: max(c.box.north, b.north))
                sums[key] = c
            } else {
                order.append(key)
                sums[key] = (n, sx, sy, b, [state: n])
            }
        }
        return order.compactMap { key in
            guard let c = sums[key], c.n > 0 else { return nil }
            return Cluster(count: c.n, centre: GeoPoint(longitude: c.sx / Double(c.n), latitude: c.sy / Double(c.n)), box: c.box, states: c.states)
        }
    }

    /// Parcels by the state of their current lease (nil: never sold), one GROUP BY.
    public func stateCounts() async throws -> [LeaseState?: Int] {
        guard let sql else { return [:] }
        let rows = try await sql.raw("""
            SELECT s.state AS state, COUNT(*) AS n FROM (
              SELECT (SELECT l.state FROM leases l WHERE l.parcel_id = p.id ORDER BY l.auction_date DESC LIMIT 1) AS state FROM parcels p
            ) s GROUP BY s.state
            """).all()
        var out: [LeaseState?: Int] = [:]
        for r in rows {
            out[try r.decode(column: "state", as: String?.self).flatMap(LeaseState.init(rawValue:)), default: 0] += try r.decode(column: "n", as: Int.self)
        }
        return out
    }
}
