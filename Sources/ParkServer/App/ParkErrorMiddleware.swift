import Vapor
import ParkDomain

/// Turns errors outside the generated API into `{code, message, field}` JSON (for /api) or a
/// readable page (for the console). An unknown error is a bug: it is logged and answered 500
/// without internals.
struct ParkErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let lang = ConsoleLanguage.of(request)
            let mapped = Problem.from(error, language: lang)
            if mapped == nil { request.logger.error("unhandled error: \(String(reflecting: error))") }
            let (status, body) = mapped ?? (.internalServerError, ProblemBody(code: "internal", message: lang == .zh ? "服务器内部错误" : "internal error", field: nil))
            let res = request.url.path.hasPrefix("/api/") || !request.headers.accept.contains(where: { $0.mediaType == .html })
                ? Problem.response(status, body) : ErrorPage.response(status: status, message: body.message, language: lang)
            if let a = error as? any AbortError { for (name, value) in a.headers { res.headers.replaceOrAdd(name: name, value: value) } }
            return res
        }
    }
}
