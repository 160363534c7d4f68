import AtlasJSON

extension JSONValue {
    /// Why this value does not contain `expected` (objects: every expected member, recursively; others: equal), or nil.
    func mismatch(against expected: JSONValue, at path: JSONPath = .root) -> String? {
        switch (self, expected) {
        case (.object(let actual), .object(let wanted)):
            for key in JSONValue.sortedKeys(wanted) {
                guard let member = actual[key] else { return "\(path.appending(key)) is missing" }
                if let reason = member.mismatch(against: wanted[key]!, at: path.appending(key)) {
                    return reason
                }
            }
            return nil
        case (.int, .double), (.double, .int), (.double, .double):
            return doubleValue == expected.doubleValue
                ? nil : "\(path) is \(compactText), expected \(expected.compactText)"
        default:
            return self == expected ? nil : "\(path) is \(compactText), expected \(expected.compactText)"
        }
    }
}
