import FluentKit
import Foundation
import ParkDomain

extension ServiceDesk {
    /// Asks for the one extension of a resolution limit (the request's, or a subtask's with
    /// `subtaskID`) to `days` working days, at most the category's maximum (30), with a reason.
    /// The lead department's head approves; when the head asks, it is granted at once.
    public func requestExtension(_ id: UUID, subtaskID: UUID? = nil, days: Int, reason: String, by p: Principal) async throws -> StoredClock {
        try p.requireStaff()
        let out = Captured<StoredClock>()
        _ = try await change(id, by: p, action: "extension_request", reason: reason) { r, _, tx, index in
            guard r.state.isOpen, r.state != .replied else { throw Self.wrongState(r, "extend it") }
            let department: String
            if let subtaskID {
                guard let s = try await SubtaskModel.find(subtaskID, on: tx), s.requestID == r.id else {
                    throw DomainError.notFound("subtask", id: subtaskID.uuidString)
                }
                department = s.department
            } else {
                department = r.leadDepartment
            }
            guard p.role == .admin || p.departmentCode == department else {
                throw DomainError(.forbidden, code: "other_department", field: "subtask_id",
                                  en: "only department \(department) asks to extend its own limit", zh: "仅 \(department) 部门可申请延长其时限")
            }
            guard let c = try await Self.openClocks(r.id, subtask: subtaskID, kinds: [.resolve], on: tx).first else {
                throw DomainError(.conflict, code: "clock_stopped", field: "clock", en: "there is no running resolution clock", zh: "没有正在计时的办结时限")
            }
            let category = try await ServiceCategoryModel.find(r.categoryCode, on: tx)?.toDomain() ?? ServiceCatalogue.defaults.last!
            var k = c.clock
            try k.extend(to: days, maxDays: category.maxResolveDays, reason: reason) // validates; applied on approval
            if p.isHead(of: r.leadDepartment) {
                c.apply(k, index)
                c.level = 0 // the new deadline starts the warnings afresh
                c.extensionDays = nil; c.extensionReason = nil; c.extensionBy = nil
                try await Self.event(r.id, .event, visible: true, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                     "办结时限延长至 \(days) 个工作日：\(reason) | Resolution limit extended to \(days) working days: \(reason)")
            } else {
                guard c.extensionDays == nil else {
                    throw DomainError(.conflict, code: "extension_pending", field: "limit_days",
                                      en: "an extension is already waiting for approval", zh: "已有延期申请待审批")
                }
                c.extensionDays = days; c.extensionReason = reason.trimmingCharacters(in: .whitespacesAndNewlines); c.extensionBy = p.name
                try await Self.event(r.id, .internalNote, visible: false, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                     "申请延期至 \(days) 个工作日：\(reason) | Asks to extend to \(days) working days: \(reason)")
                try await Notifier(db: tx, clock: self.clock).notifyHeads(of: r.leadDepartment, request: r.id, kind: "extension_request",
                    text: Bilingual(zh: "\(r.reference) 申请延期，待您审批", en: "\(r.reference): an extension waits for your approval"))
            }
            try await c.save(on: tx)
            if let subtaskID, let s = try await SubtaskModel.find(subtaskID, on: tx) {
                if c.extensionDays == nil { s.limitDays = days }
                try await Self.refreshSubtaskDue(s, on: tx)
            }
            out.value = c.toDomain()
        }
        return out.value!
    }

    /// The lead department's head approves or refuses a pending extension.
    public func decideExtension(_ id: UUID, clockID: UUID, approve: Bool, by p: Principal) async throws -> StoredClock {
        let out = Captured<StoredClock>()
        _ = try await change(id, by: p, action: approve ? "extension_approve" : "extension_refuse") { r, _, tx, index in
            guard p.isHead(of: r.leadDepartment) else {
                throw DomainError(.forbidden, code: "not_head", field: "approve",
                                  en: "only the head of the lead department (\(r.leadDepartment)) decides extensions", zh: "仅牵头部门负责人可审批延期")
            }
            guard let c = try await ServiceClockModel.find(clockID, on: tx), c.requestID == r.id, let days = c.extensionDays else {
                throw DomainError.notFound("extension", id: clockID.uuidString)
            }
            let reason = c.extensionReason ?? ""
            if approve {
                let category = try await ServiceCategoryModel.find(r.categoryCode, on: tx)?.toDomain() ?? ServiceCatalogue.defaults.last!
                var k = c.clock
                try k.extend(to: days, maxDays: category.maxResolveDays, reason: reason)
                c.apply(k, index); c.level = 0
                if let sid = c.subtaskID, let s = try await SubtaskModel.find(sid, on: tx) { s.limitDays = days; try await s.save(on: tx) }
                try await Self.event(r.id, .event, visible: true, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                     "办结时限延长至 \(days) 个工作日：\(reason) | Resolution limit extended to \(days) working days: \(reason)")
            } else {
                try await Self.event(r.id, .internalNote, visible: false, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                     "延期申请未获批准 | The extension was refused")
            }
            c.extensionDays = nil; c.extensionReason = nil; c.extensionBy = nil
            try await c.save(on: tx)
            if let sid = c.subtaskID, let s = try await SubtaskModel.find(sid, on: tx) { try await Self.refreshSubtaskDue(s, on: tx) }
            out.value = c.toDomain()
        }
        return out.value!
    }

    /// Stores an attachment in the database (several instances share it; no local files), with
    /// its SHA-256. Enterprise users attach to their own requests (never internal); officers may
    /// mark a file internal.
    public func attach(_ id: UUID, filename: String, data: Data, internalOnly: Bool, by p: Principal) async throws -> AttachmentInfo {
        let kind = try AttachmentRules.check(filename: filename, data: data)
        let out = Captured<AttachmentInfo>()
        _ = try await change(id, by: p, action: "attach") { r, _, tx, _ in
            guard r.state != .closed else { throw Self.wrongState(r, "attach a file") }
            guard !internalOnly || p.isStaff else {
                throw DomainError(.forbidden, code: "forbidden", field: "internal", en: "only officers attach internal files", zh: "仅工作人员可上传内部附件")
            }
            let count = try await ServiceAttachmentModel.query(on: tx).filter(\.$requestID == r.id).count()
            guard count < AttachmentRules.maxPerRequest else {
                throw DomainError(.conflict, code: "too_many_files", field: "file",
                                  en: "a request holds at most \(AttachmentRules.maxPerRequest) files", zh: "每项诉求最多 \(AttachmentRules.maxPerRequest) 个附件")
            }
            let m = ServiceAttachmentModel()
            m.id = UUID(); m.requestID = r.id; m.internalOnly = internalOnly
            m.filename = filename.trimmingCharacters(in: .whitespacesAndNewlines); m.contentType = kind.contentType
            m.sizeBytes = data.count; m.sha256 = Self.sha256(data); m.data = data; m.uploadedBy = p.name
            m.createdAtMillis = self.clock.millis
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: self.clock).append(by: p, action: "attach", entityType: "service_attachment",
                                                                 entityID: m.id!.uuidString, before: Optional<AttachmentInfo>.none, after: m.info())
            out.value = m.info()
        }
        return out.value!
    }
}
