import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var serviceDesk: ServiceDesk { ServiceDesk(db: repos.db, clock: repos.clock) }
    var serviceRepo: ServiceRepository { ServiceRepository(db: repos.db, clock: repos.clock) }

    func listServiceCategories(_ input: Operations.ListServiceCategories.Input) async throws -> Operations.ListServiceCategories.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await serviceRepo.categories().map(ServiceMapping.category))))
    }

    func setServiceWebhook(_ input: Operations.SetServiceWebhook.Input) async throws -> Operations.SetServiceWebhook.Output {
        let p = try principal()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let saved = try await WebhookQueue(db: repos.db, clock: repos.clock).configure(
            department: input.path.department, url: body.url, secret: body.secret, active: body.active ?? true, by: p)
        return .ok(.init(body: .json(.init(department: saved.department, url: saved.url, active: saved.active))))
    }

    func listServiceRequests(_ input: Operations.ListServiceRequests.Input) async throws -> Operations.ListServiceRequests.Output {
        let p = try principal()
        let q = input.query
        let filter = ServiceRepository.Filter(department: q.department, category: q.category,
                                              state: q.state.flatMap { RequestState(rawValue: $0.rawValue) },
                                              openOnly: q.open ?? false, overdueOnly: q.overdue ?? false)
        let page = try await serviceRepo.list(filter, page: try PageRequest(page: q.page, perPage: q.perPage), for: p)
        return .ok(.init(body: .json(.init(items: page.items.map(ServiceMapping.request), total: page.total, page: page.page, perPage: page.perPage))))
    }

    func raiseServiceRequest(_ input: Operations.RaiseServiceRequest.Input) async throws -> Operations.RaiseServiceRequest.Output {
        let p = try principal()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let draft = RequestDraft(enterpriseID: try APIMapping.uuid(b.enterpriseId, field: "enterprise_id"), categoryCode: b.category,
                                 title: b.title, description: b.description, urgency: Urgency(rawValue: b.urgency?.rawValue ?? "normal") ?? .normal,
                                 channel: RequestChannel(rawValue: b.channel?.rawValue ?? "portal") ?? .portal,
                                 contactName: b.contactName, contactPhone: b.contactPhone)
        return .created(.init(body: .json(ServiceMapping.request(try await serviceDesk.raise(draft, by: p)))))
    }

    func similarServiceRequests(_ input: Operations.SimilarServiceRequests.Input) async throws -> Operations.SimilarServiceRequests.Output {
        let p = try principal()
        let search = ServiceSearch(db: repos.db)
        let title = input.query.title, description = input.query.description ?? ""
        let precedents = try await search.similar(title: title, description: description, precedentsOnly: true, limit: 3, for: p)
        let similar = try await search.similar(title: title, description: description, precedentsOnly: false, limit: 5, for: p)
        return .ok(.init(body: .json(.init(precedents: precedents.map(ServiceMapping.hit), similar: similar.map(ServiceMapping.hit)))))
    }

    func requestID(_ raw: String) throws(DomainError) -> UUID {
        guard let id = UUID(uuidString: raw) else { throw DomainError.notFound("request", id: raw) }
        return id
    }

    func getServiceRequest(_ input: Operations.GetServiceRequest.Input) async throws -> Operations.GetServiceRequest.Output {
        let p = try principal()
        let r = try await serviceRepo.visible(try requestID(input.path.id), to: p)
        let index = try await serviceRepo.calendarIndex(), today = repos.today
        let detail = Components.Schemas.ServiceRequestDetail(
            request: ServiceMapping.request(r),
            subtasks: p.isStaff ? try await serviceRepo.subtasks(of: r.id).map(ServiceMapping.subtask) : [],
            clocks: try await serviceRepo.clocks(of: r.id).filter { p.isStaff || $0.subtaskID == nil }
                .map { ServiceMapping.clock($0, today: today, index: index) },
            thread: try await serviceRepo.thread(of: r.id, for: p).map(ServiceMapping.message),
            attachments: try await serviceRepo.attachments(of: r.id, for: p).map(ServiceMapping.attachment),
            callbacks: p.isStaff ? try await serviceRepo.callbacks(of: r.id).map {
                .init(calledOn: $0.calledOn.iso, satisfied: $0.satisfied, notes: $0.notes, officer: $0.officer)
            } : [])
        return .ok(.init(body: .json(detail)))
    }

    func acceptServiceRequest(_ input: Operations.AcceptServiceRequest.Input) async throws -> Operations.AcceptServiceRequest.Output {
        .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.accept(try requestID(input.path.id), by: try principal())))))
    }

    func returnServiceRequest(_ input: Operations.ReturnServiceRequest.Input) async throws -> Operations.ReturnServiceRequest.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.returnToDispatcher(try requestID(input.path.id), reason: b.reason, by: try principal())))))
    }

    func dispatchServiceRequest(_ input: Operations.DispatchServiceRequest.Input) async throws -> Operations.DispatchServiceRequest.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.dispatch(try requestID(input.path.id), to: b.department, by: try principal())))))
    }

    func addServiceSubtask(_ input: Operations.AddServiceSubtask.Input) async throws -> Operations.AddServiceSubtask.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let assignee = try b.assigneeId.map { try APIMapping.uuid($0, field: "assignee_id") }
        let s = try await serviceDesk.addSubtask(try requestID(input.path.id), department: b.department, instructions: b.instructions,
                                                 limitDays: b.limitDays, assigneeID: assignee, by: try principal())
        return .created(.init(body: .json(ServiceMapping.subtask(s))))
    }

    func subtaskID(_ raw: String) throws(DomainError) -> UUID {
        guard let id = UUID(uuidString: raw) else { throw DomainError.notFound("subtask", id: raw) }
        return id
    }

    func acceptServiceSubtask(_ input: Operations.AcceptServiceSubtask.Input) async throws -> Operations.AcceptServiceSubtask.Output {
        .ok(.init(body: .json(ServiceMapping.subtask(try await serviceDesk.acceptSubtask(try subtaskID(input.path.id), by: try principal())))))
    }

    func completeServiceSubtask(_ input: Operations.CompleteServiceSubtask.Input) async throws -> Operations.CompleteServiceSubtask.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.subtask(try await serviceDesk.completeSubtask(try subtaskID(input.path.id), result: b.result, by: try principal())))))
    }

    func postServiceMessage(_ input: Operations.PostServiceMessage.Input) async throws -> Operations.PostServiceMessage.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let kind = ServiceDesk.Post(rawValue: b.kind.rawValue) ?? .message
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.post(try requestID(input.path.id), kind, body: b.body, by: try principal())))))
    }

    func replyServiceRequest(_ input: Operations.ReplyServiceRequest.Input) async throws -> Operations.ReplyServiceRequest.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.reply(try requestID(input.path.id), body: b.body, by: try principal())))))
    }

    func confirmServiceRequest(_ input: Operations.ConfirmServiceRequest.Input) async throws -> Operations.ConfirmServiceRequest.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.confirm(try requestID(input.path.id), accepted: b.accepted,
                                                                                           reason: b.reason ?? "", by: try principal())))))
    }

    func rateServiceRequest(_ input: Operations.RateServiceRequest.Input) async throws -> Operations.RateServiceRequest.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.rate(try requestID(input.path.id), stars: b.stars,
                                                                                        comment: b.comment ?? "", by: try principal())))))
    }

    func recordServiceCallback(_ input: Operations.RecordServiceCallback.Input) async throws -> Operations.RecordServiceCallback.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        guard let day = LocalDate(iso: b.calledOn) else {
            throw DomainError(code: "invalid_date", field: "called_on", en: "called_on must be a date YYYY-MM-DD", zh: "回访日期格式应为 YYYY-MM-DD")
        }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.recordCallback(try requestID(input.path.id), calledOn: day,
                                                                                                  satisfied: b.satisfied, notes: b.notes, by: try principal())))))
    }

    func requestServiceExtension(_ input: Operations.RequestServiceExtension.Input) async throws -> Operations.RequestServiceExtension.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let sub = try b.subtaskId.map { try APIMapping.uuid($0, field: "subtask_id") }
        let c = try await serviceDesk.requestExtension(try requestID(input.path.id), subtaskID: sub, days: b.days, reason: b.reason, by: try principal())
        return .ok(.init(body: .json(ServiceMapping.clock(c, today: repos.today, index: try await serviceRepo.calendarIndex()))))
    }

    func decideServiceExtension(_ input: Operations.DecideServiceExtension.Input) async throws -> Operations.DecideServiceExtension.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let c = try await serviceDesk.decideExtension(try requestID(input.path.id), clockID: try APIMapping.uuid(b.clockId, field: "clock_id"),
                                                      approve: b.approve, by: try principal())
        return .ok(.init(body: .json(ServiceMapping.clock(c, today: repos.today, index: try await serviceRepo.calendarIndex()))))
    }

    func markServicePrecedent(_ input: Operations.MarkServicePrecedent.Input) async throws -> Operations.MarkServicePrecedent.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(ServiceMapping.request(try await serviceDesk.markPrecedent(try requestID(input.path.id), title: b.title, by: try principal())))))
    }

    func uploadServiceAttachment(_ input: Operations.UploadServiceAttachment.Input) async throws -> Operations.UploadServiceAttachment.Output {
        let p = try principal()
        let id = try requestID(input.path.id)
        _ = try await serviceRepo.visible(id, to: p)
        guard case .binary(let body) = input.body else { throw DomainError.required("body") }
        let data: Data
        do { data = try await Data(collecting: body, upTo: AttachmentRules.maxBytes) } catch {
            throw DomainError(.tooLarge, code: "too_large", field: "file", en: "attachments are at most 5 MiB", zh: "附件不得超过 5 MiB")
        }
        let a = try await serviceDesk.attach(id, filename: input.query.filename, data: data, internalOnly: input.query._internal ?? false, by: p)
        return .created(.init(body: .json(ServiceMapping.attachment(a))))
    }

    func downloadServiceAttachment(_ input: Operations.DownloadServiceAttachment.Input) async throws -> Operations.DownloadServiceAttachment.Output {
        let p = try principal()
        guard let aid = UUID(uuidString: input.path.attachmentId) else { throw DomainError.notFound("attachment", id: input.path.attachmentId) }
        let file = try await serviceRepo.attachment(aid, of: try requestID(input.path.id), for: p)
        return .ok(.init(body: .binary(HTTPBody(file.data))))
    }

    func getServiceStats(_ input: Operations.GetServiceStats.Input) async throws -> Operations.GetServiceStats.Output {
        try principal().requireStaff()
        let month = try YearMonth.parse(input.query.month, field: "month")
        let stats = try await ServiceStatsQuery(db: repos.db, clock: repos.clock).run(month: month, department: input.query.department)
        return .ok(.init(body: .json(ServiceMapping.stats(stats))))
    }

    func getInbox(_ input: Operations.GetInbox.Input) async throws -> Operations.GetInbox.Output {
        let p = try principal()
        guard let user = p.userID else { throw RequestContext.unauthenticated }
        let inbox = ServiceInbox(db: repos.db, clock: repos.clock)
        let page = try await inbox.items(user, page: try PageRequest(page: input.query.page, perPage: 50))
        let lang = context.language
        return .ok(.init(body: .json(.init(items: page.items.map { ServiceMapping.inbox($0, lang) }, unread: try await inbox.unreadCount(user),
                                           total: page.total, page: page.page))))
    }

    func markInboxRead(_ input: Operations.MarkInboxRead.Input) async throws -> Operations.MarkInboxRead.Output {
        let p = try principal()
        guard let user = p.userID else { throw RequestContext.unauthenticated }
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let id = try b.id.map { raw throws(DomainError) -> UUID in
            guard let u = UUID(uuidString: raw) else { throw DomainError.notFound("message", id: raw) }
            return u
        }
        try await ServiceInbox(db: repos.db, clock: repos.clock).markRead(user, id: id)
        return .noContent(.init())
    }
}
