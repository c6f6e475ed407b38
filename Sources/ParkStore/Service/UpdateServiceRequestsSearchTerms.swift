import FluentKit
import SQLKit

/// PostgreSQL's text search over requests in both languages. pg_trgm found nothing for short
/// Chinese titles (a five-character title has a handful of trigrams, and Chinese words move
/// around: 牛血清进口 against 进口牛血清用于生产), so each request carries its search terms in a
/// stored generated column with a GIN index: Chinese as overlapping character pairs (bigrams,
/// the usual unit of Chinese retrieval), English as stemmed words without stop words
/// (`to_tsvector('english')`). A search is an indexed `&&` (shares a term) ranked by the terms
/// shared. SQLite keeps FTS5 with the trigram tokenizer (`CreateServiceSearch`).
struct UpdateServiceRequestsSearchTerms: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw(#"""
            CREATE OR REPLACE FUNCTION service_search_terms(t text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
              SELECT coalesce(array_agg(DISTINCT term ORDER BY term), '{}'::text[]) FROM (
                SELECT unnest(pg_catalog.tsvector_to_array(pg_catalog.to_tsvector('pg_catalog.english'::regconfig,
                  pg_catalog.array_to_string(ARRAY(SELECT m[1] FROM pg_catalog.regexp_matches(t, '([A-Za-z0-9]+)', 'g') AS m), ' ')))) AS term
                UNION ALL
                SELECT pg_catalog.substr(c.run, i, 2)
                FROM (SELECT m[1] AS run FROM pg_catalog.regexp_matches(t, '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') AS m) AS c,
                     pg_catalog.generate_series(1, greatest(pg_catalog.char_length(c.run) - 1, 1)) AS i
              ) AS terms
            $fn$
            """#).run()
        try await sql.raw("""
            ALTER TABLE service_requests ADD COLUMN search_terms text[] GENERATED ALWAYS AS
              (service_search_terms(title || ' ' || description || ' ' || coalesce(precedent_title, ''))) STORED
            """).run()
        try await sql.raw("CREATE INDEX service_requests_search_terms_idx ON service_requests USING gin (search_terms)").run()
        try await sql.raw("DROP INDEX IF EXISTS service_requests_title_trgm_idx").run()
        try await sql.raw("DROP INDEX IF EXISTS service_requests_description_trgm_idx").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("ALTER TABLE service_requests DROP COLUMN IF EXISTS search_terms").run()
        try await sql.raw("DROP FUNCTION IF EXISTS service_search_terms(text)").run()
        try await sql.raw("CREATE INDEX service_requests_title_trgm_idx ON service_requests USING gin (title gin_trgm_ops)").run()
        try await sql.raw("CREATE INDEX service_requests_description_trgm_idx ON service_requests USING gin (description gin_trgm_ops)").run()
    }
}
