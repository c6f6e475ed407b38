import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Foreign investment information reports (DOMAIN.md §8) as dated obligations, one row each:
/// an enterprise's annual report for a year (unique per enterprise and year, so generating a
/// year twice adds nothing) or a change report. Indexed for the due and overdue lists (all, or
/// one officer's) and for an enterprise's own reports.
struct CreateFDIInfoReports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(InfoReportModel.schema)
            .id()
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("kind", .string, .required)
            .field("report_year", .int)
            .field("change_on", .string)
            .field("change_note", .string)
            .field("opens_on", .string, .required)
            .field("due_on", .string, .required)
            .field("officer_id", .uuid)
            .field("filed_on", .string)
            .field("filed_by", .string)
            .field("created_at_ms", .int64, .required)
            .unique(on: "enterprise_id", "kind", "report_year")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        let t = InfoReportModel.schema
        try await sql.create(index: "\(t)_open_idx").on(t).column("filed_on").column("due_on").run()
        try await sql.create(index: "\(t)_officer_idx").on(t).column("officer_id").column("filed_on").column("due_on").run()
        try await sql.create(index: "\(t)_enterprise_idx").on(t).column("enterprise_id").column("opens_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(InfoReportModel.schema).delete()
    }
}

/// A row of `fdi_info_reports`.
final class InfoReportModel: Model, @unchecked Sendable {
    static let schema = "fdi_info_reports"
    @ID(key: .id) var id: UUID?
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "report_year") var reportYear: Int?
    @OptionalField(key: "change_on") var changeOn: String?
    @OptionalField(key: "change_note") var changeNote: String?
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "officer_id") var officerID: UUID?
    @OptionalField(key: "filed_on") var filedOn: String?
    @OptionalField(key: "filed_by") var filedBy: String?
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    convenience init(_ r: InfoReport, at millis: Int64) {
        self.init()
        id = r.id; enterpriseID = r.enterpriseID; kind = r.kind.rawValue; reportYear = r.reportYear; changeOn = r.changeOn?.iso
        changeNote = r.changeNote; opensOn = r.opensOn.iso; dueOn = r.dueOn.iso; officerID = r.officerID
        filedOn = r.filedOn?.iso; filedBy = r.filedBy; createdAtMillis = millis
    }

    func toDomain() -> InfoReport {
        InfoReport(id: id!, enterpriseID: enterpriseID, kind: InfoReportKind(rawValue: kind) ?? .annual, reportYear: reportYear,
                   changeOn: changeOn.flatMap(LocalDate.init(iso:)), changeNote: changeNote,
                   opensOn: LocalDate(iso: opensOn) ?? LocalDate(dayNumber: 0), dueOn: LocalDate(iso: dueOn) ?? LocalDate(dayNumber: 0),
                   officerID: officerID, filedOn: filedOn.flatMap(LocalDate.init(iso:)), filedBy: filedBy)
    }
}
