import Foundation

/// What `parkos audit reconcile` found: each audited table's rows compared with the after-state
/// of their latest audit entries. A row changed, added or removed by SQL outside ParkOS leaves
/// no audit entry, so it no longer matches.
public struct AuditReconciliation: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The row differs from its latest entry's after-state (or exists though that entry deleted it).
        case changed
        /// The row has no audit entry at all.
        case notAudited = "not_audited"
        /// The latest entry leaves the row in place, but it is gone.
        case deletedOutside = "deleted_outside"
    }

    public struct Finding: Sendable, Equatable, Codable {
        public var kind: Kind
        public var entityType: String
        public var entityID: String
        /// The audit entry the row was compared with (nil when there is none).
        public var seq: Int?
        /// The fields whose values differ.
        public var fields: [String]
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case kind, seq, fields, note
            case entityType = "entity_type", entityID = "entity_id"
        }

        public init(kind: Kind, entityType: String, entityID: String, seq: Int?, fields: [String] = [], note: String? = nil) {
            self.kind = kind; self.entityType = entityType; self.entityID = entityID; self.seq = seq
            self.fields = fields; self.note = note
        }
    }

    public struct Table: Sendable, Equatable, Codable {
        public var entityType: String
        public var table: String
        /// Rows compared (for versioned tables, each version is a row).
        public var rows = 0
        public var matching = 0
        public var changed = 0
        public var notAudited = 0
        public var deletedOutside = 0
        /// Whether a row without an entry is a finding. False where rows are legitimately
        /// loaded without entries (the demo bulk-loads yearly reports): they are counted only.
        public var notAuditedIsFinding: Bool

        enum CodingKeys: String, CodingKey {
            case table, rows, matching, changed
            case entityType = "entity_type", notAudited = "not_audited", deletedOutside = "deleted_outside"
            case notAuditedIsFinding = "not_audited_is_finding"
        }

        public init(entityType: String, table: String, notAuditedIsFinding: Bool) {
            self.entityType = entityType; self.table = table; self.notAuditedIsFinding = notAuditedIsFinding
        }

        public var isClean: Bool { changed == 0 && deletedOutside == 0 && (!notAuditedIsFinding || notAudited == 0) }
    }

    public var tables: [Table]
    /// The first findings (at most the limit asked for); the counts in `tables` are complete.
    public var findings: [Finding]
    public var findingsOmitted: Int

    enum CodingKeys: String, CodingKey {
        case tables, findings
        case findingsOmitted = "findings_omitted"
    }

    public init(tables: [Table] = [], findings: [Finding] = [], findingsOmitted: Int = 0) {
        self.tables = tables; self.findings = findings; self.findingsOmitted = findingsOmitted
    }

    public var isClean: Bool { tables.allSatisfy(\.isClean) }
}
