import FluentKit
import Foundation
import ParkDomain

/// Requests in and out as CSV: an import of requests received elsewhere (12345 transfers, the
/// business centre's visit log), all rows or none; an export of the list, 500 rows a read.
public struct ServiceRequestCSV: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public static let importColumns = ["credit_code", "category", "title", "description", "urgency", "channel", "contact_name", "contact_phone"]
    public static let exportColumns = ["reference", "credit_code", "enterprise", "category", "lead_department", "title", "state", "urgency",
                                       "channel", "received_on", "accepted_on", "accepted_in_time", "first_reply_on", "replied_on",
                                       "resolved_in_time", "closed_on", "due_on", "reopened_count", "rating", "precedent"]

    public struct ImportResult: Sendable { public var rows: Int; public var imported: Int; public var errors: [RowError] }

    /// Raises every row (staff on the firms' behalf; channel defaults to hotline_12345), or none.
    public func importCSV(_ data: Data, dryRun: Bool, by p: Principal) async throws -> ImportResult {
        try p.requireStaff()
        let (table, index): (CSVTable, [String: Int])
        switch CSVTable.importTable(data, known: Self.importColumns, required: ["credit_code", "category", "title", "description", "contact_name", "contact_phone"]) {
        case .failure(let refusal): return ImportResult(rows: 0, imported: 0, errors: refusal.errors)
        case .success(let ok): (table, index) = ok
        }
        let repo = ServiceRepository(db: db, clock: clock)
        let categories = Dictionary(uniqueKeysWithValues: try await repo.categories(includeInactive: false).map { ($0.code, $0) })
        let enterprises = EnterpriseRepository(db: db)
        var errors: [RowError] = [], drafts: [(RequestDraft, ServiceCategory)] = []
        for row in table.rows {
            func cell(_ c: String) -> String {
                index[c].flatMap { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
            }
            guard let e = try await enterprises.find(creditCode: cell("credit_code")) else {
                errors.append(RowError(row: row.line, column: "credit_code", code: "unknown_enterprise",
                                       message: Bilingual(zh: "登记簿中没有统一社会信用代码 \(cell("credit_code"))", en: "no enterprise has credit code \(cell("credit_code"))")))
                continue
            }
            guard let c = categories[cell("category")] else {
                errors.append(RowError(row: row.line, column: "category", code: "unknown_category",
                                       message: Bilingual(zh: "服务目录中没有 \(cell("category"))", en: "no service category \(cell("category"))")))
                continue
            }
            let urgency = cell("urgency").isEmpty ? Urgency.normal : Urgency(rawValue: cell("urgency"))
            let channel = cell("channel").isEmpty ? RequestChannel.hotline : RequestChannel(rawValue: cell("channel"))
            guard let urgency else {
                errors.append(RowError(row: row.line, column: "urgency", code: "invalid_value",
                                       message: Bilingual(zh: "urgency 须为 normal、urgent 或 critical", en: "urgency is normal, urgent or critical")))
                continue
            }
            guard let channel, channel != .portal, channel != .open311 else {
                errors.append(RowError(row: row.line, column: "channel", code: "invalid_value",
                                       message: Bilingual(zh: "channel 须为 visit、phone、hotline_12345 或 business_centre", en: "channel is visit, phone, hotline_12345 or business_centre")))
                continue
            }
            do throws(DomainError) {
                let d = try RequestDraft(enterpriseID: e.id!, categoryCode: c.code, title: cell("title"), description: cell("description"),
                                         urgency: urgency, channel: channel, contactName: cell("contact_name"), contactPhone: cell("contact_phone")).validated()
                drafts.append((d, c))
            } catch {
                errors.append(RowError(row: row.line, column: error.field, error: error))
            }
        }
        guard errors.isEmpty, !dryRun else { return ImportResult(rows: table.rows.count, imported: 0, errors: errors) }
        let index_ = try await repo.calendarIndex(), day = LocalDate(clock.now()), clock = self.clock, valid = drafts
        try await WriteGate.write(db) { tx in
            for (d, c) in valid { _ = try await ServiceDesk.insert(d, category: c, by: p, on: tx, index: index_, day: day, clock: clock) }
        }
        return ImportResult(rows: table.rows.count, imported: valid.count, errors: [])
    }

    /// The export's lines (header first), read 500 requests at a time in SQL order.
    public func export(_ filter: ServiceRepository.Filter, by p: Principal, line: (String) throws -> Void) async throws {
        try p.requireStaff()
        let repo = ServiceRepository(db: db, clock: clock)
        try line(CSVWriter.line(Self.exportColumns))
        var page = 1
        while true {
            let chunk = try await repo.list(filter, page: try PageRequest(page: page, perPage: 500), for: p)
            let firms = try await EnterpriseRepository(db: db).names(Set(chunk.items.map(\.enterpriseID)))
            var codes: [UUID: String] = [:]
            for id in Set(chunk.items.map(\.enterpriseID)) { codes[id] = try await EnterpriseRepository(db: db).find(id)?.creditCode.value }
            for r in chunk.items {
                func yes(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "" }
                try line(CSVWriter.line([r.reference, codes[r.enterpriseID] ?? "", firms[r.enterpriseID]?.zh ?? "", r.categoryCode, r.leadDepartment,
                                         r.title, r.state.rawValue, r.urgency.rawValue, r.channel.rawValue, r.receivedOn.iso,
                                         r.acceptedOn?.iso ?? "", yes(r.acceptedInTime), r.firstReplyOn?.iso ?? "", r.repliedOn?.iso ?? "",
                                         yes(r.resolvedInTime), r.closedOn?.iso ?? "", r.dueOn?.iso ?? "", String(r.reopenedCount),
                                         r.rating.map(String.init) ?? "", r.precedent ? "true" : "false"], formulaGuard: true))
            }
            if chunk.items.count < 500 { break }
            page += 1
        }
    }
}
