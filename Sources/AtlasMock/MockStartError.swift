/// Why a mock server did not start; the CLI maps it to an exit status.
public enum MockStartError: Error, Sendable, CustomStringConvertible {
    /// A fixture or scenario file is unreadable or wrong: the message names the file, JSON path and fault.
    case badInput(String)
    /// The address could not be bound (in use, not permitted, not an address).
    case cannotBind(String)

    /// The exit status `atlas-mock` uses: 2 for bad input, 3 for a port it could not bind.
    public var exitStatus: Int32 {
        switch self {
        case .badInput: return 2
        case .cannotBind: return 3
        }
    }

    /// The message, naming what was at fault.
    public var description: String {
        switch self {
        case .badInput(let message), .cannotBind(let message): return message
        }
    }
}
