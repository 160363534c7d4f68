/// How the fake integrator's receiver behaves.
enum FakeReceiver: Sendable, Hashable, CustomStringConvertible {
    /// Answers 200 in a few milliseconds.
    case correct
    /// Answers HTTP 500 to every attempt.
    case failing
    /// Never answers before the mock's deadline: every attempt ends in a timeout.
    case tooSlow
    /// Nothing listens at the registered URL.
    case unreachable

    var description: String {
        switch self {
        case .correct: return "correct"
        case .failing: return "answering 500"
        case .tooSlow: return "too slow"
        case .unreachable: return "unreachable"
        }
    }
}
