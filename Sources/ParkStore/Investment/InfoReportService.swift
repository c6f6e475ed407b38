import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Foreign investment information reports (DOMAIN.md §8): the obligations of every
/// foreign-invested enterprise, generated per year, recorded per change, marked filed, listed
/// by what is due or overdue. Every write is audited in its transaction; every read is paged
/// or keyed, whatever the register holds.
public struct InfoReportService: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entity = "fdi_info_report"
    /// Enterprises read per page (and per transaction) when a year is generated.
    public static let generatePage = 500

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var today: LocalDate { LocalDate(clock.now()) }

    /// What a list shows: what may be filed now, or what is late.
    public enum Listing: String, Sendable, CaseIterable { case due, overdue }

    /// A report with its enterprise's names and its officer's name, for lists and pages.
    public struct Row: Sendable {
        public var report: InfoReport
        public var enterpriseName: Bilingual
        public var creditCode: String
        public var officer: String?
    }

    /// Generates the annual report obligations for `year` (due 1 January–30 June of the next
    /// year) for every foreign-invested enterprise in the register that was founded by the end
    /// of `year` and is not deregistered: in pages of `pageSize` enterprises by id, one
    /// transaction each, skipping enterprises that already have theirs, so it may run again
    /// (or on several instances) and adds only what is missing. Returns how many it added.
    @discardableResult
    public func generateAnnual(year: Int, pageSize: Int = generatePage, by p: Principal) async throws -> Int {
        try ProjectVisibility.requireInvestOfficer(p)
        let window = try InfoReportRule.annualWindow(for: year)
        let yearEnd = LocalDate(year: year, month: 12, day: 31)!.iso
        var after: UUID? = nil, added = 0
        let sql = try InvestmentFigures(db: db).sql
        while true {
            // The ids alone, as plain rows: no enterprise model is built for a page of ids.
            var q = sql.select().column("id").from(EnterpriseModel.schema)
                .where("ownership", .notEqual, Ownership.domestic.rawValue).where("deregistered_on", .is, SQLLiteral.null)
                .where(group: { $0.where("founded_on", .is, SQLLiteral.null).orWhere("founded_on", .lessThanOrEqual, yearEnd) })
            if let after { q = q.where("id", .greaterThan, after) }
            let page = try await q.orderBy("id").limit(max(1, pageSize)).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard let last = page.last else { break }
            after = last
            added += try await WriteGate.write(db) { tx in
                let have = Set(try await InfoReportModel.query(on: tx).filter(\.$enterpriseID ~~ page).filter(\.$kind == InfoReportKind.annual.rawValue)
                    .filter(\.$reportYear == year).all(\.$enterpriseID))
                let missing = page.filter { !have.contains($0) }
                guard !missing.isEmpty else { return 0 }
                let officers = try await Self.officers(of: missing, on: tx)
                let reports = missing.map {
                    InfoReport(enterpriseID: $0, kind: .annual, reportYear: year, opensOn: window.opens, dueOn: window.due, officerID: officers[$0])
                }
                try await BulkInsert.insert(reports.map { InfoReportModel($0, at: clock.millis) }, on: tx)
                try await AuditLog(db: tx, clock: clock).appendAll(by: p, reports.map {
                    AuditLog.Record(action: "generate", entityType: Self.entity, entityID: $0.id.uuidString, before: InfoReport?.none, after: $0)
                })
                return reports.count
            }
        }
        return added
    }

    /// The officer following each enterprise: the officer in charge of its most recently
    /// contacted project that has one (none if it has no project).
    static func officers(of enterprises: [UUID], on db: any Database) async throws -> [UUID: UUID] {
        guard !enterprises.isEmpty else { return [:] }
        let sql = try InvestmentFigures(db: db).sql
        // Two columns as plain rows (a project model has 40 fields, each read through reflection).
        let rows = try await sql.select().column("enterprise_id").column("officer_id").from(ProjectModel.schema)
            .where("enterprise_id", .in, enterprises).where("officer_id", .isNot, SQLLiteral.null)
            .orderBy("first_contact_on", .descending).all()
        var out: [UUID: UUID] = [:]
        for r in rows {
            let e = try r.decode(column: "enterprise_id", as: UUID.self)
            if out[e] == nil { out[e] = try r.decode(column: "officer_id", as: UUID.self) }
        }
        return out
    }

    /// Records a change that needs no registration change: a change report falls due on the
    /// 20th working day after it, on the park's working calendar.
    public func recordChange(enterpriseID: UUID, changeOn: LocalDate, note: String, by p: Principal) async throws -> InfoReport {
        try ProjectVisibility.requireInvestOfficer(p)
        let text = try InfoReportRule.validateChange(on: changeOn, note: note, today: today)
        guard let e = try await EnterpriseRepository(db: db).find(enterpriseID) else {
            throw DomainError(code: "unknown_enterprise", field: "enterprise_id", en: "enterprise \(enterpriseID) is not in the register", zh: "企业不在名录中")
        }
        guard e.ownership != .domestic else {
            throw DomainError(code: "not_foreign_invested", field: "enterprise_id", en: "\(e.nameEn.isEmpty ? e.nameZh : e.nameEn) is not foreign-invested",
                              zh: "\(e.nameZh) 不是外商投资企业")
        }
        let due = InfoReportRule.changeDue(changeOn: changeOn, calendar: try await LeaseRepository(db: db, clock: clock).calendar())
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let report = InfoReport(enterpriseID: enterpriseID, kind: .change, changeOn: changeOn, changeNote: text, opensOn: changeOn,
                                    dueOn: due, officerID: try await Self.officers(of: [enterpriseID], on: tx)[enterpriseID])
            try await InfoReportModel(report, at: clock.millis).create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "record_change", entityType: Self.entity, entityID: report.id.uuidString,
                                                            before: InfoReport?.none, after: report)
            return report
        }
    }

    /// Marks a report filed on `filedOn` (today by default): once, not before its window opens.
    public func markFiled(_ id: UUID, on filedOn: LocalDate? = nil, by p: Principal) async throws -> InfoReport {
        try ProjectVisibility.requireInvestOfficer(p)
        let today = self.today, clock = self.clock, date = filedOn ?? today
        return try await WriteGate.write(db) { tx in
            guard let m = try await InfoReportModel.find(id, on: tx) else { throw DomainError.notFound("information report", id: id.uuidString) }
            let before = m.toDomain()
            try InfoReportRule.validateFiling(before, on: date, today: today)
            m.filedOn = date.iso; m.filedBy = p.name
            try await m.update(on: tx)
            let after = m.toDomain()
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "filed", entityType: Self.entity, entityID: id.uuidString,
                                                            before: before, after: after)
            return after
        }
    }

    /// One page of what is due (open and not late) or overdue (not filed past its last day),
    /// soonest (or longest overdue) first, for everyone or one officer: a COUNT and a LIMIT
    /// query on the (officer, filed, due) indexes.
    public func list(_ listing: Listing, officer: UUID? = nil, kind: InfoReportKind? = nil, _ page: ParkDomain.PageRequest, by p: Principal) async throws -> Page<Row> {
        try p.requireStaff()
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: page.page, perPage: page.perPage) }
        let t = today.iso
        var cond: [any SQLExpression] = [SQLRaw("r.filed_on IS NULL")]
        switch listing {
        case .due: cond += [SQLBinaryExpression(SQLColumn("opens_on", table: "r"), .lessThanOrEqual, SQLBind(t)),
                            SQLBinaryExpression(SQLColumn("due_on", table: "r"), .greaterThanOrEqual, SQLBind(t))]
        case .overdue: cond.append(SQLBinaryExpression(SQLColumn("due_on", table: "r"), .lessThan, SQLBind(t)))
        }
        if let officer { cond.append(SQLBinaryExpression(SQLColumn("officer_id", table: "r"), .equal, SQLBind(officer))) }
        if let kind { cond.append(SQLBinaryExpression(SQLColumn("kind", table: "r"), .equal, SQLBind(kind.rawValue))) }
        let whereClause = SQLList(cond, separator: SQLRaw(" AND "))
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM fdi_info_reports r WHERE \(whereClause)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT r.id FROM fdi_info_reports r WHERE \(whereClause)
            ORDER BY r.due_on, r.id LIMIT \(unsafeRaw: String(page.perPage)) OFFSET \(unsafeRaw: String(page.offset))
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        return Page(items: try await self.rows(rows), total: total, page: page.page, perPage: page.perPage)
    }

    /// An enterprise's reports, newest window first (at most `limit`).
    public func reports(of enterpriseID: UUID, limit: Int = 20, by p: Principal) async throws -> [Row] {
        if !p.isStaff && p.enterpriseID != enterpriseID { throw DomainError.notFound("enterprise", id: enterpriseID.uuidString) }
        let ids = try await InfoReportModel.query(on: db).filter(\.$enterpriseID == enterpriseID)
            .sort(\.$opensOn, .descending).sort(\.$id).limit(limit).all(\.$id)
        return try await rows(ids.compactMap { $0 })
    }

    /// One report with its names, or nil.
    public func row(_ id: UUID) async throws -> Row? { try await rows([id]).first }

    /// The reports with these ids, in this order, with names: three keyed reads.
    func rows(_ ids: [UUID]) async throws -> [Row] {
        guard !ids.isEmpty else { return [] }
        let models = Dictionary(uniqueKeysWithValues: try await InfoReportModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        let firms = Dictionary(uniqueKeysWithValues: try await EnterpriseModel.query(on: db)
            .filter(\.$id ~~ Array(Set(models.values.map(\.enterpriseID)))).all().map { ($0.id!, $0) })
        let officerIDs = Array(Set(models.values.compactMap(\.officerID)))
        let officers = officerIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ officerIDs).all()
            .map { ($0.id!, $0.displayName) })
        return ids.compactMap { id in
            guard let m = models[id] else { return nil }
            let f = firms[m.enterpriseID]
            return Row(report: m.toDomain(), enterpriseName: Bilingual(zh: f?.nameZh ?? "—", en: (f?.nameEn).flatMap { $0.isEmpty ? nil : $0 } ?? f?.nameZh ?? "—"),
                       creditCode: f?.creditCode ?? "", officer: m.officerID.flatMap { officers[$0] })
        }
    }

    /// Counts for a heading: due now, overdue (SQL counts on the open index).
    public func counts(officer: UUID? = nil) async throws -> (due: Int, overdue: Int) {
        let t = today.iso
        func base() -> QueryBuilder<InfoReportModel> {
            let q = InfoReportModel.query(on: db).filter(\.$filedOn == nil)
            if let officer { q.filter(\.$officerID == officer) }
            return q
        }
        return (try await base().filter(\.$opensOn <= t).filter(\.$dueOn >= t).count(), try await base().filter(\.$dueOn < t).count())
    }
}
