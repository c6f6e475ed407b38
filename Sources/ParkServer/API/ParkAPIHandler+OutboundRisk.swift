import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    /// Graded and invested-in countries as one list (both small: at most one row per country).
    func outboundCountries() async throws -> [Components.Schemas.OutboundCountry] {
        let lang = context.language
        let risks = Dictionary(uniqueKeysWithValues: try await outbound.risks.currentRisks().map { ($0.countryCode, $0) })
        let world = Dictionary(uniqueKeysWithValues: try await OutboundStatsQuery(db: repos.db).world().map { ($0.country, $0) })
        let beltAndRoad = try await outbound.repository.beltAndRoad()
        return Set(risks.keys).union(world.keys).sorted().map { c in
            .init(code: c, name: Country.named(c)?.name.text(lang) ?? c, region: WorldRegion.of(c).rawValue, beltAndRoad: beltAndRoad.contains(c),
                  risk: risks[c].map(OutboundMapping.risk), projects: world[c]?.projects ?? 0, liveProjects: world[c]?.live ?? 0,
                  agreedYuan: world[c].map { OutboundFormat.hundredths($0.yuanFen) })
        }
    }

    func listOutboundCountries(_ input: Operations.ListOutboundCountries.Input) async throws -> Operations.ListOutboundCountries.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await outboundCountries())))
    }

    func getOutboundCountry(_ input: Operations.GetOutboundCountry.Input) async throws -> Operations.GetOutboundCountry.Output {
        let p = try principal()
        let code = try OutboundMapping.country(input.path.country)
        let lang = context.language
        let risks = outbound.risks
        let risk = try await risks.currentRisk(code)
        var f = OutboundProjectFilter()
        f.countryCode = code; f.perPage = 50
        f.enterpriseID = p.isStaff ? nil : (p.enterpriseID ?? UUID())
        let projects = try await outbound.repository.projects(f)
        let beltAndRoad = try await outbound.repository.beltAndRoad()
        let alerts = p.isStaff ? try await risks.alerts(country: code).items
            : try await risks.alerts(for: p.enterpriseID ?? UUID(), perPage: 100).items.filter { $0.alert.scope.countryCode == code }
        let country = Components.Schemas.OutboundCountry(
            code: code, name: Country.named(code)?.name.text(lang) ?? code, region: WorldRegion.of(code).rawValue, beltAndRoad: beltAndRoad.contains(code),
            risk: risk.map(OutboundMapping.risk), projects: projects.total,
            liveProjects: projects.items.filter { $0.project.stage.isLive }.count, agreedYuan: nil)
        return .ok(.init(body: .json(.init(
            country: country,
            history: try await risks.history(code).map { .init(risk: OutboundMapping.risk($0.risk), recordedBy: $0.recordedBy, recordedAt: OutboundMapping.date($0.recordedAtMillis)) },
            notes: p.isStaff ? try await risks.notes(code).map { .init(id: $0.id.uuidString, text: $0.text, author: $0.author, createdAt: OutboundMapping.date($0.createdAtMillis)) } : [],
            projects: projects.items.map { OutboundMapping.project($0, lang) }, alerts: alerts.map { OutboundMapping.alert($0, context.language) }))))
    }

    func recordCountryRisk(_ input: Operations.RecordCountryRisk.Input) async throws -> Operations.RecordCountryRisk.Output {
        let p = try principal()
        try p.requireStaff()
        let code = try OutboundMapping.country(input.path.country)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let risk = CountryRisk(countryCode: code, grade: b.grade, political: b.political, economic: b.economic,
                               businessEnvironment: b.businessEnvironment, legal: b.legal, sourceYear: b.sourceYear)
        let alert = try await outbound.recordRisk(risk, by: p)
        return .ok(.init(body: .json(.init(risk: OutboundMapping.risk(risk), alert: alert.map { OutboundMapping.alert($0, context.language) }))))
    }

    func addCountryNote(_ input: Operations.AddCountryNote.Input) async throws -> Operations.AddCountryNote.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let n = try await outbound.addNote(country: try OutboundMapping.country(input.path.country), text: b.text, by: p)
        return .created(.init(body: .json(.init(id: n.id.uuidString, text: n.text, author: n.author, createdAt: OutboundMapping.date(n.createdAtMillis)))))
    }

    func importCountryRisks(_ input: Operations.ImportCountryRisks.Input) async throws -> Operations.ImportCountryRisks.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let dry = input.query.dryRun ?? false
        let r = try await outbound.importRisks(try await APIMapping.csv(body), dryRun: dry, by: p).report
        let report = APIMapping.importReport(rows: r.rows, imported: r.imported, dryRun: dry, encoding: "utf8", errors: r.errors, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }

    func listOutboundAlerts(_ input: Operations.ListOutboundAlerts.Input) async throws -> Operations.ListOutboundAlerts.Output {
        let p = try principal()
        let page = try PageRequest(page: input.query.page, perPage: input.query.perPage, defaultPerPage: 20)
        let result = p.isStaff ? try await outbound.risks.alerts(page: page.page, perPage: page.perPage)
            : try await outbound.risks.alerts(for: p.enterpriseID ?? UUID(), page: page.page, perPage: page.perPage)
        return .ok(.init(body: .json(.init(items: result.items.map { OutboundMapping.alert($0, context.language) }, total: result.total, page: result.page, perPage: result.perPage))))
    }

    func publishOutboundAlert(_ input: Operations.PublishOutboundAlert.Input) async throws -> Operations.PublishOutboundAlert.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let row = try await outbound.publishAlert(AlertScope(countryCode: b.country, industryCode: b.industryCode), title: Bilingual(zh: b.title, en: b.titleEn), body: Bilingual(zh: b.body, en: b.bodyEn), by: p)
        return .created(.init(body: .json(OutboundMapping.alert(row, context.language))))
    }

    func listOutboundAlertDeliveries(_ input: Operations.ListOutboundAlertDeliveries.Input) async throws -> Operations.ListOutboundAlertDeliveries.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.isStaff, try await outbound.risks.alert(id) != nil else { throw DomainError.notFound("alert", id: input.path.id) }
        let page = try PageRequest(page: input.query.page, perPage: input.query.perPage)
        let r = try await outbound.risks.deliveries(alertID: id, page: page.page, perPage: page.perPage)
        let lang = context.language
        return .ok(.init(body: .json(.init(items: r.items.map {
            .init(enterpriseId: $0.enterpriseID.uuidString, enterpriseName: $0.enterpriseName.text(lang), deliveredAt: OutboundMapping.date($0.deliveredAtMillis),
                  readAt: $0.readAtMillis.map(OutboundMapping.date), readBy: $0.readBy)
        }, total: r.total, page: r.page, perPage: r.perPage))))
    }

    func readOutboundAlert(_ input: Operations.ReadOutboundAlert.Input) async throws -> Operations.ReadOutboundAlert.Output {
        try await outbound.markRead(try APIMapping.uuid(input.path.id, field: "id"), by: try principal())
        return .noContent(.init())
    }

    func listOutboundServices(_ input: Operations.ListOutboundServices.Input) async throws -> Operations.ListOutboundServices.Output {
        try principal().requireStaff()
        let page = try PageRequest(page: input.query.page, perPage: input.query.perPage)
        let r = try await outbound.risks.services(page: page.page, perPage: page.perPage)
        return .ok(.init(body: .json(.init(items: r.items.map(Self.service), total: r.total, page: r.page, perPage: r.perPage))))
    }

    static func service(_ r: OutboundServiceRow) -> Components.Schemas.OutboundService {
        .init(id: r.event.id!.uuidString, kind: r.event.kind.rawValue, date: r.event.date.iso, topic: r.event.topic, platform: r.event.platform,
              country: r.event.countryCode, firms: r.firms)
    }

    func logOutboundService(_ input: Operations.LogOutboundService.Input) async throws -> Operations.LogOutboundService.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        var ids: [UUID] = []
        for (i, raw) in b.enterpriseIds.enumerated() { ids.append(try APIMapping.uuid(raw, field: "enterprise_ids[\(i)]")) }
        let e = try await outbound.logService(ServiceEvent(kind: ServiceKind(rawValue: b.kind.rawValue) ?? .consultation,
                                                           date: try LandMapping.day(b.date, field: "date"), topic: b.topic, platform: b.platform ?? "",
                                                           countryCode: b.country?.uppercased(), enterpriseIDs: ids), by: p)
        return .created(.init(body: .json(Self.service(OutboundServiceRow(event: e, firms: e.enterpriseIDs.count)))))
    }

    func getOutboundStats(_ input: Operations.GetOutboundStats.Input) async throws -> Operations.GetOutboundStats.Output {
        try principal().requireStaff()
        let to = try OutboundMapping.month(input.query.to, field: "to") ?? YearMonth(repos.today)
        let stats = try await OutboundStatsQuery(db: repos.db).run(from: try OutboundMapping.month(input.query.from, field: "from"), to: to)
        return .ok(.init(body: .json(OutboundMapping.stats(stats, context.language))))
    }
}
