/// How many of something an expectation wants: exactly n, at least, at most, or between.
struct CountRange: Sendable, Hashable, CustomStringConvertible {
    /// The fewest accepted.
    var min: Int
    /// The most accepted; `Int.max` for no upper bound.
    var max: Int

    /// Whether `count` is accepted.
    func contains(_ count: Int) -> Bool { count >= min && count <= max }

    /// "exactly 3", "at least 1", "at most 2", "between 1 and 3".
    var description: String {
        if min == max { return "exactly \(min)" }
        if max == Int.max { return "at least \(min)" }
        if min == 0 { return "at most \(max)" }
        return "between \(min) and \(max)"
    }
}
