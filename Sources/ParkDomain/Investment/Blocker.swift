import Foundation

/// A blocker (问题) logged against a project at a stage and assigned to a department. It is
/// escalated to park leadership when it stays open past `escalateOn` (the N-th working day
/// after it was opened, N being data): escalation is a fact of the stored dates, found by a
/// query, not a timer. Its history is a list of events until it is closed.
public struct Blocker: Sendable, Hashable, Codable {
    public var id: UUID
    public var projectID: UUID
    public var stage: ProjectStage
    public var title: String
    public var departmentCode: String
    public var openedOn: LocalDate
    /// The last working day before escalation: open after this day means escalated.
    public var escalateOn: LocalDate
    public var closedOn: LocalDate?
    public var resolution: String?
    public var openedBy: String

    public init(id: UUID, projectID: UUID, stage: ProjectStage, title: String, departmentCode: String, openedOn: LocalDate,
                escalateOn: LocalDate, closedOn: LocalDate? = nil, resolution: String? = nil, openedBy: String) {
        self.id = id; self.projectID = projectID; self.stage = stage; self.title = title; self.departmentCode = departmentCode
        self.openedOn = openedOn; self.escalateOn = escalateOn; self.closedOn = closedOn; self.resolution = resolution; self.openedBy = openedBy
    }

    public var isOpen: Bool { closedOn == nil }

    /// Open and past its escalation day on `today`.
    public func isEscalated(on today: LocalDate) -> Bool { isOpen && today > escalateOn }

    public static let maxTitle = 300
    public static let maxText = 2000

    public static func validate(title: String, departmentCode: String, departments: Set<String>, openedOn: LocalDate, today: LocalDate) throws(DomainError) {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw DomainError.required("title") }
        if t.count > maxTitle { throw DomainError.tooLong("title", max: maxTitle) }
        guard departments.contains(departmentCode) else {
            throw DomainError(code: "unknown_department", field: "department", en: "department '\(departmentCode.prefix(40))' does not exist",
                              zh: "部门“\(departmentCode.prefix(40))”不存在")
        }
        if openedOn > today {
            throw DomainError(code: "future_date", field: "opened_on", en: "opened_on \(openedOn) is after today (\(today))",
                              zh: "登记日期 \(openedOn) 晚于今天（\(today)）")
        }
    }
}

/// One step in a blocker's history.
public struct BlockerEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case opened, note, reassigned, closed

        public var label: Bilingual {
            switch self {
            case .opened: Bilingual(zh: "登记", en: "Opened")
            case .note: Bilingual(zh: "跟进", en: "Follow-up")
            case .reassigned: Bilingual(zh: "转办", en: "Reassigned")
            case .closed: Bilingual(zh: "办结", en: "Closed")
            }
        }
    }
    public var kind: Kind
    public var on: LocalDate
    public var text: String
    public var actor: String
    public var atMillis: Int64
    public init(kind: Kind, on: LocalDate, text: String, actor: String, atMillis: Int64) {
        self.kind = kind; self.on = on; self.text = text; self.actor = actor; self.atMillis = atMillis
    }
}

/// Who may see a confidential project's real investor and names: its task force, the head of
/// the investment promotion bureau, and administrators. Everyone else sees the code name.
public enum ProjectVisibility {
    public static func canSeeRealName(_ p: Principal, confidential: Bool, inTaskForce: Bool) -> Bool {
        !confidential || p.role == .admin || p.isHead(of: StageMove.reviewingDepartment) || inTaskForce
    }

    /// Officers of the investment promotion bureau (and admins) record and move projects.
    public static func requireInvestOfficer(_ p: Principal) throws(DomainError) {
        guard p.role == .admin || (p.role == .officer && p.departmentCode == StageMove.reviewingDepartment) else {
            throw DomainError(.forbidden, code: "forbidden", en: "only officers of the investment promotion bureau may do this",
                              zh: "仅投资促进局工作人员可执行此操作")
        }
    }
}

/// Projects a new one may duplicate: the same project company (credit code), or the same
/// investor with a similar name.
public enum DuplicateCheck {
    /// A name reduced to what tells projects apart: lower case, without spaces, punctuation
    /// and words every project name has (项目, 有限公司, project, co., ltd…).
    public static func normalise(_ name: String) -> String {
        var s = name.lowercased()
        for w in ["有限责任公司", "有限公司", "股份", "项目", "(中国)", "（中国）", "苏州", "suzhou", "project", "company", "co.", "ltd", "limited", "gmbh", "inc"] {
            s = s.replacingOccurrences(of: w, with: "")
        }
        return String(s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Similar: equal or one containing the other once normalised (at least 2 characters), or
    /// a Dice coefficient of character bigrams of at least 0.7.
    public static func similar(_ a: String, _ b: String) -> Bool {
        let x = normalise(a), y = normalise(b)
        guard x.count >= 2, y.count >= 2 else { return false }
        if x == y || x.contains(y) || y.contains(x) { return true }
        return dice(x, y) >= 0.7
    }

    public static func dice(_ a: String, _ b: String) -> Double {
        func bigrams(_ s: String) -> [String: Int] {
            let c = Array(s)
            var out: [String: Int] = [:]
            for i in 0..<max(0, c.count - 1) { out[String(c[i...i + 1]), default: 0] += 1 }
            return out
        }
        let ba = bigrams(a), bb = bigrams(b)
        let total = ba.values.reduce(0, +) + bb.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = ba.reduce(0) { $0 + min($1.value, bb[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }
}
