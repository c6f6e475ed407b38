import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain

/// Domain values ⇄ generated API types.
enum APIMapping {
    static func uuid(_ raw: String, field: String) throws(DomainError) -> UUID {
        guard let id = UUID(uuidString: raw) else {
            throw DomainError(.notFound, code: "not_found", field: field, en: "\(field) '\(raw)' is not a known id",
                              zh: "\(field)“\(raw)”不是有效的编号")
        }
        return id
    }

    static func user(_ u: UserAccount) -> Components.Schemas.User {
        .init(id: u.id.uuidString, username: u.username, displayName: u.displayName,
              role: .init(rawValue: u.role.rawValue)!, department: u.departmentCode,
              enterpriseId: u.enterpriseID?.uuidString, disabled: u.disabled, position: .init(rawValue: u.position.rawValue))
    }

    static func input(_ e: Enterprise) -> Components.Schemas.EnterpriseInput {
        .init(creditCode: e.creditCode.value, nameZh: e.nameZh, nameEn: e.nameEn, industryCode: e.industryCode,
              clusters: e.clusters, ownership: .init(rawValue: e.ownership.rawValue),
              originCountry: e.originCountry, fortune500Parent: e.fortune500Parent,
              regionalHq: e.regionalHeadquarters, rdCentre: e.rdCentre,
              listing: e.listing.flatMap { .init(rawValue: $0.rawValue) },
              aboveDesignatedSize: e.aboveDesignatedSize, employees: e.employees,
              foundedOn: e.foundedOn?.iso, address: e.address)
    }

    static func enterprise(_ e: Enterprise) -> Components.Schemas.Enterprise {
        .init(value1: input(e), value2: .init(id: e.id?.uuidString ?? "",
                                              industrySection: IndustryClassification.division(e.industryCode)?.section ?? "",
                                              deregisteredOn: e.deregistration?.on.iso, deregistrationReason: e.deregistration?.reason))
    }

    /// Builds a domain enterprise from the API input; field errors name the field.
    static func enterprise(_ b: Components.Schemas.EnterpriseInput) throws(DomainError) -> Enterprise {
        let code = try CreditCode(b.creditCode)
        guard let industry = IndustryClassification.normalise(b.industryCode) else {
            throw DomainError(code: "unknown_industry", field: "industry_code",
                              en: "industry code '\(b.industryCode)' is not a GB/T 4754-2017 division",
                              zh: "行业代码“\(b.industryCode)”不是 GB/T 4754-2017 的行业大类")
        }
        var founded: LocalDate?
        if let f = b.foundedOn, !f.isEmpty {
            guard let d = LocalDate(iso: f) else {
                throw DomainError(code: "invalid_date", field: "founded_on", en: "founded_on must be a date YYYY-MM-DD, found '\(f)'",
                                  zh: "成立日期须为 YYYY-MM-DD 格式，实际为“\(f)”")
            }
            founded = d
        }
        let ownership = b.ownership.flatMap { Ownership(rawValue: $0.rawValue) } ?? .domestic
        return Enterprise(creditCode: code, nameZh: b.nameZh.trimmingCharacters(in: .whitespaces),
                          nameEn: b.nameEn.trimmingCharacters(in: .whitespaces), industryCode: industry,
                          clusters: b.clusters ?? [], ownership: ownership,
                          originCountry: (b.originCountry ?? (ownership == .domestic ? "CN" : "")).uppercased(),
                          fortune500Parent: b.fortune500Parent.flatMap { $0.isEmpty ? nil : $0 },
                          regionalHeadquarters: b.regionalHq ?? false, rdCentre: b.rdCentre ?? false,
                          listing: b.listing.flatMap { ListingBoard(rawValue: $0.rawValue) },
                          aboveDesignatedSize: b.aboveDesignatedSize ?? false, employees: b.employees,
                          foundedOn: founded, address: b.address ?? "")
    }

    static func audit(_ e: AuditEntry) -> Components.Schemas.AuditEntry {
        .init(seq: e.seq, at: e.at, actor: e.actorName, action: e.action, entityType: e.entityType,
              entityId: e.entityID, before: e.before, after: e.after, reason: e.reason, hash: e.hash)
    }

    /// An uploaded CSV body, refused beyond the imports' 10 MiB.
    static func csv(_ body: HTTPBody) async throws -> Data {
        do { return try await Data(collecting: body, upTo: CSVTable.importMaxBytes) } catch {
            throw DomainError(.tooLarge, code: "too_large", field: "file", en: "the file is larger than 10 MiB", zh: "文件超过 10 MiB")
        }
    }

    /// The answer to a CSV import: rows, how many were written, the row errors in `lang`.
    static func importReport(rows: Int, imported: Int, dryRun: Bool, encoding: String, errors: [RowError],
                             _ lang: Language) -> Components.Schemas.ImportReport {
        .init(rows: rows, imported: imported, dryRun: dryRun, encoding: encoding,
              errors: errors.map { .init(row: $0.row, column: $0.column, code: $0.code, message: $0.message.text(lang)) })
    }
}
