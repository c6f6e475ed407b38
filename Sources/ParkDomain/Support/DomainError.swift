import Foundation

/// An error a user can act on: a stable machine code, the field at fault (if any), and a
/// message in both languages. The API maps it to a 4xx `{code, message, field}`; the CLI prints
/// it and exits non-zero.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case invalid, notFound, conflict, forbidden, unauthorized, tooMany, tooLarge, unsupported }
    public var kind: Kind
    public var code: String
    public var field: String?
    public var message: Bilingual
    /// For `tooMany`: seconds until trying again is worth it (sent as `Retry-After`).
    public var retryAfterSeconds: Int?

    public init(_ kind: Kind = .invalid, code: String, field: String? = nil, en: String, zh: String) {
        self.kind = kind
        self.code = code
        self.field = field
        self.message = Bilingual(zh: zh, en: en)
    }

    public var description: String {
        (field.map { "\($0): " } ?? "") + message.en
    }

    public static func required(_ field: String) -> DomainError {
        DomainError(code: "required", field: field, en: "\(field) is required", zh: "\(field) 为必填项")
    }

    public static func tooLong(_ field: String, max: Int) -> DomainError {
        DomainError(code: "too_long", field: field, en: "\(field) is longer than \(max) characters",
                    zh: "\(field) 超过 \(max) 个字符")
    }

    public static func notFound(_ entity: String, id: String) -> DomainError {
        DomainError(.notFound, code: "not_found", field: nil, en: "\(entity) \(id) was not found",
                    zh: "未找到\(entity) \(id)")
    }
}
