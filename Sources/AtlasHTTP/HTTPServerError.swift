/// Why ``HTTPServer/start()`` could not bind and listen.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another socket already listens on the address.
    case addressInUse(host: String, port: UInt16)
    /// Binding is not permitted (e.g. a port below 1024 without privileges).
    case permissionDenied(host: String, port: UInt16)
    /// The host is not an IP literal or `localhost`.
    case invalidHost(String)
    /// `start()` was called on a server that was already started.
    case alreadyStarted
    /// Any other failing system call, with its errno.
    case other(call: String, errno: Int32)

    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            return
                "address \(host):\(port) is already in use; choose another --port or use 0 for any free port"
        case .permissionDenied(let host, let port):
            return "permission denied binding \(host):\(port); ports below 1024 need privileges"
        case .invalidHost(let host):
            return "invalid host '\(host)': use an IP literal such as 127.0.0.1 or ::1, or localhost"
        case .alreadyStarted:
            return "the server was already started"
        case .other(let call, let errno):
            return "\(call) failed: \(errnoDescription(errno)) (errno \(errno))"
        }
    }
}
