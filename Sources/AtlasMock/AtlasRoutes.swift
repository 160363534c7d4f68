import AtlasHTTP
import AtlasSandbox

/// The two Atlas endpoints, mapped from HTTP onto the sandbox, which knows nothing of sockets.
enum AtlasRoutes {
    /// The paths Atlas serves and the mock answers.
    static let paths = ["/updateWebhookURL.do", "/event/getPageList.do"]

    /// Adds `POST` routes for both endpoints to `router`.
    static func install(in router: inout HTTPRouter, sandbox: Sandbox) {
        for path in paths {
            router.add("POST", path) { request in
                let call = AtlasCall(
                    path: request.path, headers: request.headers.map { (name: $0.name, value: $0.value) },
                    body: request.body)
                let reply = sandbox.handle(call)
                return HTTPResponse(
                    status: reply.httpStatus, headers: ["Content-Type": "application/json;charset=UTF-8"],
                    body: reply.body)
            }
        }
    }
}
