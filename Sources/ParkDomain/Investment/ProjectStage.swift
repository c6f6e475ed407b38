import Foundation

/// Where an investment project stands in the promotion pipeline. Projects move one stage at a
/// time (lead → pitched → negotiating → signed → registered → construction → production), or
/// are dropped from any stage before production with a reason from `DropReason`.
public enum ProjectStage: String, Sendable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
    case lead, pitched, negotiating, signed, registered, construction, production, dropped

    /// The stages of the pipeline in order (without `dropped`).
    public static let pipeline: [ProjectStage] = [.lead, .pitched, .negotiating, .signed, .registered, .construction, .production]

    public var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: ProjectStage, b: ProjectStage) -> Bool { a.order < b.order }

    /// The stage after this one (nil for production and dropped).
    public var next: ProjectStage? {
        guard let i = Self.pipeline.firstIndex(of: self), i + 1 < Self.pipeline.count else { return nil }
        return Self.pipeline[i + 1]
    }

    /// Production and dropped end the pipeline.
    public var isFinal: Bool { self == .production || self == .dropped }

    /// Has the project got at least as far as `stage` (dropped counts as nowhere)?
    public func reached(_ stage: ProjectStage) -> Bool { self != .dropped && self >= stage }

    public var label: Bilingual {
        switch self {
        case .lead: Bilingual(zh: "客商", en: "Lead")
        case .pitched: Bilingual(zh: "推介", en: "Pitched")
        case .negotiating: Bilingual(zh: "在谈", en: "Negotiating")
        case .signed: Bilingual(zh: "签约", en: "Signed")
        case .registered: Bilingual(zh: "注册", en: "Registered")
        case .construction: Bilingual(zh: "开工", en: "Construction")
        case .production: Bilingual(zh: "投产", en: "Production")
        case .dropped: Bilingual(zh: "终止", en: "Dropped")
        }
    }

    /// Checks a move from `self` to `to`: only to the next stage, or to dropped from a stage
    /// that is not final. A skip names the stages in between (`stage_skipped`, field `to_stage`).
    public func checkMove(to: ProjectStage) throws(DomainError) {
        if isFinal {
            throw DomainError(.conflict, code: "stage_final", field: "to_stage",
                              en: "the project is \(label.en.lowercased()): it moves no further",
                              zh: "项目已\(label.zh)，不能再变更阶段")
        }
        if to == .dropped || to == next { return }
        if to > self, to != .dropped {
            let between = Self.pipeline.filter { $0 > self && $0 < to }
            throw DomainError(.conflict, code: "stage_skipped", field: "to_stage",
                              en: "a project moves one stage at a time: from \(label.en.lowercased()) to \(to.label.en.lowercased()) it must pass \(between.map { $0.label.en.lowercased() }.joined(separator: ", ")) first",
                              zh: "项目须逐级推进：从“\(label.zh)”到“\(to.label.zh)”须先经过\(between.map { "“\($0.label.zh)”" }.joined(separator: "、"))")
        }
        throw DomainError(.conflict, code: "stage_backwards", field: "to_stage",
                          en: "a project cannot go back from \(label.en.lowercased()) to \(to.label.en.lowercased())",
                          zh: "项目不能从“\(label.zh)”退回“\(to.label.zh)”")
    }
}

/// Why a project was dropped (a list, so the statistics can count them).
public enum DropReason: String, Sendable, Codable, CaseIterable {
    case investorWithdrew = "investor_withdrew"
    case wentElsewhere = "went_elsewhere"
    case landUnavailable = "land_unavailable"
    case policyMismatch = "policy_mismatch"
    case financing
    case environmental
    case duplicate
    case other

    public var label: Bilingual {
        switch self {
        case .investorWithdrew: Bilingual(zh: "投资方放弃", en: "Investor withdrew")
        case .wentElsewhere: Bilingual(zh: "落户其他地区", en: "Went to another location")
        case .landUnavailable: Bilingual(zh: "用地无法满足", en: "Land not available")
        case .policyMismatch: Bilingual(zh: "不符合产业政策", en: "Does not fit industrial policy")
        case .financing: Bilingual(zh: "资金问题", en: "Financing")
        case .environmental: Bilingual(zh: "环评未通过", en: "Environmental assessment")
        case .duplicate: Bilingual(zh: "重复登记", en: "Duplicate entry")
        case .other: Bilingual(zh: "其他", en: "Other")
        }
    }

    public static func parse(_ raw: String, field: String = "drop_reason") throws(DomainError) -> DropReason {
        guard let r = DropReason(rawValue: raw) else {
            throw DomainError(code: "invalid_value", field: field,
                              en: "\(field) must be one of \(allCases.map(\.rawValue).joined(separator: ", "))",
                              zh: "\(field) 须为以下之一：\(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return r
    }
}

/// A proposed stage move and what the bureau head made of it.
public enum ReviewState: String, Sendable, Codable, CaseIterable {
    case pending, approved, sentBack = "sent_back"

    public var label: Bilingual {
        switch self {
        case .pending: Bilingual(zh: "待审核", en: "Pending review")
        case .approved: Bilingual(zh: "已批准", en: "Approved")
        case .sentBack: Bilingual(zh: "已退回", en: "Sent back")
        }
    }
}

/// A stage move of a project: proposed by an officer with the date the stage was reached,
/// approved or sent back (with a comment) by the head of the investment promotion bureau.
/// The project's stage changes only when the head approves.
public struct StageMove: Sendable, Hashable, Codable {
    public var id: UUID
    public var projectID: UUID
    public var fromStage: ProjectStage
    public var toStage: ProjectStage
    /// The date the project reached `toStage` (as the officer records it).
    public var effectiveOn: LocalDate
    public var dropReason: DropReason?
    public var note: String
    public var proposedBy: String
    public var proposedAtMillis: Int64
    public var state: ReviewState
    public var reviewedBy: String?
    public var reviewedAtMillis: Int64?
    public var reviewComment: String?

    public init(id: UUID, projectID: UUID, fromStage: ProjectStage, toStage: ProjectStage, effectiveOn: LocalDate,
                dropReason: DropReason? = nil, note: String = "", proposedBy: String, proposedAtMillis: Int64,
                state: ReviewState = .pending, reviewedBy: String? = nil, reviewedAtMillis: Int64? = nil, reviewComment: String? = nil) {
        self.id = id; self.projectID = projectID; self.fromStage = fromStage; self.toStage = toStage
        self.effectiveOn = effectiveOn; self.dropReason = dropReason; self.note = note; self.proposedBy = proposedBy
        self.proposedAtMillis = proposedAtMillis; self.state = state; self.reviewedBy = reviewedBy
        self.reviewedAtMillis = reviewedAtMillis; self.reviewComment = reviewComment
    }

    /// The department whose head reviews stage moves.
    public static let reviewingDepartment = "invest"
    public static let maxNoteLength = 1000

    /// Checks a proposal against the project as it stands: the move is allowed, a drop has a
    /// reason, the date is not in the future nor before the project's current stage began.
    public static func validateProposal(from: ProjectStage, to: ProjectStage, effectiveOn: LocalDate, stageSince: LocalDate,
                                        dropReason: DropReason?, note: String, today: LocalDate) throws(DomainError) {
        try from.checkMove(to: to)
        if to == .dropped && dropReason == nil { throw DomainError.required("drop_reason") }
        if effectiveOn > today {
            throw DomainError(code: "future_date", field: "effective_on", en: "effective_on \(effectiveOn) is after today (\(today))",
                              zh: "阶段日期 \(effectiveOn) 晚于今天（\(today)）")
        }
        if effectiveOn < stageSince {
            throw DomainError(code: "date_before_stage", field: "effective_on",
                              en: "effective_on \(effectiveOn) is before the project reached its current stage on \(stageSince)",
                              zh: "阶段日期 \(effectiveOn) 早于项目进入当前阶段的日期 \(stageSince)")
        }
        if note.count > maxNoteLength { throw DomainError.tooLong("note", max: maxNoteLength) }
    }

    /// Only the head of the investment promotion bureau (or an admin) reviews; a send-back
    /// needs a comment.
    public static func validateReview(by reviewer: Principal, approve: Bool, comment: String) throws(DomainError) {
        guard reviewer.isHead(of: reviewingDepartment) else {
            throw DomainError(.forbidden, code: "not_bureau_head", field: "reviewer",
                              en: "only the head of the investment promotion bureau reviews stage moves",
                              zh: "阶段变更须由投资促进局负责人审核")
        }
        if !approve && comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw DomainError.required("comment") }
        if comment.count > maxNoteLength { throw DomainError.tooLong("comment", max: maxNoteLength) }
    }
}
