/// Why a driver call did not produce an answer: the server was unreachable, or it refused the request.
public struct ScenarioDriverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure, which decide the verdict and the exit code.
    public enum Kind: Sendable, Hashable {
        /// No server answered (connection refused, reset, timed out); the CLI exits 3.
        case unreachable
        /// The server answered with an error status; the scenario asked for something impossible.
        case rejected(status: Int, message: String)
        /// The server answered with a body the driver could not read.
        case malformedResponse
    }

    /// What went wrong.
    public var kind: Kind
    /// Details for people: the address tried, the body received, …
    public var message: String

    /// A failure of `kind` explained by `message`.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The server could not be reached; `message` should name the address.
    public static func unreachable(_ message: String) -> ScenarioDriverError {
        ScenarioDriverError(kind: .unreachable, message: message)
    }

    /// The server refused a request with HTTP `status` and the admin API's `message`.
    public static func rejected(status: Int, message: String) -> ScenarioDriverError {
        ScenarioDriverError(kind: .rejected(status: status, message: message), message: message)
    }

    /// Whether the server could not be reached at all.
    public var isUnreachable: Bool { kind == .unreachable }

    /// "server unreachable: …", "server rejected the request (400): …".
    public var description: String {
        switch kind {
        case .unreachable: return "server unreachable: \(message)"
        case .rejected(let status, let text): return "server rejected the request (\(status)): \(text)"
        case .malformedResponse: return "server answered with an unreadable body: \(message)"
        }
    }
}
