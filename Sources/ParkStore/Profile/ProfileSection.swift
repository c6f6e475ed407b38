import FluentKit
import Foundation
import ParkDomain

/// One section of an enterprise's profile (一企一档, issue 13 item 7), contributed by a module.
/// A module adds its section by writing a type that conforms and listing it in
/// `ProfileSections.all` under its slot; the profile page, its print view, the JSON export, the
/// API and the CLI render every section from its `ProfileContent` without knowing the module.
public protocol ProfileSection: Sendable {
    /// Stable id, also the anchor on the page and the key in the JSON export (`land`, `permu`).
    var id: String { get }
    var title: Bilingual { get }
    /// The section's content for one enterprise, or nil when the module has nothing on it (the
    /// section is then left out). `context.principal` may read the enterprise (checked before).
    func load(_ context: ProfileContext) async throws -> ProfileContent?
}

/// What a section is given: the database, the clock, the enterprise and who is reading.
public struct ProfileContext: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public let enterprise: Enterprise
    public let enterpriseID: UUID
    public let principal: Principal
    public var today: LocalDate { LocalDate(clock.now()) }
    /// The reader is the enterprise itself (portal wording: "our land").
    public var isOwn: Bool { principal.enterpriseID == enterpriseID }
}

/// A value shown in a section: its text in both languages, the machine value for the JSON
/// export (a code, an ISO date, an amount in yuan), and a console link when it leads somewhere.
public struct ProfileValue: Sendable, Hashable, Codable {
    public var text: Bilingual
    public var raw: String?
    public var link: String?

    public init(_ text: Bilingual, raw: String? = nil, link: String? = nil) { self.text = text; self.raw = raw; self.link = link }
    /// The same text in both languages (a code, a name, a number).
    public init(plain: String, raw: String? = nil, link: String? = nil) { self.init(Bilingual(zh: plain, en: plain), raw: raw, link: link) }

    /// A yuan amount (whole fen) as officials read it: 万元/亿元, M/bn yuan; raw: yuan with two decimals.
    public static func yuan(fen: Int64) -> ProfileValue {
        ProfileValue(Bilingual(zh: FenText.scaled(fen, .zh), en: FenText.scaled(fen, .en)), raw: FenText.yuan(fen))
    }

    /// A US$ amount (cents) as officials read it: 万美元/亿美元 in Chinese, US$ M/bn in English; raw: dollars with two decimals.
    public static func usd(cents: Int64) -> ProfileValue {
        ProfileValue(Bilingual(zh: FenText.scaledUSD(cents, .zh), en: FenText.scaledUSD(cents, .en)), raw: FenText.yuan(cents))
    }

    /// A count, the same in both languages.
    public static func count(_ n: Int) -> ProfileValue { ProfileValue(plain: String(n), raw: String(n)) }

    /// A date, the same in both languages; "—" when there is none.
    public static func date(_ d: LocalDate?) -> ProfileValue { d.map { ProfileValue(plain: $0.iso, raw: $0.iso) } ?? .none }

    public static func yesNo(_ b: Bool) -> ProfileValue {
        ProfileValue(b ? Bilingual(zh: "是", en: "Yes") : Bilingual(zh: "否", en: "No"), raw: b ? "true" : "false")
    }

    public static let none = ProfileValue(plain: "—")
}

/// A labelled value (a line of a facts list).
public struct ProfileFact: Sendable, Hashable, Codable {
    public var label: Bilingual
    public var value: ProfileValue
    public init(_ label: Bilingual, _ value: ProfileValue) { self.label = label; self.value = value }
}

/// A block of a section: a list of facts, a table, or a note.
public struct ProfileBlock: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case facts, table, note }
    public var kind: Kind
    public var title: Bilingual?
    public var facts: [ProfileFact]
    public var columns: [Bilingual]
    /// Which columns hold numbers (right-aligned).
    public var numeric: [Bool]
    public var rows: [[ProfileValue]]
    public var note: Bilingual?

    public static func facts(_ facts: [ProfileFact], title: Bilingual? = nil) -> ProfileBlock {
        ProfileBlock(kind: .facts, title: title, facts: facts, columns: [], numeric: [], rows: [], note: nil)
    }

    public static func table(_ columns: [Bilingual], numeric: [Bool] = [], rows: [[ProfileValue]], title: Bilingual? = nil) -> ProfileBlock {
        ProfileBlock(kind: .table, title: title, facts: [], columns: columns,
                     numeric: numeric.count == columns.count ? numeric : Array(repeating: false, count: columns.count), rows: rows, note: nil)
    }

    public static func note(_ text: Bilingual) -> ProfileBlock {
        ProfileBlock(kind: .note, title: nil, facts: [], columns: [], numeric: [], rows: [], note: text)
    }
}

/// A section's content: its blocks, in order.
public struct ProfileContent: Sendable, Hashable, Codable {
    public var blocks: [ProfileBlock]
    public init(_ blocks: [ProfileBlock]) { self.blocks = blocks }
}

/// An enterprise's whole profile: every section that has something on it.
public struct EnterpriseProfile: Sendable {
    public struct Section: Sendable {
        public var id: String
        public var title: Bilingual
        public var content: ProfileContent
    }

    public var enterprise: Enterprise
    public var generatedAtMillis: Int64
    public var sections: [Section]

    /// The profile of enterprise `id` for `principal`: staff read any, an enterprise user only
    /// its own (another's is 404, as if it did not exist).
    public static func load(db: any Database, clock: ParkClock, enterprise id: UUID, by principal: Principal,
                            sections: [any ProfileSection] = ProfileSections.all) async throws -> EnterpriseProfile {
        guard principal.canRead(enterprise: id), let e = try await EnterpriseRepository(db: db, clock: clock).find(id) else {
            throw DomainError.notFound("enterprise", id: id.uuidString)
        }
        let context = ProfileContext(db: db, clock: clock, enterprise: e, enterpriseID: id, principal: principal)
        var out: [Section] = []
        for s in sections {
            if let content = try await s.load(context), !content.blocks.isEmpty {
                out.append(Section(id: s.id, title: s.title, content: content))
            }
        }
        return EnterpriseProfile(enterprise: e, generatedAtMillis: clock.millis, sections: out)
    }
}
