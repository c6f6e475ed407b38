import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// Enterprise-service values ↔ API types.
enum ServiceMapping {
    static func category(_ c: ServiceCategory) -> Components.Schemas.ServiceCategory {
        .init(code: c.code, nameZh: c.name.zh, nameEn: c.name.en, leadDepartment: c.leadDepartment, acceptDays: c.acceptDays,
              firstReplyDays: c.firstReplyDays, resolveDays: c.resolveDays, maxResolveDays: c.maxResolveDays,
              returnDays: c.returnDays, warnPercent: c.warnPercent, leaderPercent: c.leaderPercent, active: c.active)
    }

    static func request(_ r: ServiceRequest) -> Components.Schemas.ServiceRequest {
        .init(id: r.id.uuidString, reference: r.reference, enterpriseId: r.enterpriseID.uuidString, category: r.categoryCode,
              leadDepartment: r.leadDepartment, title: r.title, description: r.description, urgency: r.urgency.rawValue,
              channel: r.channel.rawValue, contactName: r.contactName, contactPhone: r.contactPhone,
              state: .init(rawValue: r.state.rawValue)!, receivedOn: r.receivedOn.iso, acceptedOn: r.acceptedOn?.iso,
              acceptedInTime: r.acceptedInTime, firstReplyOn: r.firstReplyOn?.iso, firstReplyInTime: r.firstReplyInTime,
              repliedOn: r.repliedOn?.iso, resolvedInTime: r.resolvedInTime, closedOn: r.closedOn?.iso, dueOn: r.dueOn?.iso,
              reopenedCount: r.reopenedCount, rating: r.rating, ratingComment: r.ratingComment, precedent: r.precedent,
              precedentTitle: r.precedentTitle)
    }

    static func subtask(_ s: Subtask) -> Components.Schemas.ServiceSubtask {
        .init(id: s.id.uuidString, requestId: s.requestID.uuidString, department: s.department, assigneeId: s.assigneeID?.uuidString,
              assigneeName: s.assigneeName, state: .init(rawValue: s.state.rawValue)!, instructions: s.instructions, result: s.result,
              limitDays: s.limitDays, dueOn: s.dueOn?.iso, doneOn: s.doneOn?.iso)
    }

    static func clock(_ c: StoredClock, today: LocalDate, index: WorkingDayIndex) -> Components.Schemas.ServiceClock {
        let open = c.clock.stoppedOn == nil && c.clock.pausedOn == nil
        return .init(id: c.id.uuidString, subtaskId: c.subtaskID?.uuidString, kind: .init(rawValue: c.clock.kind.rawValue)!,
                     department: c.department, startedOn: c.clock.startedOn.iso, limitDays: c.clock.limitDays,
                     pausedDays: c.clock.pausedDays, extended: c.clock.extended, dueOn: open ? c.clock.dueOn(index).iso : nil,
                     remainingDays: c.clock.remainingDays(on: today, index), state: .init(rawValue: c.clock.state(on: today, index).rawValue)!,
                     pendingExtensionDays: c.pendingExtension?.days, pendingExtensionReason: c.pendingExtension?.reason)
    }

    static func message(_ m: ThreadMessage) -> Components.Schemas.ServiceMessage {
        .init(id: m.id.uuidString, kind: .init(rawValue: m.kind.rawValue)!, author: m.authorName, department: m.department,
              body: m.body, at: Date(timeIntervalSince1970: Double(m.atMillis) / 1000))
    }

    static func attachment(_ a: AttachmentInfo) -> Components.Schemas.ServiceAttachment {
        .init(id: a.id.uuidString, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256,
              _internal: a.internalOnly)
    }

    static func hit(_ h: ServiceSearch.Hit) -> Components.Schemas.ServiceSimilarHit {
        .init(id: h.request.id.uuidString, reference: h.request.reference, title: h.request.title, category: h.request.categoryCode,
              precedent: h.request.precedent, precedentTitle: h.request.precedentTitle, state: h.request.state.rawValue, score: h.score)
    }

    static func statsRow(_ r: ServiceStatsRow) -> Components.Schemas.ServiceStatsRow {
        .init(key: r.key, received: r.received, accepted: r.accepted, acceptedInTime: r.acceptedInTime, firstReplied: r.firstReplied,
              firstReplyInTime: r.firstReplyInTime, resolved: r.resolved, resolvedInTime: r.resolvedInTime, closed: r.closed,
              rated: r.rated, satisfied: r.satisfied, reopened: r.reopened, overdueOpen: r.overdueOpen,
              resolutionRate: r.resolutionRate, satisfactionRate: r.satisfactionRate, averageRating: r.averageRating,
              reopenedShare: r.reopenedShare)
    }

    static func stats(_ s: ServiceStats) -> Components.Schemas.ServiceStats {
        .init(month: s.month.iso, total: statsRow(s.total), byDepartment: s.byDepartment.map(statsRow), byCategory: s.byCategory.map(statsRow),
              topCategories: s.topCategories().map(statsRow),
              backlog: OverdueAge.allCases.map { .init(age: .init(rawValue: $0.rawValue)!, count: s.backlog[$0] ?? 0) })
    }

    static func inbox(_ i: InboxItem, _ lang: Language) -> Components.Schemas.InboxItem {
        .init(id: i.id.uuidString, requestId: i.requestID?.uuidString, kind: i.kind, text: i.text.text(lang),
              at: Date(timeIntervalSince1970: Double(i.atMillis) / 1000), read: i.read)
    }
}
