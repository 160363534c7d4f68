/// Anything that turns a request into a response; the server calls it once per request.
public protocol HTTPResponder: Sendable {
    /// Produces the response for `request`. Called concurrently for different connections.
    func respond(to request: HTTPRequest) async -> HTTPResponse
}
