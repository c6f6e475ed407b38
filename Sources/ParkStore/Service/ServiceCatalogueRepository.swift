import FluentKit
import Foundation
import ParkDomain

/// The service catalogue as data: list, and import from CSV (all rows or none, every row's
/// error named by row and column), audited per category.
public struct ServiceCatalogueRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func list() async throws -> [ServiceCategory] { try await ServiceRepository(db: db, clock: clock).categories() }

    /// The catalogue as CSV (`ServiceCatalogue.columns`).
    public func csv() async throws -> String {
        var out = CSVWriter.line(ServiceCatalogue.columns) + "\n"
        for c in try await list() {
            out += CSVWriter.line([c.code, c.name.zh, c.name.en, c.leadDepartment, String(c.acceptDays), String(c.firstReplyDays),
                                   String(c.resolveDays), String(c.maxResolveDays), String(c.returnDays), String(c.warnPercent),
                                   String(c.leaderPercent), c.active ? "true" : "false"], formulaGuard: true) + "\n"
        }
        return out
    }

    public struct ImportResult: Sendable { public var rows: Int; public var errors: [RowError] }

    /// Reads categories from CSV; adds new codes and replaces existing ones. Nothing is written
    /// unless every row is valid (or when `dryRun`).
    public func importCSV(_ data: Data, dryRun: Bool, by p: Principal) async throws -> ImportResult {
        try p.requireAdmin()
        let required = ["code", "name_zh", "name_en", "lead_department"]
        let (table, index): (CSVTable, [String: Int])
        switch CSVTable.importTable(data, known: ServiceCatalogue.columns, required: required) {
        case .failure(let refusal): return ImportResult(rows: 0, errors: refusal.errors)
        case .success(let ok): (table, index) = ok
        }
        let departments = Set(try await ReferenceRepository(db: db).departments().map(\.code))
        var errors: [RowError] = [], categories: [ServiceCategory] = [], seen = Set<String>()
        for row in table.rows {
            func cell(_ c: String) -> String? {
                index[c].flatMap { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : nil }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func int(_ c: String, _ d: Int) -> Int? {
                guard let v = cell(c) else { return d }
                guard let n = Int(v) else {
                    errors.append(RowError(row: row.line, column: c, code: "not_a_number",
                                           message: Bilingual(zh: "“\(v)”不是整数", en: "'\(v)' is not a whole number")))
                    return nil
                }
                return n
            }
            let code = cell("code") ?? ""
            var activeValue = true
            if let a = cell("active") {
                switch a.lowercased() {
                case "true", "1", "yes", "是": activeValue = true
                case "false", "0", "no", "否": activeValue = false
                default:
                    errors.append(RowError(row: row.line, column: "active", code: "invalid_value",
                                           message: Bilingual(zh: "active 须为 true 或 false", en: "active must be true or false")))
                }
            }
            guard let accept = int("accept_days", 1), let first = int("first_reply_days", 3), let resolve = int("resolve_days", 15),
                  let maxDays = int("max_resolve_days", 30), let ret = int("return_days", 2), let warn = int("warn_percent", 80),
                  let leader = int("leader_percent", 150) else { continue }
            let c = ServiceCategory(code: code, name: Bilingual(zh: cell("name_zh") ?? "", en: cell("name_en") ?? ""),
                                    leadDepartment: cell("lead_department") ?? "", acceptDays: accept, firstReplyDays: first,
                                    resolveDays: resolve, maxResolveDays: maxDays, returnDays: ret, warnPercent: warn,
                                    leaderPercent: leader, active: activeValue)
            do throws(DomainError) {
                try c.validate(departments: departments)
                guard seen.insert(code).inserted else {
                    throw DomainError(code: "duplicate", field: "code", en: "code \(code) appears twice", zh: "代码 \(code) 重复")
                }
                categories.append(c)
            } catch {
                errors.append(RowError(row: row.line, column: error.field, error: error))
            }
        }
        guard errors.isEmpty, !dryRun else { return ImportResult(rows: table.rows.count, errors: errors) }
        let clock = self.clock, valid = categories
        try await WriteGate.write(db) { tx in
            let last = try await ServiceCategoryModel.query(on: tx).max(\.$position) ?? 0
            for (i, c) in valid.enumerated() {
                let existing = try await ServiceCategoryModel.find(c.code, on: tx)
                let before = existing?.toDomain()
                let m = existing ?? ServiceCategoryModel()
                m.apply(c)
                if existing == nil { m.position = last + 1 + i }
                try await m.save(on: tx)
                try await AuditLog(db: tx, clock: clock).append(by: p, action: "catalogue_import", entityType: "service_category",
                                                                entityID: c.code, before: before, after: c)
            }
        }
        return ImportResult(rows: table.rows.count, errors: [])
    }
}

/// API keys for Open311 clients (a firm's own system, the 12345 hotline's bridge): each bound to
/// one enterprise, stored as a SHA-256 hash, shown once when issued.
public struct Open311Keys: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// Issues a key (admins); returns the plain key, which is not stored.
    public func issue(name: String, enterpriseID: UUID, by p: Principal) async throws -> String {
        try p.requireAdmin()
        try ServiceText.check(name, field: "name", max: 100)
        guard try await EnterpriseRepository(db: db).find(enterpriseID) != nil else {
            throw DomainError.notFound("enterprise", id: enterpriseID.uuidString)
        }
        var bytes = [UInt8](repeating: 0, count: 24)
        var g = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &g) }
        let key = "o311_" + Hex.lower(bytes)
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            let m = ServiceAPIKeyModel()
            m.id = UUID(); m.name = name; m.keyHash = ServiceDesk.sha256(Data(key.utf8)); m.enterpriseID = enterpriseID
            m.createdBy = p.name; m.createdAtMillis = clock.millis; m.revoked = false
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "open311_key", entityType: "service_api_key",
                                                            entityID: m.id!.uuidString, before: Optional<String>.none, after: name)
        }
        return key
    }

    /// The enterprise a key files for, or nil for an unknown or revoked key.
    public func enterprise(forKey key: String) async throws -> UUID? {
        guard !key.isEmpty, key.count <= 200 else { return nil }
        return try await ServiceAPIKeyModel.query(on: db).filter(\.$keyHash == ServiceDesk.sha256(Data(key.utf8)))
            .filter(\.$revoked == false).first()?.enterpriseID
    }
}
