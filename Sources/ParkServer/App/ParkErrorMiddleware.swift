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
            if request.url.path.hasPrefix("/api/") || !request.headers.accept.contains(where: { $0.mediaType == .html }) {
                return Problem.response(status, body)
            }
            return ErrorPage.response(status: status, message: body.message, language: lang)
        }
    }
}
