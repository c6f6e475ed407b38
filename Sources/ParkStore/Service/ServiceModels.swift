import FluentKit
import Foundation
import ParkDomain

final class ServiceCategoryModel: Model, @unchecked Sendable {
    static let schema = "service_categories"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "lead_department") var leadDepartment: String
    @Field(key: "accept_days") var acceptDays: Int
    @Field(key: "first_reply_days") var firstReplyDays: Int
    @Field(key: "resolve_days") var resolveDays: Int
    @Field(key: "max_resolve_days") var maxResolveDays: Int
    @Field(key: "return_days") var returnDays: Int
    @Field(key: "warn_percent") var warnPercent: Int
    @Field(key: "leader_percent") var leaderPercent: Int
    @Field(key: "active") var active: Bool
    @Field(key: "position") var position: Int
    init() {}

    func apply(_ c: ServiceCategory) {
        id = c.code; nameZh = c.name.zh; nameEn = c.name.en; leadDepartment = c.leadDepartment
        acceptDays = c.acceptDays; firstReplyDays = c.firstReplyDays; resolveDays = c.resolveDays
        maxResolveDays = c.maxResolveDays; returnDays = c.returnDays; warnPercent = c.warnPercent
        leaderPercent = c.leaderPercent; active = c.active
    }

    func toDomain() -> ServiceCategory {
        ServiceCategory(code: id!, name: Bilingual(zh: nameZh, en: nameEn), leadDepartment: leadDepartment,
                        acceptDays: acceptDays, firstReplyDays: firstReplyDays, resolveDays: resolveDays,
                        maxResolveDays: maxResolveDays, returnDays: returnDays, warnPercent: warnPercent,
                        leaderPercent: leaderPercent, active: active)
    }
}

final class ServiceRequestModel: Model, @unchecked Sendable {
    static let schema = "service_requests"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "category") var category: String
    @Field(key: "lead_department") var leadDepartment: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "urgency") var urgency: String
    @Field(key: "channel") var channel: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_phone") var contactPhone: String
    @Field(key: "state") var state: String
    @Field(key: "is_open") var isOpen: Bool
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "received_month") var receivedMonth: String
    @OptionalField(key: "dispatched_on") var dispatchedOn: String?
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @OptionalField(key: "accepted_in_time") var acceptedInTime: Bool?
    @OptionalField(key: "first_reply_on") var firstReplyOn: String?
    @OptionalField(key: "first_reply_in_time") var firstReplyInTime: Bool?
    @OptionalField(key: "replied_on") var repliedOn: String?
    @OptionalField(key: "resolved_in_time") var resolvedInTime: Bool?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "reopened_count") var reopenedCount: Int
    @OptionalField(key: "rating") var rating: Int?
    @OptionalField(key: "rating_comment") var ratingComment: String?
    @OptionalField(key: "satisfied") var satisfied: Bool?
    @Field(key: "precedent") var precedent: Bool
    @OptionalField(key: "precedent_title") var precedentTitle: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "overdue_level") var overdueLevel: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    func toDomain() -> ServiceRequest {
        ServiceRequest(id: id!, number: number, enterpriseID: enterpriseID, categoryCode: category, leadDepartment: leadDepartment,
                       title: title, description: description, urgency: Urgency(rawValue: urgency) ?? .normal,
                       channel: RequestChannel(rawValue: channel) ?? .portal, contactName: contactName, contactPhone: contactPhone,
                       state: RequestState(rawValue: state) ?? .submitted, receivedOn: LocalDate(iso: receivedOn)!,
                       acceptedOn: acceptedOn.flatMap(LocalDate.init(iso:)), acceptedInTime: acceptedInTime,
                       firstReplyOn: firstReplyOn.flatMap(LocalDate.init(iso:)), firstReplyInTime: firstReplyInTime,
                       repliedOn: repliedOn.flatMap(LocalDate.init(iso:)), resolvedInTime: resolvedInTime,
                       closedOn: closedOn.flatMap(LocalDate.init(iso:)), reopenedCount: reopenedCount, rating: rating,
                       ratingComment: ratingComment, precedent: precedent, precedentTitle: precedentTitle,
                       dueOn: dueOn.flatMap(LocalDate.init(iso:)), createdBy: createdBy, createdAtMillis: createdAtMillis,
                       updatedAtMillis: updatedAtMillis)
    }
}

final class SubtaskModel: Model, @unchecked Sendable {
    static let schema = "service_subtasks"
    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "department") var department: String
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @OptionalField(key: "assignee_name") var assigneeName: String?
    @Field(key: "state") var state: String
    @Field(key: "is_open") var isOpen: Bool
    @Field(key: "instructions") var instructions: String
    @OptionalField(key: "result") var result: String?
    @Field(key: "limit_days") var limitDays: Int
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    func toDomain() -> Subtask {
        Subtask(id: id!, requestID: requestID, department: department, assigneeID: assigneeID, assigneeName: assigneeName,
                state: SubtaskState(rawValue: state) ?? .assigned, instructions: instructions, result: result, limitDays: limitDays,
                dueOn: dueOn.flatMap(LocalDate.init(iso:)), doneOn: doneOn.flatMap(LocalDate.init(iso:)))
    }
}

final class ServiceClockModel: Model, @unchecked Sendable {
    static let schema = "service_clocks"
    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @OptionalField(key: "subtask_id") var subtaskID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "department") var department: String
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @Field(key: "started_on") var startedOn: String
    @Field(key: "limit_days") var limitDays: Int
    @Field(key: "paused_days") var pausedDays: Int
    @OptionalField(key: "paused_on") var pausedOn: String?
    @OptionalField(key: "stopped_on") var stoppedOn: String?
    @Field(key: "extended") var extended: Bool
    @Field(key: "warn_percent") var warnPercent: Int
    @Field(key: "leader_percent") var leaderPercent: Int
    @Field(key: "is_open") var isOpen: Bool
    @OptionalField(key: "warn_on") var warnOn: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "leader_on") var leaderOn: String?
    @Field(key: "level") var level: Int
    @OptionalField(key: "extension_days") var extensionDays: Int?
    @OptionalField(key: "extension_reason") var extensionReason: String?
    @OptionalField(key: "extension_by") var extensionBy: String?
    init() {}

    var clock: ServiceClock {
        ServiceClock(kind: ClockKind(rawValue: kind) ?? .resolve, startedOn: LocalDate(iso: startedOn)!, limitDays: limitDays,
                     pausedDays: pausedDays, pausedOn: pausedOn.flatMap(LocalDate.init(iso:)),
                     stoppedOn: stoppedOn.flatMap(LocalDate.init(iso:)), extended: extended, warnPercent: warnPercent,
                     leaderPercent: leaderPercent)
    }

    /// Writes the clock and its thresholds: a paused or stopped clock has none (the sweep skips it).
    func apply(_ c: ServiceClock, _ index: WorkingDayIndex) {
        kind = c.kind.rawValue; startedOn = c.startedOn.iso; limitDays = c.limitDays; pausedDays = c.pausedDays
        pausedOn = c.pausedOn?.iso; stoppedOn = c.stoppedOn?.iso; extended = c.extended
        warnPercent = c.warnPercent; leaderPercent = c.leaderPercent
        isOpen = c.stoppedOn == nil
        let ticking = c.stoppedOn == nil && c.pausedOn == nil
        warnOn = ticking ? c.warnOn(index).iso : nil
        dueOn = ticking ? c.dueOn(index).iso : nil
        leaderOn = ticking ? c.leaderOn(index).iso : nil
    }

    func toDomain() -> StoredClock {
        StoredClock(id: id!, requestID: requestID, subtaskID: subtaskID, department: department, clock: clock, level: level,
                    pendingExtension: extensionDays.map { PendingExtension(days: $0, reason: extensionReason ?? "", requestedBy: extensionBy ?? "") })
    }
}

final class ServiceMessageModel: Model, @unchecked Sendable {
    static let schema = "service_messages"
    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @OptionalField(key: "subtask_id") var subtaskID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "visible") var visible: Bool
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "author_role") var authorRole: String
    @OptionalField(key: "department") var department: String?
    @Field(key: "body") var body: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    func toDomain() -> ThreadMessage {
        ThreadMessage(id: id!, subtaskID: subtaskID, kind: MessageKind(rawValue: kind) ?? .event, visible: visible,
                      authorName: authorName, authorRole: Role(rawValue: authorRole) ?? .officer, department: department,
                      body: body, atMillis: createdAtMillis)
    }
}

final class ServiceAttachmentModel: Model, @unchecked Sendable {
    static let schema = "service_attachments"
    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "internal") var internalOnly: Bool
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size_bytes") var sizeBytes: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    func info() -> AttachmentInfo {
        AttachmentInfo(id: id!, requestID: requestID, internalOnly: internalOnly, filename: filename, contentType: contentType,
                       sizeBytes: sizeBytes, sha256: sha256, uploadedBy: uploadedBy, atMillis: createdAtMillis)
    }
}

final class ServiceCallbackModel: Model, @unchecked Sendable {
    static let schema = "service_callbacks"
    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "called_on") var calledOn: String
    @Field(key: "satisfied") var satisfied: Bool
    @Field(key: "notes") var notes: String
    @Field(key: "officer") var officer: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    func toDomain() -> CallbackRecord {
        CallbackRecord(id: id!, calledOn: LocalDate(iso: calledOn)!, satisfied: satisfied, notes: notes, officer: officer)
    }
}

final class ServiceNotificationModel: Model, @unchecked Sendable {
    static let schema = "service_notifications"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @OptionalField(key: "request_id") var requestID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "text_zh") var textZh: String
    @Field(key: "text_en") var textEn: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @OptionalField(key: "read_at_ms") var readAtMillis: Int64?
    init() {}

    func toDomain() -> InboxItem {
        InboxItem(id: id!, requestID: requestID, kind: kind, text: Bilingual(zh: textZh, en: textEn), atMillis: createdAtMillis,
                  read: readAtMillis != nil)
    }
}

final class ServiceWebhookModel: Model, @unchecked Sendable {
    static let schema = "service_webhooks"
    @ID(custom: "department", generatedBy: .user) var id: String?
    @Field(key: "url") var url: String
    @Field(key: "secret") var secret: String
    @Field(key: "active") var active: Bool
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}
}

final class WebhookDeliveryModel: Model, @unchecked Sendable {
    static let schema = "service_webhook_deliveries"
    @ID(key: .id) var id: UUID?
    @Field(key: "department") var department: String
    @Field(key: "event") var event: String
    @OptionalField(key: "request_id") var requestID: UUID?
    @Field(key: "payload") var payload: String
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_ms") var nextAttemptMillis: Int64
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @OptionalField(key: "delivered_at_ms") var deliveredAtMillis: Int64?
    init() {}
}

final class WebhookAttemptModel: Model, @unchecked Sendable {
    static let schema = "service_webhook_attempts"
    @ID(key: .id) var id: UUID?
    @Field(key: "delivery_id") var deliveryID: UUID
    @Field(key: "at_ms") var atMillis: Int64
    @OptionalField(key: "status_code") var statusCode: Int?
    @OptionalField(key: "error") var error: String?
    @Field(key: "duration_ms") var durationMillis: Int64
    init() {}
}

final class ServiceAPIKeyModel: Model, @unchecked Sendable {
    static let schema = "service_api_keys"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @Field(key: "revoked") var revoked: Bool
    init() {}
}
