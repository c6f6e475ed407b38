import Foundation
import HTTPTypes
import OpenAPIRuntime
import ParkDomain

/// Turns every error of the generated API into a 4xx `{code, message, field}`: domain errors
/// with their own status; request decoding failures (bad JSON, wrong types, missing fields,
/// wrong content type) as 400. Anything else is a bug and answers 500 with no internals.
struct ProblemMiddleware: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch {
            let lang = RequestContext.current.language
            let underlying = (error as? ServerError)?.underlyingError ?? error
            if let (status, problem) = Problem.from(underlying, language: lang) {
                return Self.response(Int(status.code), problem)
            }
            if let server = error as? ServerError, String(describing: type(of: server.underlyingError)).contains("RuntimeError") {
                let message = lang == .zh ? "请求格式错误：\(server.causeDescription)" : "malformed request: \(server.causeDescription)"
                let status = server.causeDescription.lowercased().contains("content type") ? 415 : 400
                return Self.response(status, ProblemBody(code: "bad_request", message: message, field: nil))
            }
            throw error
        }
    }

    static func response(_ status: Int, _ problem: ProblemBody) -> (HTTPResponse, HTTPBody?) {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        if let s = problem.retryAfter { fields[.retryAfter] = String(s) }
        let data = (try? JSONEncoder().encode(problem)) ?? Data()
        return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(data))
    }
}
