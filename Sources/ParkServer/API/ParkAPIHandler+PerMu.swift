import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var schemes: PerMuSchemeRepository { PerMuSchemeRepository(db: repos.db, clock: repos.clock) }
    var runs: PerMuRunRepository { PerMuRunRepository(db: repos.db, clock: repos.clock) }

    func listPerMuSchemes(_ input: Operations.ListPerMuSchemes.Input) async throws -> Operations.ListPerMuSchemes.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await schemes.all(year: input.query.year).map(PerMuMapping.scheme))))
    }

    func savePerMuScheme(_ input: Operations.SavePerMuScheme.Input) async throws -> Operations.SavePerMuScheme.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let saved = try await schemes.save(try PerMuMapping.scheme(body), by: p)
        return .created(.init(body: .json(PerMuMapping.scheme(saved))))
    }

    func getPerMuScheme(_ input: Operations.GetPerMuScheme.Input) async throws -> Operations.GetPerMuScheme.Output {
        try principal().requireStaff()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        return .ok(.init(body: .json(PerMuMapping.scheme(try await schemes.require(id)))))
    }

    func listPerMuRuns(_ input: Operations.ListPerMuRuns.Input) async throws -> Operations.ListPerMuRuns.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await runs.all(year: input.query.year).map(PerMuMapping.run))))
    }

    func runPerMu(_ input: Operations.RunPerMu.Input) async throws -> Operations.RunPerMu.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let id = try APIMapping.uuid(body.schemeId, field: "scheme_id")
        let outcome = try await runs.run(schemeID: id, dryRun: body.dryRun ?? false, by: p)
        if let stored = outcome.stored { return .created(.init(body: .json(PerMuMapping.run(stored)))) }
        return .ok(.init(body: .json(PerMuMapping.dryRun(outcome, schemeID: id))))
    }

    func getPerMuRun(_ input: Operations.GetPerMuRun.Input) async throws -> Operations.GetPerMuRun.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(PerMuMapping.run(try await runs.require(try APIMapping.uuid(input.path.id, field: "id"))))))
    }

    func enactPerMuRun(_ input: Operations.EnactPerMuRun.Input) async throws -> Operations.EnactPerMuRun.Output {
        let p = try principal()
        try p.requireAdmin()
        return .ok(.init(body: .json(PerMuMapping.run(try await runs.enact(try APIMapping.uuid(input.path.id, field: "id"), by: p)))))
    }

    func reopenPerMuYear(_ input: Operations.ReopenPerMuYear.Input) async throws -> Operations.ReopenPerMuYear.Output {
        let p = try principal()
        try p.requireAdmin()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(PerMuMapping.run(try await runs.reopen(year: input.path.year, reason: body.reason, by: p)))))
    }

    func listPerMuResults(_ input: Operations.ListPerMuResults.Input) async throws -> Operations.ListPerMuResults.Output {
        try principal().requireStaff()
        let run = try await runs.require(try APIMapping.uuid(input.path.id, field: "id"))
        let q = input.query
        var f = PerMuResultFilter()
        f.search = q.q; f.cluster = q.cluster; f.subArea = q.subArea
        f.grade = q.grade.flatMap { PerMuGrade(rawValue: $0.rawValue) }
        f.group = q.group.flatMap { PerMuGroupKind(rawValue: $0.rawValue) }
        f.status = q.status.flatMap { PerMuStatus(rawValue: $0.rawValue) }
        if let s = q.sort { f.sort = PerMuResultFilter.Sort(rawValue: s.rawValue) ?? .rank }
        f.descending = q.order?.rawValue == "desc"
        f.page = q.page ?? 1
        f.perPage = q.perPage ?? 50
        let page = try await PerMuResultQuery(db: repos.db).list(runID: run.id, filter: f)
        return .ok(.init(body: .json(.init(items: page.items.map(PerMuMapping.row), total: page.total, page: page.page,
                                           perPage: page.perPage))))
    }

    func exportPerMuTreatments(_ input: Operations.ExportPerMuTreatments.Input) async throws -> Operations.ExportPerMuTreatments.Output {
        try principal().requireStaff()
        let run = try await runs.require(try APIMapping.uuid(input.path.id, field: "id"))
        return .ok(.init(body: .csv(ExportStream.permuTreatments(PerMuResultQuery(db: repos.db), runID: run.id).httpBody)))
    }

    func comparePerMuSchemes(_ input: Operations.ComparePerMuSchemes.Input) async throws -> Operations.ComparePerMuSchemes.Output {
        let p = try principal()
        try p.requireStaff()
        let draft = try APIMapping.uuid(input.query.draft, field: "draft")
        let base = try input.query.base.map { raw throws(DomainError) in try APIMapping.uuid(raw, field: "base") }
        let (c, b, d) = try await runs.compare(draftID: draft, baseID: base, by: p)
        let names = try await repos.enterprises.names(Set(c.changes.map(\.enterpriseId)))
        return .ok(.init(body: .json(PerMuMapping.comparison(c, base: b, draft: d, names: names))))
    }

    func getPerMuScorecard(_ input: Operations.GetPerMuScorecard.Input) async throws -> Operations.GetPerMuScorecard.Output {
        let p = try principal()
        let enterprise = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: enterprise) else { throw DomainError.notFound("enterprise", id: input.path.id) }
        let card = try await PerMuScorecard.load(db: repos.db, enterprise: enterprise, year: input.query.year,
                                                 runID: try input.query.run.map { raw throws(DomainError) in
                                                     try p.requireStaff()
                                                     return try APIMapping.uuid(raw, field: "run")
                                                 })
        return .ok(.init(body: .json(PerMuMapping.scorecard(card))))
    }
}
