import Foundation

/// Where a request stands (State Council 2020 No. 53: accept → dispatch → handle → reply →
/// supervise → close → call back → evaluate).
public enum RequestState: String, Sendable, Codable, CaseIterable {
    /// Received, waiting for the dispatcher (new, or returned by a department as misrouted).
    case submitted
    /// Sent to the lead department, which has not accepted it yet.
    case dispatched
    /// Accepted: the lead (and its task force) work on it.
    case inProgress = "in_progress"
    /// The park asked the enterprise something; clocks are paused until it answers.
    case awaitingEnterprise = "awaiting_enterprise"
    /// The lead has answered; the enterprise confirms or rejects.
    case replied
    /// Confirmed by the enterprise (or closed by the park after the confirmation period).
    case closed

    public var isOpen: Bool { self != .closed }
    /// The park still owes work (the enterprise's confirmation is not the park's work).
    public var isParkWork: Bool { [.submitted, .dispatched, .inProgress].contains(self) }

    public var label: Bilingual {
        switch self {
        case .submitted: Bilingual(zh: "待分派", en: "Awaiting dispatch")
        case .dispatched: Bilingual(zh: "待受理", en: "Awaiting acceptance")
        case .inProgress: Bilingual(zh: "办理中", en: "In progress")
        case .awaitingEnterprise: Bilingual(zh: "待企业补充", en: "Waiting for the enterprise")
        case .replied: Bilingual(zh: "已答复待确认", en: "Answered, awaiting confirmation")
        case .closed: Bilingual(zh: "已办结", en: "Closed")
        }
    }
}

/// How pressing the enterprise says the request is.
public enum Urgency: String, Sendable, Codable, CaseIterable {
    case normal, urgent, critical
    public var label: Bilingual {
        switch self {
        case .normal: Bilingual(zh: "一般", en: "Normal")
        case .urgent: Bilingual(zh: "紧急", en: "Urgent")
        case .critical: Bilingual(zh: "特急（影响生产）", en: "Critical (production stopped)")
        }
    }
}

/// How the request reached the park.
public enum RequestChannel: String, Sendable, Codable, CaseIterable {
    case portal, visit, phone
    case hotline = "hotline_12345"
    case businessCentre = "business_centre"
    case open311

    public var label: Bilingual {
        switch self {
        case .portal: Bilingual(zh: "企业门户", en: "Portal")
        case .visit: Bilingual(zh: "走访", en: "Visit")
        case .phone: Bilingual(zh: "电话", en: "Phone")
        case .hotline: Bilingual(zh: "12345 热线转办", en: "12345 hotline transfer")
        case .businessCentre: Bilingual(zh: "中新企业服务中心", en: "China–Singapore business centre")
        case .open311: Bilingual(zh: "Open311 接口", en: "Open311 API")
        }
    }
}

/// A request as written by the enterprise (or by an officer on its behalf), before it is stored.
public struct RequestDraft: Sendable, Codable, Hashable {
    public var enterpriseID: UUID
    public var categoryCode: String
    public var title: String
    public var description: String
    public var urgency: Urgency
    public var channel: RequestChannel
    public var contactName: String
    public var contactPhone: String

    public init(enterpriseID: UUID, categoryCode: String, title: String, description: String, urgency: Urgency = .normal,
                channel: RequestChannel = .portal, contactName: String, contactPhone: String) {
        self.enterpriseID = enterpriseID; self.categoryCode = categoryCode; self.title = title
        self.description = description; self.urgency = urgency; self.channel = channel
        self.contactName = contactName; self.contactPhone = contactPhone
    }

    public static let maxTitle = 200, maxDescription = 10_000, maxContact = 100

    /// Trims the text and refuses what is missing or too long, naming the field.
    public func validated() throws(DomainError) -> RequestDraft {
        var d = self
        d.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        d.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        d.contactName = contactName.trimmingCharacters(in: .whitespacesAndNewlines)
        d.contactPhone = contactPhone.trimmingCharacters(in: .whitespacesAndNewlines)
        try ServiceText.check(d.title, field: "title", max: Self.maxTitle)
        try ServiceText.check(d.description, field: "description", max: Self.maxDescription)
        try ServiceText.check(d.contactName, field: "contact_name", max: Self.maxContact)
        try ServiceText.check(d.contactPhone, field: "contact_phone", max: 40)
        guard d.contactPhone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) else {
            throw DomainError(code: "invalid_phone", field: "contact_phone", en: "a phone number has digits, spaces and + - ( ) only",
                              zh: "联系电话只能包含数字、空格和 + - ( )")
        }
        return d
    }
}

/// Checks on free text from outside.
public enum ServiceText {
    /// Refuses empty (after trimming) or longer than `max` characters.
    public static func check(_ text: String, field: String, max: Int) throws(DomainError) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw DomainError.required(field) }
        if t.count > max { throw DomainError.tooLong(field, max: max) }
    }
}

/// A department's part of a request in a task force (工作专班).
public enum SubtaskState: String, Sendable, Codable, CaseIterable {
    case assigned
    case accepted
    case done

    public var label: Bilingual {
        switch self {
        case .assigned: Bilingual(zh: "待接收", en: "Assigned")
        case .accepted: Bilingual(zh: "办理中", en: "In progress")
        case .done: Bilingual(zh: "已完成", en: "Done")
        }
    }
}

/// A message in a request's thread. Public messages and events are what the enterprise sees;
/// internal notes stay among the departments.
public enum MessageKind: String, Sendable, Codable, CaseIterable {
    /// From the enterprise, or from the park to the enterprise.
    case publicMessage = "public"
    /// Among officers only (the task force's notes).
    case internalNote = "internal"
    /// A question to the enterprise (pauses the clocks).
    case question
    /// The lead's answer (the one reply).
    case reply
    /// Something happened (accepted, returned, task force formed, confirmed, …); `visibleToEnterprise` says who sees it.
    case event

    public var label: Bilingual {
        switch self {
        case .publicMessage: Bilingual(zh: "留言", en: "Message")
        case .internalNote: Bilingual(zh: "内部备注", en: "Internal note")
        case .question: Bilingual(zh: "请企业补充", en: "Question to the enterprise")
        case .reply: Bilingual(zh: "答复", en: "Answer")
        case .event: Bilingual(zh: "进展", en: "Progress")
        }
    }
}

/// A rating of the resolution by the requesting enterprise: 1–5 and a comment.
public struct ServiceRating: Sendable, Codable, Hashable {
    public var stars: Int
    public var comment: String

    public init(stars: Int, comment: String) throws(DomainError) {
        guard (1...5).contains(stars) else {
            throw DomainError(code: "out_of_range", field: "rating", en: "a rating is 1 to 5", zh: "评分须为 1 至 5")
        }
        let c = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if c.count > 2000 { throw DomainError.tooLong("comment", max: 2000) }
        self.stars = stars; self.comment = c
    }

    /// 4 and 5 count as satisfied (the satisfaction rate's numerator).
    public var satisfied: Bool { stars >= 4 }
}
