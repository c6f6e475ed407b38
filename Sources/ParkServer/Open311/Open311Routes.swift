import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Open311 GeoReport v2 over the same requests, for civic tools, in JSON and XML: the
/// catalogue is public; reading and filing requests take an API key bound to one enterprise
/// (`parkos service open311-key`), so a key reaches that enterprise's requests and nothing
/// else (a firm's requests are its own business, so GET requests also takes the key). Errors
/// are Open311's `errors` (`[{code, description}]`) with the field at fault added.
enum Open311Routes {
    static func register(_ app: Application) {
        let v2 = app.grouped("open311", "v2").grouped(BodyLimitMiddleware())
        for (ext, format) in [("json", Open311Format.json), ("xml", .xml)] {
            v2.get("services.\(ext)") { req async throws -> Response in try await answer(format) { try await services(req, format) } }
            v2.get("requests.\(ext)") { req async throws -> Response in try await answer(format) { try await requests(req, format) } }
            v2.post("requests.\(ext)") { req async throws -> Response in try await answer(format) { try await file(req, format) } }
        }
        v2.get("services", ":file") { req async throws -> Response in
            try await answer(format(of: req)) { try await service(req) }
        }
        v2.get("requests", ":file") { req async throws -> Response in
            try await answer(format(of: req)) { try await request(req) }
        }
    }

    struct Problem: Error { var status: HTTPResponseStatus; var field: String?; var description: String }

    /// The format a `…/{file}` path asks for (JSON when it names neither, for the error itself).
    static func format(of req: Request) -> Open311Format {
        (req.parameters.get("file") ?? "").hasSuffix(".xml") ? .xml : .json
    }

    struct ErrorItem: Open311Record {
        var code: Int, description: String, field: String?
        var fields: [(String, Open311Value)] { [("code", .int(code)), ("description", .text(description)), ("field", .text(field))] }
    }

    /// Runs `body`, answering refusals in Open311's error format (never a 500 for bad input).
    static func answer(_ format: Open311Format, _ body: () async throws -> Response) async throws -> Response {
        func errors(_ status: HTTPResponseStatus, _ description: String, _ field: String?) throws -> Response {
            try format.render([ErrorItem(code: Int(status.code), description: description, field: field)], root: "errors", item: "error", status: status)
        }
        do { return try await body() } catch let p as Problem {
            return try errors(p.status, p.description, p.field)
        } catch let e as DomainError {
            let status: HTTPResponseStatus = switch e.kind {
            case .notFound: .notFound
            case .forbidden: .forbidden
            case .unauthorized: .unauthorized
            case .conflict: .conflict
            case .tooLarge: .payloadTooLarge
            default: .badRequest
            }
            return try errors(status, e.message.en, e.field)
        }
    }

    struct Service: Open311Record {
        var code: String, name: String, description: String, keywords: String, group: String
        var fields: [(String, Open311Value)] {
            [("service_code", .text(code)), ("service_name", .text(name)), ("description", .text(description)),
             ("metadata", .bool(false)), ("type", .text("realtime")), ("keywords", .text(keywords)), ("group", .text(group))]
        }
    }

    /// `services.json`: every active category; its name in English, both names in the description,
    /// the lead department's name as the group.
    static func services(_ req: Request, _ format: Open311Format) async throws -> Response {
        let cats = try await ServiceRepository(db: req.db).categories(includeInactive: false)
        let departments = try await departmentNames(req)
        return try format.render(cats.map {
            Service(code: $0.code, name: $0.name.en, description: "\($0.name.zh) / \($0.name.en)",
                    keywords: $0.code.replacingOccurrences(of: "_", with: ","), group: departments[$0.leadDepartment]?.en ?? $0.leadDepartment)
        }, root: "services", item: "service")
    }

    struct Definition: Open311Record {
        var code: String
        var fields: [(String, Open311Value)] { [("service_code", .text(code)), ("attributes", .emptyList)] }
    }

    /// `services/{code}.json`: the definition (no extra attributes: title and description carry it).
    static func service(_ req: Request) async throws -> Response {
        let (code, format) = try Open311Format.split(req.parameters.get("file") ?? "", field: "service_code")
        guard let c = try await ServiceRepository(db: req.db).category(code), c.active else {
            throw Problem(status: .notFound, field: "service_code", description: "unknown service_code \(code)")
        }
        return try format.render(one: Definition(code: c.code), root: "service_definition")
    }

    static func departmentNames(_ req: Request) async throws -> [String: Bilingual] {
        Dictionary(try await ReferenceRepository(db: req.db).departments().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The enterprise an API key files for; a missing or unknown key is refused naming `api_key`.
    static func enterprise(_ req: Request, key: String?) async throws -> UUID {
        guard let key, !key.isEmpty else { throw Problem(status: .forbidden, field: "api_key", description: "api_key is required") }
        guard let e = try await Open311Keys(db: req.db, clock: req.park.clock).enterprise(forKey: key) else {
            throw Problem(status: .forbidden, field: "api_key", description: "api_key is not valid")
        }
        return e
    }

    static func principal(for enterprise: UUID) -> Principal {
        Principal(userID: nil, name: "open311", role: .enterprise, enterpriseID: enterprise)
    }

    /// GET `requests.json`: the key's enterprise's requests, newest first, at most 500. As the
    /// spec says, `service_request_id` (comma-separated) overrides every other filter; without
    /// `start_date` and `end_date` the window is the last 90 days; `status` and `service_code`
    /// take comma-separated lists.
    static func requests(_ req: Request, _ format: Open311Format) async throws -> Response {
        let e = try await enterprise(req, key: req.query[String.self, at: "api_key"])
        let query = try Open311Query.parse(req, now: req.park.clock.now())
        var filter = ServiceRepository.Filter(enterpriseID: e)
        if let numbers = query.numbers {
            filter.numbers = numbers
        } else {
            filter.categories = query.serviceCodes
            filter.createdFromMillis = query.fromMillis
            filter.createdBeforeMillis = query.beforeMillis
            switch query.statuses {
            case ["open"]: filter.openOnly = true
            case ["closed"]: filter.state = .closed
            default: break
            }
        }
        let repo = ServiceRepository(db: req.db, clock: req.park.clock)
        let page = try await repo.list(filter, page: try PageRequest(page: 1, perPage: PageRequest.maxPerPage), for: principal(for: e))
        return try format.render(try await rows(page.items, req), root: "service_requests", item: "request")
    }

    /// GET `requests/{id}.json`: one request of the key's enterprise (by its reference SR-000123).
    static func request(_ req: Request) async throws -> Response {
        let e = try await enterprise(req, key: req.query[String.self, at: "api_key"])
        let (ref, format) = try Open311Format.split(req.parameters.get("file") ?? "", field: "service_request_id")
        let repo = ServiceRepository(db: req.db, clock: req.park.clock)
        guard let n = Open311Query.number(ref), let r = try await repo.find(number: n), r.enterpriseID == e else {
            throw Problem(status: .notFound, field: "service_request_id", description: "no request \(ref)")
        }
        return try format.render(try await rows([r], req), root: "service_requests", item: "request")
    }

    static func rows(_ items: [ServiceRequest], _ req: Request) async throws -> [Open311Request] {
        let names = Dictionary(try await ServiceRepository(db: req.db).categories().map { ($0.code, $0.name.en) }, uniquingKeysWith: { a, _ in a })
        let departments = try await departmentNames(req)
        return items.map { Open311Request($0, service: names[$0.categoryCode] ?? $0.categoryCode,
                                          agency: departments[$0.leadDepartment]?.en ?? $0.leadDepartment) }
    }

    struct FileForm: Content {
        var api_key: String?
        var service_code: String?
        var description: String?
        var title: String?
        var first_name: String?
        var last_name: String?
        var phone: String?
        var email: String?
    }

    struct Filed: Open311Record {
        var id: String, notice: String
        var fields: [(String, Open311Value)] {
            [("service_request_id", .text(id)), ("service_notice", .text(notice)), ("account_id", .text(nil))]
        }
    }

    /// POST `requests.json` (form-encoded, as GeoReport v2 says): files a request for the key's
    /// enterprise. No location is asked for: the enterprise's registered address is the place.
    static func file(_ req: Request, _ format: Open311Format) async throws -> Response {
        let form = (try? req.content.decode(FileForm.self)) ?? FileForm()
        let e = try await enterprise(req, key: form.api_key)
        guard let code = form.service_code, !code.isEmpty else {
            throw Problem(status: .badRequest, field: "service_code", description: "service_code is required")
        }
        guard let c = try await ServiceRepository(db: req.db).category(code), c.active else {
            throw Problem(status: .badRequest, field: "service_code", description: "unknown service_code \(code)")
        }
        let description = form.description ?? ""
        let title = form.title.flatMap { $0.isEmpty ? nil : $0 } ?? String(description.prefix(60))
        let name = [form.last_name, form.first_name].compactMap { $0 }.joined()
        let draft = RequestDraft(enterpriseID: e, categoryCode: c.code, title: title, description: description, channel: .open311,
                                 contactName: name.isEmpty ? "Open311" : name, contactPhone: form.phone ?? "0")
        let r = try await ServiceDesk(db: req.db, clock: req.park.clock).raise(draft, by: principal(for: e))
        let lead = try await departmentNames(req)[r.leadDepartment]?.en ?? r.leadDepartment
        return try format.render([Filed(id: r.reference, notice: "Received and sent to \(lead)")],
                                 root: "service_requests", item: "request", status: .created)
    }
}
