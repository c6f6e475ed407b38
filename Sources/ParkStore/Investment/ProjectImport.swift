import FluentKit
import Foundation
import ParkDomain

extension InvestmentService {
    public struct ProjectImportResult: Sendable {
        public var rows: Int
        public var newInvestors: Int
        public var errors: [RowError]
    }

    /// Imports projects (`ProjectCSV`) as leads: investors found by Chinese name or created,
    /// project companies by credit code; every project checked as one recorded by hand, and a
    /// possible duplicate (in the park or earlier in the file) is a row error. All rows or none.
    public func importProjects(_ data: Data, dryRun: Bool, by p: Principal) async throws -> ProjectImportResult {
        try ProjectVisibility.requireInvestOfficer(p)
        let decoded = ProjectCSV.decode(data)
        var errors = decoded.errors
        if decoded.rows.isEmpty { return ProjectImportResult(rows: 0, newInvestors: 0, errors: errors) }
        let clusters = try await ReferenceRepository(db: db).catalog().clusters
        let limits = try await repo.limits(), cal = try await calendar(), today = self.today
        var investors: [String: UUID] = [:]
        var newInvestors: [Investor] = []
        var planned: [InvestmentProject] = []
        for row in decoded.rows {
            var project = row.project
            if let id = investors[row.investor.nameZh] {
                project.investorID = id
            } else if let m = try await InvestorModel.query(on: db).filter(\.$nameZh == row.investor.nameZh).first() {
                investors[row.investor.nameZh] = m.id!; project.investorID = m.id!
            } else {
                var inv = row.investor; inv.id = UUID()
                investors[inv.nameZh] = inv.id!; newInvestors.append(inv); project.investorID = inv.id!
            }
            if let code = row.creditCode {
                guard let e = try await EnterpriseRepository(db: db).find(creditCode: code) else {
                    errors.append(RowError(row: row.line, column: "credit_code", code: "unknown_enterprise",
                                           message: Bilingual(zh: "企业 \(code) 不在名录中", en: "enterprise \(code) is not in the register")))
                    continue
                }
                project.enterpriseID = e.id
            }
            do throws(DomainError) { try project.validate(today: today, clusters: clusters) } catch {
                errors.append(RowError(row: row.line, column: error.field, error: error)); continue
            }
            let inFile = planned.first { $0.investorID == project.investorID && DuplicateCheck.similar($0.nameZh, project.nameZh) }
            let stored = try await repo.possibleDuplicates(of: project).first
            if inFile != nil || stored != nil {
                let what = stored?.code ?? "an earlier row"
                errors.append(RowError(row: row.line, column: "name_zh", code: "possible_duplicate",
                                       message: Bilingual(zh: "可能与 \(stored?.code ?? "文件中前面的行") 重复", en: "may duplicate \(what)")))
                continue
            }
            project.id = UUID(); project.stage = .lead; project.stageSince = project.firstContactOn
            project.stageDueOn = limits.stageDue(.lead, since: project.firstContactOn, calendar: cal)
            planned.append(project)
        }
        guard errors.isEmpty else { return ProjectImportResult(rows: decoded.rows.count, newInvestors: 0, errors: errors.sorted { $0.row < $1.row }) }
        if dryRun { return ProjectImportResult(rows: planned.count, newInvestors: newInvestors.count, errors: []) }
        let clock = self.clock, invs = newInvestors, projects = planned
        try await WriteGate.write(db) { tx in
            let audit = AuditLog(db: tx, clock: clock)
            for i in invs {
                let m = InvestorModel(); m.id = i.id; m.apply(i); m.updatedAtMillis = clock.millis
                try await m.create(on: tx)
                try await audit.append(by: p, action: "import", entityType: Self.investorEntity, entityID: i.id!.uuidString, before: Investor?.none, after: i)
            }
            var n = try await ProjectModel.query(on: tx).count()
            for var pr in projects {
                n += 1; pr.code = String(format: "IP%06d", n)
                while try await ProjectModel.query(on: tx).filter(\.$code == pr.code).count() > 0 { n += 1; pr.code = String(format: "IP%06d", n) }
                let m = ProjectModel(); m.id = pr.id; m.apply(pr); m.createdAtMillis = clock.millis; m.updatedAtMillis = clock.millis
                try await m.create(on: tx)
                try await audit.append(by: p, action: "import", entityType: Self.projectEntity, entityID: pr.id!.uuidString,
                                       before: InvestmentProject?.none, after: pr)
            }
        }
        return ProjectImportResult(rows: projects.count, newInvestors: invs.count, errors: [])
    }

    /// Every project the operator may see, a page at a time, as export lines (code first):
    /// confidential projects masked unless `p` is cleared.
    public func exportLines(by p: Principal, each: ([String]) throws -> Void) async throws {
        try p.requireStaff()
        var q = ProjectQuery(); q.sort = .code; q.descending = false; q.perPage = 500
        while true {
            let page = try await list(q, by: p)
            for item in page.items {
                let d = try await detail(item.id, by: p)
                let inv = d.investor ?? Investor(nameZh: item.investorName.zh, nameEn: item.investorName.en, originCountry: item.country, sector: "")
                let credit = try await d.project.enterpriseID.asyncMap { try await EnterpriseRepository(db: db).find($0)?.creditCode.value }
                try each(ProjectCSV.line(code: item.code, investor: inv, project: d.project, creditCode: credit ?? nil))
            }
            if page.items.count < q.perPage { break }
            q.page += 1
        }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self { case .some(let w): try await f(w); case .none: nil }
    }
}
