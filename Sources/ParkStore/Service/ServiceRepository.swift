import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Reads of the enterprise-service module: requests, their threads, subtasks and clocks, the
/// catalogue, and who may see what. Writes go through `ServiceDesk`.
public struct ServiceRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "service_request"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public var today: LocalDate { LocalDate(clock.now()) }

    /// The working calendar (the land module's, holidays and make-up days as data), unrolled around today.
    public func calendarIndex() async throws -> WorkingDayIndex {
        WorkingDayIndex(calendar: try await LeaseRepository(db: db, clock: clock).calendar(), around: today)
    }

    // MARK: catalogue

    public func categories(includeInactive: Bool = true) async throws -> [ServiceCategory] {
        let q = ServiceCategoryModel.query(on: db).sort(\.$position).sort(\.$id)
        if !includeInactive { q.filter(\.$active == true) }
        return try await q.all().map { $0.toDomain() }
    }

    public func category(_ code: String) async throws -> ServiceCategory? {
        try await ServiceCategoryModel.find(code, on: db)?.toDomain()
    }

    // MARK: requests

    public func find(_ id: UUID) async throws -> ServiceRequest? { try await ServiceRequestModel.find(id, on: db)?.toDomain() }

    public func find(number: Int) async throws -> ServiceRequest? {
        try await ServiceRequestModel.query(on: db).filter(\.$number == number).first()?.toDomain()
    }

    /// The request if `p` may see it: staff see every request, an enterprise user only its own
    /// enterprise's; anything else is "not found" (no hint that it exists).
    public func visible(_ id: UUID, to p: Principal) async throws -> ServiceRequest {
        guard let r = try await find(id), p.canRead(enterprise: r.enterpriseID) else {
            throw DomainError.notFound("request", id: id.uuidString)
        }
        return r
    }

    public func subtasks(of requestID: UUID) async throws -> [Subtask] {
        try await SubtaskModel.query(on: db).filter(\.$requestID == requestID).sort(\.$createdAtMillis).sort(\.$department).all().map { $0.toDomain() }
    }

    public func subtask(_ id: UUID) async throws -> Subtask? { try await SubtaskModel.find(id, on: db)?.toDomain() }

    public func clocks(of requestID: UUID) async throws -> [StoredClock] {
        try await ServiceClockModel.query(on: db).filter(\.$requestID == requestID).all().map { $0.toDomain() }
            .sorted { ($0.subtaskID?.uuidString ?? "", $0.clock.kind.rawValue, $0.clock.startedOn) < ($1.subtaskID?.uuidString ?? "", $1.clock.kind.rawValue, $1.clock.startedOn) }
    }

    /// The thread as `p` may read it: enterprise users see public messages, questions, the
    /// reply and public events; officers see everything, internal notes included.
    public func thread(of requestID: UUID, for p: Principal) async throws -> [ThreadMessage] {
        let q = ServiceMessageModel.query(on: db).filter(\.$requestID == requestID)
        if !p.isStaff { q.filter(\.$visible == true) }
        return try await q.sort(\.$createdAtMillis).sort(\.$id).all().map { $0.toDomain() }
    }

    public func callbacks(of requestID: UUID) async throws -> [CallbackRecord] {
        try await ServiceCallbackModel.query(on: db).filter(\.$requestID == requestID).sort(\.$createdAtMillis).all().map { $0.toDomain() }
    }

    // MARK: lists

    public struct Filter: Sendable {
        public var enterpriseID: UUID?
        public var department: String?
        public var category: String?
        public var state: RequestState?
        public var openOnly: Bool
        public var overdueOnly: Bool
        /// Open311: any of these categories, any of these numbers, received in [from, to) (epoch ms).
        public var categories: [String]?
        public var numbers: [Int]?
        public var createdFromMillis: Int64?
        public var createdBeforeMillis: Int64?
        public init(enterpriseID: UUID? = nil, department: String? = nil, category: String? = nil, state: RequestState? = nil,
                    openOnly: Bool = false, overdueOnly: Bool = false) {
            self.enterpriseID = enterpriseID; self.department = department; self.category = category; self.state = state
            self.openOnly = openOnly; self.overdueOnly = overdueOnly
        }
    }

    /// A page of requests, newest first (overdue-only lists: oldest deadline first), sorted and
    /// paged in SQL. An enterprise user is held to its own enterprise whatever the filter says.
    public func list(_ filter: Filter, page: ParkDomain.PageRequest, for p: Principal) async throws -> Page<ServiceRequest> {
        var f = filter
        if !p.isStaff { f.enterpriseID = p.enterpriseID ?? UUID() }
        let q = ServiceRequestModel.query(on: db)
        if let e = f.enterpriseID { q.filter(\.$enterpriseID == e) }
        if let d = f.department { q.filter(\.$leadDepartment == d) }
        if let c = f.category { q.filter(\.$category == c) }
        if let cs = f.categories { q.filter(\.$category ~~ cs) }
        if let ns = f.numbers { q.filter(\.$number ~~ ns) }
        if let from = f.createdFromMillis { q.filter(\.$createdAtMillis >= from) }
        if let to = f.createdBeforeMillis { q.filter(\.$createdAtMillis < to) }
        if let s = f.state { q.filter(\.$state == s.rawValue) }
        if f.openOnly || f.overdueOnly { q.filter(\.$isOpen == true) }
        if f.overdueOnly { q.filter(\.$dueOn < today.iso) }
        let total = try await q.copy().count()
        if f.overdueOnly { q.sort(\.$dueOn, .ascending) } else { q.sort(\.$createdAtMillis, .descending) }
        let rows = try await q.sort(\.$number, .descending).range(page.offset..<(page.offset + page.perPage)).all()
        return Page(items: rows.map { $0.toDomain() }, total: total, page: page.page, perPage: page.perPage)
    }

    /// Enterprise names for a set of requests (the register's read interface).
    public func enterpriseNames(_ requests: [ServiceRequest]) async throws -> [UUID: Bilingual] {
        try await EnterpriseRepository(db: db).names(Set(requests.map(\.enterpriseID)))
    }

    // MARK: attachments

    public func attachments(of requestID: UUID, for p: Principal) async throws -> [AttachmentInfo] {
        guard let sql = db as? any SQLDatabase else { return [] }
        // Everything but the bytes.
        var query = sql.select().columns("id", "request_id", "internal", "filename", "content_type", "size_bytes", "sha256", "uploaded_by", "created_at_ms")
            .from("service_attachments").where("request_id", .equal, requestID)
        if !p.isStaff { query = query.where("internal", .equal, false) }
        return try await query.orderBy("created_at_ms").all().map { row in
            AttachmentInfo(id: try row.decode(column: "id", as: UUID.self), requestID: requestID,
                           internalOnly: try row.decode(column: "internal", as: Bool.self),
                           filename: try row.decode(column: "filename", as: String.self),
                           contentType: try row.decode(column: "content_type", as: String.self),
                           sizeBytes: try row.decode(column: "size_bytes", as: Int.self),
                           sha256: try row.decode(column: "sha256", as: String.self),
                           uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
                           atMillis: try row.decode(column: "created_at_ms", as: Int64.self))
        }
    }

    /// An attachment's bytes, only for someone who may see the request (and, for an internal
    /// file, only for staff); otherwise "not found". The checksum is checked on the way out.
    public func attachment(_ id: UUID, of requestID: UUID, for p: Principal) async throws -> (info: AttachmentInfo, data: Data) {
        let r = try await visible(requestID, to: p)
        guard let m = try await ServiceAttachmentModel.find(id, on: db), m.requestID == r.id, p.isStaff || !m.internalOnly else {
            throw DomainError.notFound("attachment", id: id.uuidString)
        }
        guard ServiceDesk.sha256(m.data) == m.sha256 else {
            throw DomainError(.conflict, code: "checksum_mismatch", field: "file",
                              en: "the stored file no longer matches its checksum", zh: "存储的文件与校验值不符")
        }
        return (m.info(), m.data)
    }
}
