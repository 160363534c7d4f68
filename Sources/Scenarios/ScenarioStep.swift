public import AtlasJSON

/// One step of a scenario, as written: its place, its optional name and what kind of action it is.
public struct ScenarioStep: Sendable, Hashable {
    /// The kinds of step.
    public enum Kind: String, Sendable, Hashable {
        /// `register`.
        case register
        /// `fire`.
        case fire
        /// `wait`.
        case wait
        /// `clock`.
        case clock
        /// `expect.deliveries`.
        case expectDeliveries = "expect deliveries"
        /// `expect.incidents`.
        case expectIncidents = "expect incidents"
        /// `expect.requests`.
        case expectRequests = "expect requests"
        /// `expect.equal`.
        case expectEqual = "expect equal"
    }

    /// The step's position, from 0.
    public var index: Int
    /// The step's name (`name`), which later steps use in `${name.…}`, `events`, `order` and `since`.
    public var name: String?
    /// What kind of action it is.
    public var kind: Kind
    /// A short label for progress lines: "fire order.void", "expect deliveries".
    public var label: String
    /// The action's body as written, with `${…}` still in it.
    var body: JSONValue
    /// Where the body sits: `$.steps[2].fire`, `$.steps[4].expect.deliveries`.
    var bodyPath: JSONPath

    /// `$.steps[n]`.
    public var path: JSONPath { JSONPath.root.appending("steps").appending(index) }

    /// The name, or "step N" (counting from 1) for an unnamed step.
    public var displayName: String { name ?? "step \(index + 1)" }
}
