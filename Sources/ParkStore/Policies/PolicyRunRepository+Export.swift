import FluentKit
import Foundation
import ParkDomain

extension PolicyRunRepository {
    /// Every stored answer of `runID` (or of its `policyID` alone), in the order `results`
    /// pages them (policy, then credit code), handed to `row` as they are read: one query, read
    /// through the drivers' rows. For exports of a whole run (`parkos policies match`, CSV):
    /// paging through `results` costs a sort of the whole run per page, quadratic in the park
    /// (about 500 s for the 179,000 answers of 100,000 enterprises on SQLite).
    public func eachResult(runID: UUID, policyID: String? = nil, _ row: @escaping @Sendable (Row) -> Void) async throws {
        // The policy id is matched in the loop, not spliced into the SQL (it comes from the caller).
        try await PolicyFactRows.query(db, """
            SELECT r.policy_id, r.enterprise_id, r.status, r.amount_fen, r.missing, e.credit_code, e.name_zh, e.name_en
            FROM policy_results r JOIN enterprises e ON e.id = r.enterprise_id
            WHERE r.run_id = '\(runID.uuidString)' ORDER BY r.policy_id, e.credit_code
            """) { c in
            guard let policy = c.string(), policyID == nil || policy == policyID, let enterprise = c.key() else { return }
            let status = Self.status(c.string() ?? ""), amount = c.integer(), missing = c.string() ?? ""
            row(Row(policyID: policy, enterpriseID: enterprise.uuid, creditCode: c.string() ?? "", nameZh: c.string() ?? "",
                    nameEn: c.string() ?? "", status: status, amountFen: amount,
                    missing: missing.split(separator: ";").map(String.init)))
        }
    }

    /// The whole of `eachResult` collected, for callers that print or encode it at once.
    public func allResults(runID: UUID, policyID: String? = nil) async throws -> [Row] {
        let collected = RowCollector()
        try await eachResult(runID: runID, policyID: policyID) { collected.append($0) }
        return collected.rows
    }
}

/// Rows handed over by the driver's read loop, kept behind a lock.
private final class RowCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [PolicyRunRepository.Row] = []
    func append(_ row: PolicyRunRepository.Row) { lock.lock(); stored.append(row); lock.unlock() }
    var rows: [PolicyRunRepository.Row] { lock.lock(); defer { lock.unlock() }; return stored }
}
