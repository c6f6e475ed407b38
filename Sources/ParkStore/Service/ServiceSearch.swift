import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Similar past requests and precedents for a new request's text, found by the database's own
/// text search in both languages: SQLite FTS5 with the trigram tokenizer (ranked by bm25),
/// PostgreSQL stored search terms (Chinese character pairs,
/// stemmed English words; GIN-indexed, ranked by the terms shared). No scan in Swift.
public struct ServiceSearch: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    public struct Hit: Sendable, Hashable {
        public var request: ServiceRequest
        /// Larger is more similar (bm25 negated on SQLite; the share of the probe's terms found, 0–1, on PostgreSQL).
        public var score: Double
    }

    /// Up to `limit` requests like the text. `precedentsOnly` limits to marked precedents; an
    /// enterprise user sees precedents and its own enterprise's requests only.
    public func similar(title: String, description: String, precedentsOnly: Bool, limit: Int = 5, excluding: UUID? = nil,
                        for p: Principal) async throws -> [Hit] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let probe = SimilarityQuery.probe(title: title, description: description)
        let own: UUID? = p.isStaff ? nil : (p.enterpriseID ?? UUID())
        var scope: SQLQueryString = precedentsOnly ? "r.precedent = TRUE" : "r.precedent = FALSE"
        if let own, !precedentsOnly { scope = "r.enterprise_id = \(bind: own)" }
        if let excluding { scope = "\(scope) AND r.id <> \(bind: excluding)" }
        let n = max(1, min(limit, 20)), where_ = scope
        let rows: [any SQLRow]
        if sql.dialect.name == "sqlite" {
            guard let match = SimilarityQuery.fts5(probe) else { return [] }
            rows = try await sql.raw("""
                SELECT r.id AS id, -bm25(service_request_search) AS score FROM service_request_search
                JOIN service_requests r ON r.number = service_request_search.rowid
                WHERE service_request_search MATCH \(bind: match) AND \(where_)
                ORDER BY bm25(service_request_search) LIMIT \(bind: n)
                """).all()
        } else {
            // The request's stored search terms (Chinese character pairs, stemmed English words;
            // `UpdateServiceRequestsSearchTerms`) share at least one of the probe's (the GIN index),
            // and at least two when the probe has two: ranked by the terms shared.
            rows = try await sql.raw("""
                SELECT id, hits::float8 / GREATEST(wanted, 1) AS score FROM (
                  SELECT r.id AS id, r.number AS number, p.wanted AS wanted,
                    (SELECT COUNT(*) FROM unnest(r.search_terms) AS g WHERE g = ANY(p.terms)) AS hits
                  FROM service_requests r,
                    (SELECT service_search_terms(\(bind: probe)) AS terms, cardinality(service_search_terms(\(bind: probe))) AS wanted) AS p
                  WHERE r.search_terms && service_search_terms(\(bind: probe)) AND \(where_)
                ) AS m WHERE hits >= LEAST(2, wanted)
                ORDER BY hits DESC, number DESC LIMIT \(bind: n)
                """).all()
        }
        var hits: [Hit] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if let r = try await ServiceRequestModel.find(id, on: db)?.toDomain() {
                hits.append(Hit(request: r, score: try row.decode(column: "score", as: Double.self)))
            }
        }
        return hits
    }
}
