import FluentKit
import SQLKit

/// Inserts many models of one type in multi-row statements, reading each model's fields once.
///
/// Fluent's own `create` on a collection reflects every model four times (its fields, its
/// timestamps twice, its database properties) through `Mirror`: measured on the large demo that
/// was a quarter of the whole load's CPU time. Here each model is read once, into a column list
/// shared by the batch. Rows go in as many a statement as both databases accept (SQLite binds at
/// most 32,766 values a statement, PostgreSQL 65,535), at most 500.
/// Callers set every field, ids included (an unset optional field is stored as NULL).
enum BulkInsert {
    static let maxBindsPerStatement = 30_000

    static func insert<M: Model>(_ models: some Collection<M>, on db: any Database) async throws {
        guard !models.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { return try await Array(models).create(on: db) }
        let rows = models.map { model -> [(FieldKey, DatabaseQuery.Value)] in
            let input = OrderedInput()
            model.input(to: input)
            return input.fields
        }
        let keys = rows[0].map(\.0)
        let perStatement = max(1, min(500, maxBindsPerStatement / max(1, keys.count)))
        for from in stride(from: 0, to: rows.count, by: perStatement) {
            let insert = sql.insert(into: M.schema).columns(keys.map(\.description))
            for row in rows[from ..< min(from + perStatement, rows.count)] {
                guard row.map(\.0) == keys else { throw BulkInsertError.columnsDiffer(M.schema) }
                _ = insert.values(try row.map { try expression($0.1, table: M.schema) })
            }
            try await insert.run()
        }
    }

    static func expression(_ value: DatabaseQuery.Value, table: String) throws -> any SQLExpression {
        switch value {
        case .bind(let v): return SQLBind(v)
        case .enumCase(let s): return SQLBind(s)
        case .null, .default: return SQLLiteral.null
        case .dictionary, .array, .custom: throw BulkInsertError.unsupportedValue(table)
        }
    }

    /// Collects a model's fields in declaration order, unset ones included.
    final class OrderedInput: DatabaseInput {
        var fields: [(FieldKey, DatabaseQuery.Value)] = []
        var wantsUnmodifiedKeys: Bool { true }
        func set(_ value: DatabaseQuery.Value, at key: FieldKey) { fields.append((key, value)) }
    }
}

enum BulkInsertError: Error, CustomStringConvertible {
    case columnsDiffer(String)
    case unsupportedValue(String)

    var description: String {
        switch self {
        case .columnsDiffer(let t): "bulk insert into \(t): rows with different columns"
        case .unsupportedValue(let t): "bulk insert into \(t): a nested value"
        }
    }
}
