import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// What still refers to an enterprise: the reason it cannot be deleted (it is deregistered
/// instead, keeping its history). One SQL count per referring table.
struct EnterpriseDependants: Sendable {
    /// Referring table, its column, and the thing's name in both languages.
    static let tables: [(table: String, column: String, zh: String, en: String)] = [
        ("users", "enterprise_id", "个用户账号", "user account(s)"),
        ("leases", "enterprise_id", "份土地出让", "lease(s)"),
        ("enterprise_facts", "enterprise_id", "项政策数据", "policy fact(s)"),
        ("permu_results", "enterprise_id", "条亩均评价结果", "per-mu result(s)"),
        ("permu_merged", "enterprise_id", "条亩均合并记录", "per-mu merged record(s)"),
        ("policy_results", "enterprise_id", "条政策匹配结果", "policy answer(s)"),
        ("policy_grants", "enterprise_id", "笔政策兑现", "grant(s)"),
    ]

    /// Non-zero counts, in the order above.
    static func count(_ id: UUID, on db: any Database) async throws -> [(zh: String, en: String, count: Int)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var out: [(zh: String, en: String, count: Int)] = []
        for t in tables {
            let n = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: t.table) WHERE \(ident: t.column) = \(bind: id)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            if n > 0 { out.append((t.zh, t.en, n)) }
        }
        return out
    }

    /// The 409 that names what depends on the enterprise.
    static func conflict(_ found: [(zh: String, en: String, count: Int)]) -> DomainError {
        DomainError(.conflict, code: "in_use", field: "id",
                    en: "the enterprise cannot be deleted: it has " + found.map { "\($0.count) \($0.en)" }.joined(separator: ", ")
                        + "; deregister it instead (POST /enterprises/{id}/deregister), which keeps its history",
                    zh: "该企业不能删除：尚有" + found.map { "\($0.count) \($0.zh)" }.joined(separator: "、")
                        + "；请改为注销（POST /enterprises/{id}/deregister），其历史记录将保留")
    }
}
