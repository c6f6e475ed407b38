import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Open311 GeoReport v2 over the same requests, for civic tools: the catalogue is public;
/// reading and filing requests take an API key bound to one enterprise (`parkos service
/// open311-key`), so a key reaches that enterprise's requests and nothing else. Errors are
/// Open311's `[{code, description}]` with the field at fault added.
enum Open311Routes {
    static func register(_ app: Application) {
        let v2 = app.grouped("open311", "v2").grouped(BodyLimitMiddleware())
        v2.get("services.json") { req async throws -> Response in try await services(req) }
        v2.get("services", ":file") { req async throws -> Response in try await service(req) }
        v2.get("requests.json") { req async throws -> Response in try await requests(req) }
        v2.post("requests.json") { req async throws -> Response in try await file(req) }
        v2.get("requests", ":file") { req async throws -> Response in try await request(req) }
    }

    struct Problem: Error { var status: HTTPResponseStatus; var field: String?; var description: String }

    static func json(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let res = Response(status: status, body: .init(data: try enc.encode(value)))
        res.headers.contentType = .json
        return res
    }

    /// Runs `body`, answering refusals in Open311's error format (never a 500 for bad input).
    static func answer(_ body: () async throws -> Response) async throws -> Response {
        struct Item: Encodable { var code: Int; var description: String; var field: String? }
        do { return try await body() } catch let p as Problem {
            return try json([Item(code: Int(p.status.code), description: p.description, field: p.field)], status: p.status)
        } catch let e as DomainError {
            let status: HTTPResponseStatus = switch e.kind {
            case .notFound: .notFound
            case .forbidden: .forbidden
            case .unauthorized: .unauthorized
            case .conflict: .conflict
            case .tooLarge: .payloadTooLarge
            default: .badRequest
            }
            return try json([Item(code: Int(status.code), description: e.message.en, field: e.field)], status: status)
        }
    }

    struct Service: Encodable {
        var service_code: String, service_name: String, description: String, metadata = false, type = "realtime"
        var keywords: String, group: String
    }

    static func services(_ req: Request) async throws -> Response {
        try await answer {
            let cats = try await ServiceRepository(db: req.db).categories(includeInactive: false)
            return try json(cats.map { Service(service_code: $0.code, service_name: $0.name.en, description: $0.name.zh,
                                               keywords: $0.code.replacingOccurrences(of: "_", with: ","), group: $0.leadDepartment) })
        }
    }

    /// `services/{code}.json`: the definition (no extra attributes: title and description carry it).
    static func service(_ req: Request) async throws -> Response {
        try await answer {
            let code = try stripJSON(req.parameters.get("file") ?? "", field: "service_code")
            guard let c = try await ServiceRepository(db: req.db).category(code), c.active else {
                throw Problem(status: .notFound, field: "service_code", description: "unknown service_code \(code)")
            }
            struct Definition: Encodable { var service_code: String; var attributes: [String] = [] }
            return try json(Definition(service_code: c.code))
        }
    }

    static func stripJSON(_ file: String, field: String) throws -> String {
        guard file.hasSuffix(".json"), file.count > 5 else {
            throw Problem(status: .notFound, field: field, description: "only the .json format is served")
        }
        return String(file.dropLast(5))
    }

    /// The enterprise an API key files for; a missing or unknown key is refused naming `api_key`.
    static func enterprise(_ req: Request, key: String?) async throws -> UUID {
        guard let key, !key.isEmpty else { throw Problem(status: .forbidden, field: "api_key", description: "api_key is required") }
        guard let e = try await Open311Keys(db: req.db, clock: req.park.clock).enterprise(forKey: key) else {
            throw Problem(status: .forbidden, field: "api_key", description: "api_key is not valid")
        }
        return e
    }

    struct Open311Request: Encodable {
        var service_request_id: String, status: String, status_notes: String?, service_name: String, service_code: String
        var description: String, agency_responsible: String, requested_datetime: String, updated_datetime: String
        var expected_datetime: String?
    }

    static func row(_ r: ServiceRequest, _ names: [String: String]) -> Open311Request {
        let iso = ISO8601DateFormatter()
        func at(_ ms: Int64) -> String { iso.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)) }
        return Open311Request(service_request_id: r.reference, status: r.state == .closed ? "closed" : "open",
                              status_notes: r.state.label.en, service_name: names[r.categoryCode] ?? r.categoryCode,
                              service_code: r.categoryCode, description: r.title, agency_responsible: r.leadDepartment,
                              requested_datetime: at(r.createdAtMillis), updated_datetime: at(r.createdAtMillis),
                              expected_datetime: r.dueOn.map { $0.iso + "T18:00:00+08:00" })
    }

    static func principal(for enterprise: UUID) -> Principal {
        Principal(userID: nil, name: "open311", role: .enterprise, enterpriseID: enterprise)
    }

    static func requests(_ req: Request) async throws -> Response {
        try await answer {
            let e = try await enterprise(req, key: req.query[String.self, at: "api_key"])
            let repo = ServiceRepository(db: req.db, clock: req.park.clock)
            var filter = ServiceRepository.Filter(enterpriseID: e)
            filter.category = req.query[String.self, at: "service_code"]
            switch req.query[String.self, at: "status"] {
            case nil, "": break
            case "open": filter.openOnly = true
            case "closed": filter.state = .closed
            default: throw Problem(status: .badRequest, field: "status", description: "status is open or closed")
            }
            let page = try await repo.list(filter, page: try PageRequest(page: 1, perPage: 500), for: principal(for: e))
            let names = Dictionary(uniqueKeysWithValues: try await repo.categories().map { ($0.code, $0.name.en) })
            return try json(page.items.map { row($0, names) })
        }
    }

    /// `requests/{id}.json`: one request of the key's enterprise (by its reference SR-000123).
    static func request(_ req: Request) async throws -> Response {
        try await answer {
            let e = try await enterprise(req, key: req.query[String.self, at: "api_key"])
            let ref = try stripJSON(req.parameters.get("file") ?? "", field: "service_request_id")
            let repo = ServiceRepository(db: req.db, clock: req.park.clock)
            guard ref.hasPrefix("SR-"), let n = Int(ref.dropFirst(3)), let r = try await repo.find(number: n), r.enterpriseID == e else {
                throw Problem(status: .notFound, field: "service_request_id", description: "no request \(ref)")
            }
            let names = Dictionary(uniqueKeysWithValues: try await repo.categories().map { ($0.code, $0.name.en) })
            return try json([row(r, names)])
        }
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

    /// POST requests.json (form-encoded, as GeoReport v2 says): files a request for the key's enterprise.
    static func file(_ req: Request) async throws -> Response {
        try await answer {
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
            struct Filed: Encodable { var service_request_id: String; var service_notice: String; var account_id: String? }
            return try json([Filed(service_request_id: r.reference, service_notice: "received; sent to \(r.leadDepartment)", account_id: nil)],
                            status: .created)
        }
    }
}
