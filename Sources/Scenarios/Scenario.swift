public import AtlasJSON

/// One loaded and validated scenario: a timed script of events, faults and expectations.
public struct Scenario: Sendable, Hashable {
    /// The scenario's name (`name` in the file), used by `run NAME` and in reports.
    public var name: String
    /// What it checks, for `list` and reports.
    public var description: String
    /// The file it came from (or the embedded name), used in every error message.
    public var file: String
    /// The client the events are for (`client`, default "sandbox").
    public var clientId: String
    /// Order numbers the scenario names (`orders`), available as `${orders[0]}`.
    public var orders: [String]
    /// Named values (`variables`), available as `${name}` and overridable with `--set variables.name=…`.
    public var variables: [String: JSONValue]
    /// The steps in the order they run.
    public var steps: [ScenarioStep]
    /// The document as loaded (after overrides), kept so `--set` can patch and re-validate it.
    public var document: JSONValue
}
