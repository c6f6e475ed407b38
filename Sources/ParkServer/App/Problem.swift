import Foundation
import ParkDomain
import Vapor

/// The JSON body of every refused request: `{code, message, field}`.
struct ProblemBody: Content {
    var code: String
    var message: String
    var field: String?
    /// Not part of the JSON: sent as the `Retry-After` header of a 429.
    var retryAfter: Int? = nil

    enum CodingKeys: String, CodingKey { case code, message, field }
}

/// Maps any error to the status and body users see. Domain errors keep their code and field;
/// malformed requests are 400; only a genuine fault is 500 (and is logged as a bug).
enum Problem {
    static func status(of kind: DomainError.Kind) -> HTTPResponseStatus {
        switch kind {
        case .invalid: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .tooMany: .tooManyRequests
        case .tooLarge: .payloadTooLarge
        case .unsupported: .unsupportedMediaType
        }
    }

    static func from(_ error: any Error, language: Language) -> (HTTPResponseStatus, ProblemBody)? {
        if let d = error as? DomainError {
            let status: HTTPResponseStatus = d.code == "validation_failed" ? .unprocessableEntity : status(of: d.kind)
            return (status, ProblemBody(code: d.code, message: d.message.text(language), field: d.field, retryAfter: d.retryAfterSeconds))
        }
        if let d = error as? DecodingError { return (.badRequest, decoding(d, language: language)) }
        if let a = error as? any AbortError {
            switch a.status {
            case .notFound:
                return (a.status, ProblemBody(code: "not_found", message: language == .zh ? "没有这个地址" : "no such page or API route", field: nil))
            case .payloadTooLarge:
                return (a.status, ProblemBody(code: "too_large", message: language == .zh ? "请求内容过大" : "the request body is too large", field: nil))
            case .methodNotAllowed:
                return (a.status, ProblemBody(code: "method_not_allowed", message: language == .zh ? "不支持该请求方法" : "method not allowed", field: nil))
            default:
                let code = a.status.code < 500 ? "bad_request" : "internal"
                return (a.status, ProblemBody(code: code, message: a.reason, field: nil))
            }
        }
        return nil
    }

    static func decoding(_ error: DecodingError, language: Language) -> ProblemBody {
        func path(_ ctx: DecodingError.Context) -> String? {
            let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? nil : p
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let field = (path(ctx).map { $0 + "." } ?? "") + key.stringValue
            return ProblemBody(code: "required", message: language == .zh ? "\(field) 为必填项" : "\(field) is required", field: field)
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return ProblemBody(code: "invalid_type", message: language == .zh ? "字段类型错误：\(ctx.debugDescription)"
                               : "wrong type: \(ctx.debugDescription)", field: path(ctx))
        case .dataCorrupted(let ctx):
            // Enum query parameters report only the type ("…SortPayload"); name the parameter.
            let field = path(ctx) ?? ctx.debugDescription.range(of: #"[A-Z][A-Za-z]*Payload"#, options: .regularExpression)
                .map { snakeCase(String(ctx.debugDescription[$0].dropLast("Payload".count))) }
            return ProblemBody(code: "invalid_value", message: language == .zh ? "数据无效：\(ctx.debugDescription)"
                               : "invalid value: \(ctx.debugDescription)", field: field)
        @unknown default:
            return ProblemBody(code: "invalid_body", message: "invalid body", field: nil)
        }
    }

    static func snakeCase(_ camel: String) -> String {
        var out = ""
        for (i, c) in camel.enumerated() {
            if c.isUppercase { if i > 0 { out += "_" }; out += c.lowercased() } else { out.append(c) }
        }
        return out
    }

    static func response(_ status: HTTPResponseStatus, _ body: ProblemBody) -> Response {
        let res = Response(status: status)
        res.headers.contentType = .json
        if let s = body.retryAfter { res.headers.replaceOrAdd(name: .retryAfter, value: String(s)) }
        res.body = .init(data: (try? JSONEncoder().encode(body)) ?? Data())
        return res
    }
}
