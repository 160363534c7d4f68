import AtlasJSON

/// Reads typed values out of a step, accepting `${step.x}` in place of any value while validating.
///
/// A file is validated before it runs, when earlier steps' results are not known yet; such values are
/// checked again, strictly, once the runner has substituted them.
struct StepReader {
    /// Whether a value still written as one reference stands for "known at run time" (validation).
    var allowsDeferred: Bool
    /// Checks that a step name used by `events`, `order` or `since` exists earlier; `true` asks for a fire step.
    var checkStepName: (String, JSONPath, Bool) throws(JSONShapeError) -> Void = {
        _, _, _ throws(JSONShapeError) in
    }

    /// Whether `value` is a reference to resolve later rather than a value to check now.
    func isDeferred(_ value: JSONValue) -> Bool {
        allowsDeferred && ScenarioTemplate.isWholeReference(value)
    }

    /// The members of an object, nil when deferred.
    func object(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> [String: JSONValue]? {
        if isDeferred(value) { return nil }
        return try value.expectObject(at: path)
    }

    /// A string, nil when deferred.
    func string(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> String? {
        if isDeferred(value) { return nil }
        return try value.expectString(at: path)
    }

    /// A non-empty string, nil when deferred.
    func nonEmptyString(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> String? {
        guard let text = try string(value, at: path) else { return nil }
        if text.isEmpty { throw JSONShapeError(path: path, reason: "expected a non-empty string") }
        return text
    }

    /// A boolean, nil when deferred.
    func bool(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> Bool? {
        if isDeferred(value) { return nil }
        return try value.expectBool(at: path)
    }

    /// An integer within `range`, nil when deferred: "expected 0…6, got 9".
    func int(_ value: JSONValue, at path: JSONPath, in range: ClosedRange<Int>) throws(JSONShapeError) -> Int?
    {
        if isDeferred(value) { return nil }
        let number = try value.expectInt(at: path)
        guard range.contains(number) else {
            let wanted =
                range.upperBound == Int.max
                ? "an integer ≥ \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
            throw JSONShapeError(path: path, reason: "expected \(wanted), got \(number)")
        }
        return number
    }

    /// One of `choices`, nil when deferred: `expected one of "time", "flightNumber", got "date"`.
    func choice(_ value: JSONValue, at path: JSONPath, from choices: [String]) throws(JSONShapeError)
        -> String?
    {
        guard let text = try string(value, at: path) else { return nil }
        guard choices.contains(text) else {
            let listed = choices.map { "\"\($0)\"" }.joined(separator: ", ")
            throw JSONShapeError(path: path, reason: "expected one of \(listed), got \"\(text)\"")
        }
        return text
    }

    /// An array, nil when deferred.
    func array(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> [JSONValue]? {
        if isDeferred(value) { return nil }
        return try value.expectArray(at: path)
    }

    /// A count: an integer for "exactly", or `{"min", "max"}`; nil when deferred.
    func count(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> CountRange? {
        if isDeferred(value) { return nil }
        if case .int = value {
            guard let exact = try int(value, at: path, in: 0...Int.max) else { return nil }
            return CountRange(min: exact, max: exact)
        }
        guard let members = value.objectValue else {
            throw JSONShapeError(
                path: path, reason: "expected an integer or {\"min\", \"max\"}, got \(value.kindName)")
        }
        try members.rejectUnknownKeys(allowed: ["min", "max"], at: path)
        guard !members.isEmpty else {
            throw JSONShapeError(path: path, reason: "expected \"min\", \"max\" or both")
        }
        let low =
            try members["min"].map { (v) throws(JSONShapeError) in
                try int(v, at: path.appending("min"), in: 0...Int.max)
            } ?? 0
        let high =
            try members["max"].map { (v) throws(JSONShapeError) in
                try int(v, at: path.appending("max"), in: 0...Int.max)
            } ?? Int.max
        guard let low, let high else { return nil }
        guard low <= high else {
            throw JSONShapeError(path: path, reason: "min \(low) is greater than max \(high)")
        }
        return CountRange(min: low, max: high)
    }

    /// Step names: one string or an array of them, each checked by `checkStepName`.
    func stepNames(_ value: JSONValue, at path: JSONPath, fireOnly: Bool) throws(JSONShapeError) -> [String]?
    {
        if let single = value.stringValue {
            try checkStepName(single, path, fireOnly)
            return [single]
        }
        guard let elements = try array(value, at: path) else { return nil }
        var names: [String] = []
        for (index, element) in elements.enumerated() {
            let name = try element.expectString(at: path.appending(index))
            try checkStepName(name, path.appending(index), fireOnly)
            names.append(name)
        }
        return names
    }
}
