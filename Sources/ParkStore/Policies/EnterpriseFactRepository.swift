import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The facts enterprises (or officers for them) supply as data, for the policies: certifications
/// and headquarters tier (year 0: not yearly), and per year fixed-asset investment and newly
/// utilised foreign investment (`PolicyFactText.supplied`). Stored as text (`PolicyFactText`),
/// audited; an enterprise user may supply only its own.
public struct EnterpriseFactRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "enterprise_fact"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// One supplied value.
    public struct Entry: Sendable, Hashable {
        public var fact: String
        /// 0 for facts that are not yearly.
        public var year: Int
        public var value: PolicyFactValue
        public var text: String
        public var updatedBy: String
    }

    /// Whether `fact` is kept per year.
    public static func isYearly(_ fact: PolicyFact) -> Bool { fact.source == .yearly }

    public func entries(enterprise: UUID) async throws -> [Entry] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("""
            SELECT fact, year, value, updated_by FROM enterprise_facts WHERE enterprise_id = \(bind: enterprise) ORDER BY fact, year DESC
            """).all()
        return try rows.compactMap { r in
            let name = try r.decode(column: "fact", as: String.self), text = try r.decode(column: "value", as: String.self)
            guard let fact = PolicyFactCatalogue.builtIn[name], let v = try? PolicyFactText.parse(text, fact: fact) else { return nil }
            return Entry(fact: name, year: try r.decode(column: "year", as: Int.self), value: v, text: text,
                         updatedBy: try r.decode(column: "updated_by", as: String.self))
        }
    }

    /// Sets (or with an empty `text`, clears) `fact` of `enterprise` for `year` (ignored for facts
    /// that are not yearly).
    public func set(enterprise: UUID, fact name: String, year: Int?, text: String, by principal: Principal) async throws {
        guard principal.canRead(enterprise: enterprise) else { throw DomainError.notFound("enterprise", id: enterprise.uuidString) }
        guard PolicyFactText.supplied.contains(name), let fact = PolicyFactCatalogue.builtIn[name] else {
            throw DomainError(code: "not_supplied", field: "fact",
                              en: "\(name) is not a supplied fact (one of \(PolicyFactText.supplied.joined(separator: ", ")))",
                              zh: "\(name) 不是可填报的数据项")
        }
        let y = Self.isYearly(fact) ? (year ?? 0) : 0
        if Self.isYearly(fact), !(1990...2100).contains(y) {
            throw DomainError(code: "out_of_range", field: "year", en: "\(name) needs a year between 1990 and 2100", zh: "\(fact.label.zh) 须注明年度（1990–2100）")
        }
        let clear = text.trimmingCharacters(in: .whitespaces).isEmpty
        let value = clear ? nil : PolicyFactText.text(try PolicyFactText.parse(text, fact: fact), fact: fact)
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            let sql = tx as! any SQLDatabase
            let before = try await sql.raw("""
                SELECT value FROM enterprise_facts WHERE enterprise_id = \(bind: enterprise) AND fact = \(bind: name) AND year = \(bind: y)
                """).first()?.decode(column: "value", as: String.self)
            try await sql.raw("""
                DELETE FROM enterprise_facts WHERE enterprise_id = \(bind: enterprise) AND fact = \(bind: name) AND year = \(bind: y)
                """).run()
            if let value {
                try await sql.raw("""
                    INSERT INTO enterprise_facts (enterprise_id, fact, year, value, updated_by, updated_at_ms)
                    VALUES (\(bind: enterprise), \(bind: name), \(bind: y), \(bind: value), \(bind: principal.name), \(bind: clock.millis))
                    """).run()
            }
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: value == nil ? "clear" : "set", entityType: Self.entityType,
                                                            entityID: "\(enterprise.uuidString)/\(name)/\(y)",
                                                            before: before.map { ["value": $0] }, after: value.map { ["value": $0] })
        }
    }
}
