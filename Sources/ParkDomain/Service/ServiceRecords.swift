import Foundation

/// A stored request, as the rest of the system reads it.
public struct ServiceRequest: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    /// The number people quote (诉求编号), shown as `reference`.
    public var number: Int
    public var enterpriseID: UUID
    public var categoryCode: String
    public var leadDepartment: String
    public var title: String
    public var description: String
    public var urgency: Urgency
    public var channel: RequestChannel
    public var contactName: String
    public var contactPhone: String
    public var state: RequestState
    public var receivedOn: LocalDate
    public var acceptedOn: LocalDate?
    public var acceptedInTime: Bool?
    public var firstReplyOn: LocalDate?
    public var firstReplyInTime: Bool?
    public var repliedOn: LocalDate?
    public var resolvedInTime: Bool?
    public var closedOn: LocalDate?
    public var reopenedCount: Int
    public var rating: Int?
    public var ratingComment: String?
    public var precedent: Bool
    public var precedentTitle: String?
    /// The current deadline (the running clock's due day); nil while paused or when done.
    public var dueOn: LocalDate?
    public var createdBy: String
    public var createdAtMillis: Int64
    /// When the request last changed (state, clocks, thread); nil for a record from before it was kept.
    public var updatedAtMillis: Int64?

    public init(id: UUID, number: Int, enterpriseID: UUID, categoryCode: String, leadDepartment: String, title: String,
                description: String, urgency: Urgency, channel: RequestChannel, contactName: String, contactPhone: String,
                state: RequestState, receivedOn: LocalDate, acceptedOn: LocalDate? = nil, acceptedInTime: Bool? = nil,
                firstReplyOn: LocalDate? = nil, firstReplyInTime: Bool? = nil, repliedOn: LocalDate? = nil,
                resolvedInTime: Bool? = nil, closedOn: LocalDate? = nil, reopenedCount: Int = 0, rating: Int? = nil,
                ratingComment: String? = nil, precedent: Bool = false, precedentTitle: String? = nil, dueOn: LocalDate? = nil,
                createdBy: String, createdAtMillis: Int64, updatedAtMillis: Int64? = nil) {
        self.id = id; self.number = number; self.enterpriseID = enterpriseID; self.categoryCode = categoryCode
        self.leadDepartment = leadDepartment; self.title = title; self.description = description; self.urgency = urgency
        self.channel = channel; self.contactName = contactName; self.contactPhone = contactPhone; self.state = state
        self.receivedOn = receivedOn; self.acceptedOn = acceptedOn; self.acceptedInTime = acceptedInTime
        self.firstReplyOn = firstReplyOn; self.firstReplyInTime = firstReplyInTime; self.repliedOn = repliedOn
        self.resolvedInTime = resolvedInTime; self.closedOn = closedOn; self.reopenedCount = reopenedCount
        self.rating = rating; self.ratingComment = ratingComment; self.precedent = precedent
        self.precedentTitle = precedentTitle; self.dueOn = dueOn; self.createdBy = createdBy; self.createdAtMillis = createdAtMillis
        self.updatedAtMillis = updatedAtMillis
    }

    /// "SR-000123": the number as people quote it.
    public var reference: String { Self.reference(number) }
    public static func reference(_ number: Int) -> String { String(format: "SR-%06d", number) }
}

/// A department's part of a task force.
public struct Subtask: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    public var requestID: UUID
    public var department: String
    public var assigneeID: UUID?
    public var assigneeName: String?
    public var state: SubtaskState
    public var instructions: String
    public var result: String?
    public var limitDays: Int
    public var dueOn: LocalDate?
    public var doneOn: LocalDate?

    public init(id: UUID, requestID: UUID, department: String, assigneeID: UUID? = nil, assigneeName: String? = nil,
                state: SubtaskState, instructions: String, result: String? = nil, limitDays: Int, dueOn: LocalDate? = nil,
                doneOn: LocalDate? = nil) {
        self.id = id; self.requestID = requestID; self.department = department; self.assigneeID = assigneeID
        self.assigneeName = assigneeName; self.state = state; self.instructions = instructions; self.result = result
        self.limitDays = limitDays; self.dueOn = dueOn; self.doneOn = doneOn
    }
}

/// One entry of a request's thread.
public struct ThreadMessage: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    public var subtaskID: UUID?
    public var kind: MessageKind
    /// Shown to the enterprise.
    public var visible: Bool
    public var authorName: String
    public var authorRole: Role
    public var department: String?
    public var body: String
    public var atMillis: Int64

    public init(id: UUID, subtaskID: UUID? = nil, kind: MessageKind, visible: Bool, authorName: String, authorRole: Role,
                department: String? = nil, body: String, atMillis: Int64) {
        self.id = id; self.subtaskID = subtaskID; self.kind = kind; self.visible = visible; self.authorName = authorName
        self.authorRole = authorRole; self.department = department; self.body = body; self.atMillis = atMillis
    }
}

/// A clock as stored, with what it belongs to.
public struct StoredClock: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    public var requestID: UUID
    public var subtaskID: UUID?
    public var department: String
    public var clock: ServiceClock
    /// Escalation level reached: 0 none, 1 warned, 2 overdue (head), 3 leadership.
    public var level: Int
    /// An extension asked for and not yet decided.
    public var pendingExtension: PendingExtension?

    public init(id: UUID, requestID: UUID, subtaskID: UUID?, department: String, clock: ServiceClock, level: Int,
                pendingExtension: PendingExtension? = nil) {
        self.id = id; self.requestID = requestID; self.subtaskID = subtaskID; self.department = department
        self.clock = clock; self.level = level; self.pendingExtension = pendingExtension
    }
}

/// An extension waiting for the lead's approval.
public struct PendingExtension: Sendable, Codable, Hashable {
    public var days: Int
    public var reason: String
    public var requestedBy: String
    public init(days: Int, reason: String, requestedBy: String) { self.days = days; self.reason = reason; self.requestedBy = requestedBy }
}

/// An attachment's description (the bytes are read separately, by those who may).
public struct AttachmentInfo: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    public var requestID: UUID
    public var internalOnly: Bool
    public var filename: String
    public var contentType: String
    public var sizeBytes: Int
    public var sha256: String
    public var uploadedBy: String
    public var atMillis: Int64

    public init(id: UUID, requestID: UUID, internalOnly: Bool, filename: String, contentType: String, sizeBytes: Int,
                sha256: String, uploadedBy: String, atMillis: Int64) {
        self.id = id; self.requestID = requestID; self.internalOnly = internalOnly; self.filename = filename
        self.contentType = contentType; self.sizeBytes = sizeBytes; self.sha256 = sha256; self.uploadedBy = uploadedBy
        self.atMillis = atMillis
    }
}

/// A call-back (回访) an officer recorded.
public struct CallbackRecord: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    public var calledOn: LocalDate
    public var satisfied: Bool
    public var notes: String
    public var officer: String
    public init(id: UUID, calledOn: LocalDate, satisfied: Bool, notes: String, officer: String) {
        self.id = id; self.calledOn = calledOn; self.satisfied = satisfied; self.notes = notes; self.officer = officer
    }
}

/// One message in someone's inbox.
public struct InboxItem: Sendable, Codable, Hashable, Identifiable {
    public var id: UUID
    public var requestID: UUID?
    public var kind: String
    public var text: Bilingual
    public var atMillis: Int64
    public var read: Bool
    public init(id: UUID, requestID: UUID?, kind: String, text: Bilingual, atMillis: Int64, read: Bool) {
        self.id = id; self.requestID = requestID; self.kind = kind; self.text = text; self.atMillis = atMillis; self.read = read
    }
}
