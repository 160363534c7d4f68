/// One or more scenario faults, thrown when loading, validating or overriding finds any.
public struct ScenarioErrorList: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every fault found, in file and document order.
    public var errors: [ScenarioError]

    /// A list of `errors`.
    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    /// One fault per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
