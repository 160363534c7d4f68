/// Why a step stopped its scenario.
enum StepAbort: Error, Sendable, Hashable {
    /// An expectation was not met: verdict fail.
    case failed(String)
    /// The step could not run: verdict error.
    case error(String)
    /// No server answered: verdict error, exit 3.
    case unreachable(String)

    /// The message, whatever the kind.
    var message: String {
        switch self {
        case .failed(let text), .error(let text), .unreachable(let text): return text
        }
    }

    /// The abort for a driver failure.
    init(_ driverError: ScenarioDriverError) {
        self =
            driverError.isUnreachable
            ? .unreachable(driverError.description) : .error(driverError.description)
    }
}
