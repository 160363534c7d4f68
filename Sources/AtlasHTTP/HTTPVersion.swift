/// The HTTP/1.x protocol versions the server and client speak.
public enum HTTPVersion: Sendable, Equatable, CustomStringConvertible {
    /// HTTP/1.0: connections close after each exchange unless `Connection: keep-alive` is sent.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case http1_0
    /// HTTP/1.1: persistent connections by default.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case http1_1

    /// The protocol token, `HTTP/1.0` or `HTTP/1.1`.
    public var description: String {
        switch self {
        case .http1_0: return "HTTP/1.0"
        case .http1_1: return "HTTP/1.1"
        }
    }
}
