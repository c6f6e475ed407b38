import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var parcels: ParcelRepository { ParcelRepository(db: repos.db, clock: repos.clock) }
    var leases: LeaseRepository { LeaseRepository(db: repos.db, clock: repos.clock) }

    /// The lease, if the caller may see it (enterprise users: their own only); otherwise 404.
    func visibleLease(_ raw: String, _ p: Principal) async throws -> Lease {
        let id = try APIMapping.uuid(raw, field: "id")
        guard let l = try await leases.find(id), p.canRead(enterprise: l.enterpriseID) else { throw DomainError.notFound("lease", id: raw) }
        return l
    }

    func listParcels(_ input: Operations.ListParcels.Input) async throws -> Operations.ListParcels.Output {
        let p = try principal()
        let request = try PageRequest(page: input.query.page, perPage: input.query.perPage)
        let page = try await parcels.page(request, leasedTo: p.isStaff ? nil : (p.enterpriseID ?? UUID()))
        return .ok(.init(body: .json(.init(items: page.items.map(LandMapping.parcel), total: page.total, page: page.page, perPage: page.perPage))))
    }

    func getParcel(_ input: Operations.GetParcel.Input) async throws -> Operations.GetParcel.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard let parcel = try await parcels.find(id) else { throw DomainError.notFound("parcel", id: input.path.id) }
        if !p.isStaff, !(try await leases.list(.init(parcelID: id)).contains { $0.enterpriseID == p.enterpriseID }) {
            throw DomainError.notFound("parcel", id: input.path.id)
        }
        return .ok(.init(body: .json(LandMapping.parcel(parcel))))
    }

    func importParcels(_ input: Operations.ImportParcels.Input) async throws -> Operations.ImportParcels.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .applicationGeoJson(let body) = input.body else { throw DomainError.required("body") }
        let data = try JSONEncoder().encode(body)
        let dry = input.query.dryRun ?? false
        let r = try await parcels.importGeoJSON(data, dryRun: dry, by: p)
        let lang = context.language
        let report = Components.Schemas.ImportReport(rows: r.parcels, imported: r.errors.isEmpty && !dry ? r.parcels : 0, dryRun: dry,
                                                     encoding: "utf8", errors: r.errors.map { .init(row: $0.row, column: $0.column, code: $0.code, message: $0.message.text(lang)) })
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }

    func exportParcels(_ input: Operations.ExportParcels.Input) async throws -> Operations.ExportParcels.Output {
        try principal().requireStaff()
        let page = try await parcels.page(try PageRequest(page: input.query.page, perPage: input.query.perPage, defaultPerPage: 500))
        let collection = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: ParcelGeoJSON.encode(page.items))
        return .ok(.init(body: .applicationGeoJson(.init(additionalProperties: collection))))
    }

    func listLeases(_ input: Operations.ListLeases.Input) async throws -> Operations.ListLeases.Output {
        let p = try principal()
        var filter = LeaseRepository.Filter(state: input.query.state.flatMap { LeaseState(rawValue: $0.rawValue) })
        filter.enterpriseID = try input.query.enterpriseId.map { try APIMapping.uuid($0, field: "enterprise_id") }
        if !p.isStaff { filter.enterpriseID = p.enterpriseID ?? UUID() }
        let cal = try await leases.calendar()
        let page = try await leases.page(filter, try PageRequest(page: input.query.page, perPage: input.query.perPage))
        return .ok(.init(body: .json(.init(items: page.items.map { LandMapping.lease($0, calendar: cal) }, total: page.total,
                                           page: page.page, perPage: page.perPage))))
    }

    func listDueLeases(_ input: Operations.ListDueLeases.Input) async throws -> Operations.ListDueLeases.Output {
        let p = try principal()
        let within = input.query.within ?? 12
        guard (0...120).contains(within) else {
            throw DomainError(code: "out_of_range", field: "within", en: "within must be 0–120 months", zh: "提前月数须在 0–120 之间")
        }
        let choice = LeaseAlertsQuery.Choice(withinMonths: within, enterpriseID: p.isStaff ? nil : (p.enterpriseID ?? UUID()))
        let page = try await LeaseAlertsQuery(db: repos.db).page(today: repos.today, choice,
                                                                 try PageRequest(page: input.query.page, perPage: input.query.perPage))
        let lang = context.language
        let items: [Components.Schemas.DueLease] = page.items.map {
            .init(lease: LandMapping.lease($0.lease, calendar: nil), parcelCode: $0.parcel.code,
                  enterpriseName: $0.enterpriseName.text(lang), alerts: $0.alerts.map { $0.message(lang) })
        }
        return .ok(.init(body: .json(.init(items: items, total: page.total, page: page.page, perPage: page.perPage))))
    }

    func getLease(_ input: Operations.GetLease.Input) async throws -> Operations.GetLease.Output {
        let l = try await visibleLease(input.path.id, try principal())
        return .ok(.init(body: .json(LandMapping.lease(l, calendar: try await leases.calendar()))))
    }

    func recordAuction(_ input: Operations.RecordAuction.Input) async throws -> Operations.RecordAuction.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let auction = AuctionRecord(date: try LandMapping.day(b.auctionDate, field: "auction_date"), reservePriceYuan: b.reservePriceYuan,
                                    winningBidYuan: b.winningBidYuan, depositYuan: b.depositYuan,
                                    winnerEnterpriseID: try APIMapping.uuid(b.enterpriseId, field: "enterprise_id"))
        let l = try await leases.recordAuction(parcelID: try APIMapping.uuid(b.parcelId, field: "parcel_id"), auction: auction, by: p)
        return .created(.init(body: .json(LandMapping.lease(l, calendar: try await leases.calendar()))))
    }

    func confirmLease(_ input: Operations.ConfirmLease.Input) async throws -> Operations.ConfirmLease.Output {
        let p = try principal()
        let l = try await visibleLease(input.path.id, p)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let done = try await leases.confirm(l.id!, on: try LandMapping.day(b.date, field: "date"), by: p)
        return .ok(.init(body: .json(LandMapping.lease(done, calendar: try await leases.calendar()))))
    }

    func signContract(_ input: Operations.SignContract.Input) async throws -> Operations.SignContract.Output {
        let p = try principal()
        let l = try await visibleLease(input.path.id, p)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let contract = GrantContract(signedOn: try LandMapping.day(b.signedOn, field: "signed_on"),
                                     startDate: try LandMapping.day(b.startDate, field: "start_date"),
                                     firstTermYears: b.firstTermYears ?? 10, maxTotalYears: b.maxTotalYears ?? 30, priceYuan: b.priceYuan)
        var commitments: [Commitment] = []
        for (i, c) in b.commitments.enumerated() { commitments.append(try LandMapping.commitment(c, index: i)) }
        let done = try await leases.signContract(l.id!, contract: contract, commitments: commitments, by: p)
        return .ok(.init(body: .json(LandMapping.lease(done, calendar: nil))))
    }

    func advanceLease(_ input: Operations.AdvanceLease.Input) async throws -> Operations.AdvanceLease.Output {
        let p = try principal()
        let l = try await visibleLease(input.path.id, p)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let done = try await leases.advance(l.id!, to: LeaseState(rawValue: b.state.rawValue)!, by: p)
        return .ok(.init(body: .json(LandMapping.lease(done, calendar: nil))))
    }

    func listReports(_ input: Operations.ListReports.Input) async throws -> Operations.ListReports.Output {
        let l = try await visibleLease(input.path.id, try principal())
        return .ok(.init(body: .json(try await ReportRepository(db: repos.db).history(leaseID: l.id!).map(LandMapping.version))))
    }

    func fileReport(_ input: Operations.FileReport.Input) async throws -> Operations.FileReport.Output {
        let p = try principal()
        let l = try await visibleLease(input.path.id, p)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let v = try await ReportRepository(db: repos.db, clock: repos.clock).submit(leaseID: l.id!, report: try LandMapping.report(b.report),
                                                                                   reason: b.reason ?? "", by: p)
        return .created(.init(body: .json(LandMapping.version(v))))
    }

    func previewProposal(_ input: Operations.PreviewProposal.Input) async throws -> Operations.PreviewProposal.Output {
        let l = try await visibleLease(input.path.id, try principal())
        let asOf = try LandMapping.day(input.query.asOf, field: "as_of")
        let proposal = try await AssessmentRepository(db: repos.db, clock: repos.clock).propose(leaseID: l.id!, asOf: asOf)
        return .ok(.init(body: .json(LandMapping.proposal(proposal, context.language))))
    }

    func getAssessment(_ input: Operations.GetAssessment.Input) async throws -> Operations.GetAssessment.Output {
        let l = try await visibleLease(input.path.id, try principal())
        guard let a = try await AssessmentRepository(db: repos.db).latest(leaseID: l.id!) else {
            throw DomainError.notFound("assessment of lease", id: input.path.id)
        }
        return .ok(.init(body: .json(LandMapping.assessment(a, context.language))))
    }

    func runAssessment(_ input: Operations.RunAssessment.Input) async throws -> Operations.RunAssessment.Output {
        let p = try principal()
        let l = try await visibleLease(input.path.id, p)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let a = try await AssessmentRepository(db: repos.db, clock: repos.clock).assess(leaseID: l.id!, asOf: try LandMapping.day(b.asOf, field: "as_of"), by: p)
        return .created(.init(body: .json(LandMapping.assessment(a, context.language))))
    }

    func decideAssessment(_ input: Operations.DecideAssessment.Input) async throws -> Operations.DecideAssessment.Output {
        let p = try principal()
        let l = try await visibleLease(input.path.id, p)
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let repo = AssessmentRepository(db: repos.db, clock: repos.clock)
        guard let latest = try await repo.latest(leaseID: l.id!) else { throw DomainError.notFound("assessment of lease", id: input.path.id) }
        let a = try await repo.decide(assessmentID: latest.id, kind: ProposalKind(rawValue: b.kind.rawValue)!, extensionYears: b.extensionYears,
                                      overrideReason: b.overrideReason ?? "", compensationYuan: b.compensationYuan, by: p)
        return .ok(.init(body: .json(LandMapping.assessment(a, context.language))))
    }
}
