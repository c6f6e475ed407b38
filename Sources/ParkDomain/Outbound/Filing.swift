import Foundation

/// Where a filing stands: drafted → submitted → granted or refused; a granted commerce
/// certificate lapses when no investment follows in time; a refused filing may be drafted again.
public enum FilingState: String, Sendable, Codable, CaseIterable {
    case drafted, submitted, granted, refused, lapsed

    public var label: Bilingual {
        switch self {
        case .drafted: Bilingual(zh: "准备中", en: "Drafted")
        case .submitted: Bilingual(zh: "已提交", en: "Submitted")
        case .granted: Bilingual(zh: "已取得", en: "Granted")
        case .refused: Bilingual(zh: "未通过", en: "Refused")
        case .lapsed: Bilingual(zh: "已失效", en: "Lapsed")
        }
    }

    /// The firm still has to act or wait: drafted or submitted.
    public var isOpen: Bool { self == .drafted || self == .submitted }
}

/// One document of a filing's checklist and whether the platform has it.
public struct FilingDocumentStatus: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    public var received: Bool
    public init(code: String, name: Bilingual, received: Bool = false) { self.code = code; self.name = name; self.received = received }
}

/// A filing a project needs, as a dated obligation: its checklist, its clock on the working
/// calendar, its state, and (for a commerce certificate) the day it lapses.
public struct Filing: Sendable, Hashable, Codable {
    public var id: UUID?
    public var projectID: UUID
    public var enterpriseID: UUID
    public var kind: FilingKind
    public var authority: FilingAuthority
    public var state: FilingState
    public var documents: [FilingDocumentStatus]
    /// Why the checker asked for it, and under which rules.
    public var reasons: [Bilingual]
    public var references: [LegalReference]
    public var ruleSet: String
    public var ruleVersion: Int
    public var clockWorkingDays: Int?
    public var draftedOn: LocalDate
    public var submittedOn: LocalDate?
    /// The authority's answer is due by this day (submitted + clock, in working days).
    public var dueOn: LocalDate?
    public var decidedOn: LocalDate?
    public var certificateNumber: String?
    /// For a commerce certificate: the day it lapses unless investment has been made by then.
    public var lapsesOn: LocalDate?
    public var refusalReason: String?

    public init(id: UUID? = nil, projectID: UUID, enterpriseID: UUID, requirement: FilingRequirement, ruleSet: String, ruleVersion: Int,
                draftedOn: LocalDate) {
        self.id = id; self.projectID = projectID; self.enterpriseID = enterpriseID; kind = requirement.kind
        authority = requirement.authority; state = .drafted
        documents = requirement.documents.map { FilingDocumentStatus(code: $0.code, name: $0.name) }
        reasons = requirement.reasons; references = requirement.references; self.ruleSet = ruleSet; self.ruleVersion = ruleVersion
        clockWorkingDays = requirement.clockWorkingDays; self.draftedOn = draftedOn
    }

    public var missingDocuments: [FilingDocumentStatus] { documents.filter { !$0.received } }
}

/// The moves of a filing and their checks (each refusal names its field).
public enum FilingMoves {
    static func notAfterToday(_ date: LocalDate, _ field: String, today: LocalDate) throws(DomainError) {
        if date > today {
            throw DomainError(code: "future_date", field: field, en: "\(field) \(date) is after today (\(today))", zh: "\(field) \(date) 晚于今天（\(today)）")
        }
    }

    /// Marks documents received (or not) by code; unknown codes are refused.
    public static func setDocuments(_ f: Filing, received: [String: Bool]) throws(DomainError) -> Filing {
        guard f.state == .drafted || f.state == .submitted else {
            throw DomainError(.conflict, code: "filing_closed", field: "state", en: "the filing is \(f.state.label.en.lowercased()); its checklist is closed",
                              zh: "该备案已\(f.state.label.zh)，材料清单不可再改")
        }
        var out = f
        for (code, got) in received {
            guard let i = out.documents.firstIndex(where: { $0.code == code }) else {
                throw DomainError(code: "unknown_document", field: "documents", en: "'\(code.prefix(40))' is not on this filing's checklist",
                                  zh: "“\(code.prefix(40))”不在本备案的材料清单中")
            }
            out.documents[i].received = got
        }
        return out
    }

    /// Submits a complete filing on `date`; the clock starts: due = date + clock working days.
    public static func submit(_ f: Filing, on date: LocalDate, today: LocalDate, calendar: WorkingCalendar) throws(DomainError) -> Filing {
        guard f.state == .drafted else { throw invalidMove(f.state, .submitted) }
        try notAfterToday(date, "submitted_on", today: today)
        if date < f.draftedOn {
            throw DomainError(code: "submitted_before_drafted", field: "submitted_on", en: "the filing cannot be submitted on \(date), before it was drafted on \(f.draftedOn)",
                              zh: "提交日期 \(date) 早于建档日期 \(f.draftedOn)")
        }
        let missing = f.missingDocuments
        if !missing.isEmpty {
            throw DomainError(code: "documents_missing", field: "documents",
                              en: "still missing: " + missing.map(\.name.en).joined(separator: "; "),
                              zh: "尚缺材料：" + missing.map(\.name.zh).joined(separator: "；"))
        }
        var out = f
        out.state = .submitted; out.submittedOn = date
        out.dueOn = f.clockWorkingDays.map { calendar.adding(workingDays: $0, to: date) }
        return out
    }

    /// Records the authority's grant on `date` (never before the submission); a commerce
    /// certificate starts its lapse clock.
    public static func grant(_ f: Filing, on date: LocalDate, certificate: String?, today: LocalDate, lapseYears: Int) throws(DomainError) -> Filing {
        guard f.state == .submitted, let submitted = f.submittedOn else {
            throw DomainError(.conflict, code: "not_submitted", field: "state",
                              en: "a filing is granted only after it was submitted; this one is \(f.state.label.en.lowercased())",
                              zh: "备案须先提交才能取得；该备案目前为“\(f.state.label.zh)”")
        }
        try notAfterToday(date, "decided_on", today: today)
        if date < submitted {
            throw DomainError(code: "decided_before_submitted", field: "decided_on",
                              en: "the filing cannot be granted on \(date), before it was submitted on \(submitted)",
                              zh: "取得日期 \(date) 早于提交日期 \(submitted)")
        }
        if let c = certificate, c.count > 60 { throw .tooLong("certificate_number", max: 60) }
        var out = f
        out.state = .granted; out.decidedOn = date
        out.certificateNumber = certificate.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if f.kind.issuesCertificate { out.lapsesOn = date.adding(years: lapseYears) }
        return out
    }

    /// Records a refusal with its reason.
    public static func refuse(_ f: Filing, on date: LocalDate, reason: String, today: LocalDate) throws(DomainError) -> Filing {
        guard f.state == .submitted, let submitted = f.submittedOn else { throw invalidMove(f.state, .refused) }
        try notAfterToday(date, "decided_on", today: today)
        if date < submitted {
            throw DomainError(code: "decided_before_submitted", field: "decided_on",
                              en: "the filing cannot be refused on \(date), before it was submitted on \(submitted)", zh: "决定日期 \(date) 早于提交日期 \(submitted)")
        }
        let r = reason.trimmingCharacters(in: .whitespaces)
        if r.count < 5 { throw DomainError(code: "reason_required", field: "reason", en: "say why it was refused (at least 5 characters)", zh: "请说明未通过的原因（至少 5 个字）") }
        if r.count > 500 { throw .tooLong("reason", max: 500) }
        var out = f
        out.state = .refused; out.decidedOn = date; out.refusalReason = r
        return out
    }

    /// A refused filing drafted again on `date`: checklist kept, clock and decision cleared.
    public static func redraft(_ f: Filing, on date: LocalDate) throws(DomainError) -> Filing {
        guard f.state == .refused else { throw invalidMove(f.state, .drafted) }
        var out = f
        out.state = .drafted; out.draftedOn = date; out.submittedOn = nil; out.dueOn = nil; out.decidedOn = nil
        return out
    }

    /// Whether a granted certificate has lapsed by `today`: its lapse day has passed and no
    /// investment was made (funds remitted) by then.
    public static func hasLapsed(_ f: Filing, remittedOn: LocalDate?, today: LocalDate) -> Bool {
        guard f.state == .granted, let last = f.lapsesOn else { return false }
        if let r = remittedOn, r <= last { return false }
        return today > last
    }

    /// The certificate may back a remittance on `date` only while it is valid.
    public static func requireValidCertificate(_ f: Filing?, on date: LocalDate) throws(DomainError) {
        guard let f, f.state == .granted || f.state == .lapsed else {
            throw DomainError(.conflict, code: "no_certificate", field: "stage",
                              en: "funds are remitted only with an ODI certificate (a granted commerce filing or approval)",
                              zh: "须先取得《企业境外投资证书》（商务部门备案或核准）方可汇出资金")
        }
        // By dates, not by the lapsed mark: a remittance recorded late but made in time stands.
        if let last = f.lapsesOn, date > last {
            throw DomainError(.conflict, code: "certificate_lapsed", field: "remitted_on",
                              en: "the ODI certificate lapsed on \(f.lapsesOn?.iso ?? "-") with no investment made; file again before remitting funds",
                              zh: "《企业境外投资证书》已于 \(f.lapsesOn?.iso ?? "-") 失效（期间未开展投资），须重新备案后方可汇出资金")
        }
    }

    static func invalidMove(_ from: FilingState, _ to: FilingState) -> DomainError {
        DomainError(.conflict, code: "invalid_filing_move", field: "state",
                    en: "a filing cannot move from \(from.label.en.lowercased()) to \(to.label.en.lowercased())",
                    zh: "备案不能从“\(from.label.zh)”变为“\(to.label.zh)”")
    }
}
