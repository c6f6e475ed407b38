import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The enterprise register: reads, and audited writes.
public struct EnterpriseRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "enterprise"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// One page of the register: one SQL count and one SQL page, filtered and sorted in SQL.
    public func list(_ query: EnterpriseQuery) async throws -> Page<Enterprise> {
        let q = try query.validated()
        let pr = try q.pageRequest
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: q.page, perPage: q.perPage) }
        let filter = EnterpriseRows.predicate(q, postgres: isPostgres)
        let counting = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("enterprises")
        let paging = sql.select().columns(EnterpriseRows.columns).from("enterprises")
        if let filter { counting.where(filter); paging.where(filter) }
        for o in EnterpriseRows.orderBy(q) { paging.orderBy(o) }
        let total = try await counting.first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await paging.limit(pr.perPage).offset(pr.offset).all()
        return Page(items: try rows.map(EnterpriseRows.enterprise), total: total, page: q.page, perPage: q.perPage)
    }

    var isPostgres: Bool { (db as? any SQLDatabase)?.dialect.name == "postgresql" }

    public func find(_ id: UUID) async throws -> Enterprise? {
        guard let sql = db as? any SQLDatabase else { return try await EnterpriseModel.find(id, on: db)?.toDomain() }
        return try await sql.select().columns(EnterpriseRows.columns).from("enterprises").where("id", .equal, id).first()
            .map(EnterpriseRows.enterprise)
    }

    public func find(creditCode: String) async throws -> Enterprise? {
        try await EnterpriseModel.query(on: db).filter(\.$creditCode == creditCode).first()?.toDomain()
    }

    public func count() async throws -> Int { try await EnterpriseModel.query(on: db).count() }

    /// The names of `ids` (those that exist), for lists that show enterprises by name.
    public func names(_ ids: Set<UUID>) async throws -> [UUID: Bilingual] {
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: Bilingual] = [:]
        for m in try await EnterpriseModel.query(on: db).filter(\.$id ~~ Array(ids)).field(\.$id).field(\.$nameZh).field(\.$nameEn).all() {
            out[try m.requireID()] = Bilingual(zh: m.nameZh, en: m.nameEn)
        }
        return out
    }

    public func allCreditCodes() async throws -> Set<String> {
        Set(try await EnterpriseModel.query(on: db).field(\.$creditCode).all().map(\.creditCode))
    }

    /// Up to `limit` enterprises with credit codes after `afterCreditCode`, in credit-code order:
    /// one keyset page of an export that streams.
    public func batch(afterCreditCode: String, limit: Int) async throws -> [Enterprise] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select().columns(EnterpriseRows.columns).from("enterprises")
            .where("credit_code", .greaterThan, afterCreditCode).orderBy("credit_code").limit(limit).all()
            .map(EnterpriseRows.enterprise)
    }

    /// Every enterprise, in credit-code order (for export).
    public func all() async throws -> [Enterprise] {
        try await EnterpriseModel.query(on: db).sort(\.$creditCode).all().map { try $0.toDomain() }
    }

    /// Registers one enterprise after validating it; refuses a duplicate credit code.
    public func create(_ enterprise: Enterprise, by principal: Principal, catalog: ReferenceCatalog) async throws -> Enterprise {
        try principal.requireStaff()
        try enterprise.validate(against: catalog, today: LocalDate(clock.now()))
        let created = try await createAll([enterprise], by: principal)
        return created[0]
    }

    /// Registers many enterprises in one transaction (all or nothing), one audit entry each.
    /// The caller has validated them (see `EnterpriseCSV`).
    public func createAll(_ enterprises: [Enterprise], by principal: Principal,
                          progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [Enterprise] {
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            var existing = Set<String>()
            for start in stride(from: 0, to: enterprises.count, by: 1_000) {
                let codes = enterprises[start ..< min(start + 1_000, enterprises.count)].map(\.creditCode.value)
                existing.formUnion(try await EnterpriseModel.query(on: tx).filter(\.$creditCode ~~ codes).all().map(\.creditCode))
            }
            if let dup = enterprises.first(where: { existing.contains($0.creditCode.value) }) {
                throw DomainError(.conflict, code: "duplicate_credit_code", field: "credit_code",
                                  en: "credit code \(dup.creditCode) is already registered",
                                  zh: "统一社会信用代码 \(dup.creditCode) 已登记")
            }
            let audit = AuditLog(db: tx, clock: clock)
            var out: [Enterprise] = []
            out.reserveCapacity(enterprises.count)
            for chunk in stride(from: 0, to: enterprises.count, by: 500) {
                let slice = enterprises[chunk ..< min(chunk + 500, enterprises.count)]
                let models = slice.map { e -> EnterpriseModel in
                    var e = e
                    if e.id == nil { e.id = UUID() }
                    return EnterpriseModel(e, updatedAtMillis: clock.millis)
                }
                try await BulkInsert.insert(models, on: tx)
                let created = try models.map { try $0.toDomain() }
                try await audit.appendAll(by: principal, created.map {
                    .init(action: "create", entityType: Self.entityType, entityID: $0.id!.uuidString, before: Enterprise?.none, after: $0)
                })
                out.append(contentsOf: created)
                progress?(out.count, enterprises.count)
            }
            return out
        }
    }

    /// Replaces an enterprise's fields. Staff change everything; an enterprise user changes only
    /// its own enterprise, and not its credit code, name in Chinese, ownership or flags.
    /// `reason` (why, up to 500 characters) is sealed into the audit entry with the change.
    public func update(_ id: UUID, to new: Enterprise, by principal: Principal, catalog: ReferenceCatalog,
                       reason: String? = nil) async throws -> Enterprise {
        guard principal.canRead(enterprise: id) else { throw DomainError.notFound("enterprise", id: id.uuidString) }
        let reason = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let reason, reason.count > Deregistration.maxReasonLength { throw DomainError.tooLong("reason", max: Deregistration.maxReasonLength) }
        var edited = new
        edited.id = id
        try edited.validate(against: catalog, today: LocalDate(clock.now()))
        let new = edited
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let model = try await EnterpriseModel.find(id, on: tx) else {
                throw DomainError.notFound("enterprise", id: id.uuidString)
            }
            let before = try model.toDomain()
            // Deregistration has its own command; an edit keeps it as it is.
            var new = new
            new.deregistration = before.deregistration
            if !principal.isStaff { try Self.checkSelfService(before: before, after: new) }
            if before.creditCode != new.creditCode,
               try await EnterpriseModel.query(on: tx).filter(\.$creditCode == new.creditCode.value).count() > 0 {
                throw DomainError(.conflict, code: "duplicate_credit_code", field: "credit_code",
                                  en: "credit code \(new.creditCode) is already registered",
                                  zh: "统一社会信用代码 \(new.creditCode) 已登记")
            }
            if before == new { return before }
            model.apply(new)
            model.updatedAtMillis = clock.millis
            try await model.update(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "update", entityType: Self.entityType,
                                                            entityID: id.uuidString, before: before, after: new, reason: reason)
            return new
        }
    }

    /// Deregisters (注销) an enterprise: it stays in the register, with its leases, results and
    /// history, marked ceased on `date` for `reason`. Staff only; audited.
    public func deregister(_ id: UUID, on date: LocalDate, reason: String, by principal: Principal) async throws -> Enterprise {
        guard principal.isStaff else { throw DomainError(.forbidden, code: "forbidden", en: "only park staff deregister enterprises", zh: "仅园区工作人员可注销企业") }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let model = try await EnterpriseModel.find(id, on: tx) else {
                throw DomainError.notFound("enterprise", id: id.uuidString)
            }
            let before = try model.toDomain()
            if let d = before.deregistration {
                throw DomainError(.conflict, code: "already_deregistered", field: "id",
                                  en: "the enterprise was already deregistered on \(d.on)", zh: "该企业已于 \(d.on) 注销")
            }
            let deregistration = Deregistration(on: date, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
            try deregistration.validate(today: LocalDate(clock.now()), foundedOn: before.foundedOn)
            var after = before
            after.deregistration = deregistration
            model.apply(after)
            model.updatedAtMillis = clock.millis
            try await model.update(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "deregister", entityType: Self.entityType,
                                                            entityID: id.uuidString, before: before, after: after)
            return after
        }
    }

    static func checkSelfService(before: Enterprise, after: Enterprise) throws(DomainError) {
        var allowed = before
        allowed.nameEn = after.nameEn
        allowed.address = after.address
        allowed.employees = after.employees
        guard allowed == after else {
            throw DomainError(.forbidden, code: "forbidden_field", field: "enterprise",
                              en: "an enterprise user may change only name_en, address and employees",
                              zh: "企业用户只能修改英文名称、地址和从业人数")
        }
    }

    /// Removes an enterprise entered by mistake (admins only); refused (409, naming them) while
    /// anything refers to it: accounts, leases, facts, evaluation or policy results.
    public func delete(_ id: UUID, by principal: Principal) async throws {
        try principal.requireAdmin()
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            guard let model = try await EnterpriseModel.find(id, on: tx) else {
                throw DomainError.notFound("enterprise", id: id.uuidString)
            }
            let dependants = try await EnterpriseDependants.count(id, on: tx)
            if !dependants.isEmpty { throw EnterpriseDependants.conflict(dependants) }
            let before = try model.toDomain()
            try await model.delete(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "delete", entityType: Self.entityType,
                                                            entityID: id.uuidString, before: before, after: Enterprise?.none)
        }
    }
}
