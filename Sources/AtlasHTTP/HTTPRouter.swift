/// Dispatches requests to closures by method and exact path or path prefix.
///
/// Exact routes win over prefix routes, and longer prefixes over shorter ones. A path that matches
/// some route but not the method gets 405 with `Allow`; a path matching nothing gets 404. `HEAD` is
/// answered by the `GET` route when no `HEAD` route exists (the server drops the body).
public struct HTTPRouter: HTTPResponder {
    /// A route handler.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private struct Route: Sendable {
        var methods: [String: Handler] = [:]
        var methodOrder: [String] = []

        mutating func insert(_ method: String, _ handler: @escaping Handler) {
            if methods[method] == nil { methodOrder.append(method) }
            methods[method] = handler
        }
    }

    private var exactRoutes: [String: Route] = [:]
    /// Prefix routes sorted longest prefix first, so the most specific prefix is tried first.
    private var prefixRoutes: [(prefix: String, route: Route)] = []

    /// Creates a router with no routes.
    public init() {}

    /// Routes `method` requests whose path equals `path` (compared byte for byte) to `handler`.
    public mutating func add(_ method: String, _ path: String, _ handler: @escaping Handler) {
        exactRoutes[path, default: Route()].insert(method, handler)
    }

    /// Routes `method` requests whose path starts with `prefix` to `handler`.
    public mutating func addPrefix(_ method: String, _ prefix: String, _ handler: @escaping Handler) {
        if let index = prefixRoutes.firstIndex(where: { $0.prefix == prefix }) {
            prefixRoutes[index].route.insert(method, handler)
        } else {
            var route = Route()
            route.insert(method, handler)
            prefixRoutes.append((prefix, route))
            prefixRoutes.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
        }
    }

    /// Finds the handler for the request, or answers 404 / 405 as JSON.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        var candidates: [Route] = []
        if let exact = exactRoutes[request.path] { candidates.append(exact) }
        for entry in prefixRoutes where request.path.utf8.starts(with: entry.prefix.utf8) {
            candidates.append(entry.route)
        }
        guard !candidates.isEmpty else {
            return .error(404, code: "not_found", message: "no route for \(request.path)")
        }
        for route in candidates {
            if let handler = route.methods[request.method] { return await handler(request) }
        }
        if request.method == "HEAD" {
            for route in candidates {
                if let handler = route.methods["GET"] { return await handler(request) }
            }
        }
        var allowed: [String] = []
        for route in candidates {
            for method in route.methodOrder where !allowed.contains(method) { allowed.append(method) }
        }
        if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
        var response = HTTPResponse.error(
            405, code: "method_not_allowed",
            message: "\(request.method) is not allowed for \(request.path); allowed: "
                + allowed.joined(separator: ", "))
        response.headers.add(name: "Allow", value: allowed.joined(separator: ", "))
        return response
    }
}
