import AtlasJSON

/// A `--set path=value` change to a scenario before it runs, checked as strictly as the file itself.
///
/// The path must already exist in the scenario (`variables.retries`, `steps[2].fire.faults.duplicate`,
/// or by step name `steps.fire1.fire.faults.duplicate`) and the value must have the same JSON type as
/// the one it replaces; the patched scenario is then validated again. Peers that silently ignore a
/// mistyped override leave tests that pass for the wrong reason; this never does. `name:path=value`
/// aims at one scenario; a bare path applies to every scenario that has it and must exist in at least one.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
    /// The scenario the override is for (`name:` prefix), or nil for all.
    public var scenario: String?
    /// The path as written, without the scenario prefix.
    public var path: String
    /// The value as written.
    public var value: String

    /// An override of `path` with `value`, optionally only in `scenario`.
    public init(scenario: String? = nil, path: String, value: String) {
        self.scenario = scenario
        self.path = path
        self.value = value
    }

    /// Parses a `--set` argument: `[scenario:]path=value`.
    public static func parse(_ argument: String) throws(ScenarioErrorList) -> ScenarioOverride {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ScenarioErrorList([
                ScenarioError(file: "--set \(argument)", path: nil, reason: "expected path=value")
            ])
        }
        var target = String(argument[..<equals])
        var scenario: String?
        if let colon = target.firstIndex(of: ":") {
            scenario = String(target[..<colon])
            target = String(target[target.index(after: colon)...])
        }
        guard !target.isEmpty else {
            throw ScenarioErrorList([
                ScenarioError(file: "--set \(argument)", path: nil, reason: "the path is empty")
            ])
        }
        return ScenarioOverride(
            scenario: scenario, path: target, value: String(argument[argument.index(after: equals)...]))
    }

    /// `[scenario:]path=value`, as given on the command line.
    public var description: String {
        (scenario.map { $0 + ":" } ?? "") + path + "=" + value
    }

    /// `scenarios` with every override applied and re-validated, or every fault found.
    public static func apply(_ overrides: [ScenarioOverride], to scenarios: [Scenario])
        throws(ScenarioErrorList)
        -> [Scenario]
    {
        var patched = scenarios
        var errors: [ScenarioError] = []
        for override in overrides {
            var matched = false
            var missing: [ScenarioError] = []
            for (index, scenario) in patched.enumerated()
            where override.scenario.map({ $0 == scenario.name }) ?? true {
                do throws(ScenarioError) {
                    patched[index].document = try override.patch(scenario.document, file: scenario.file)
                    matched = true
                } catch {
                    missing.append(error)
                }
            }
            if let name = override.scenario, !scenarios.contains(where: { $0.name == name }) {
                errors.append(
                    ScenarioError(
                        file: "--set \(override)", path: nil, reason: "no scenario named \"\(name)\""))
            } else if !matched || override.scenario != nil {
                // A bare path may be absent from some scenarios; it is a fault only when it fits none.
                errors += missing
            }
        }
        guard errors.isEmpty else { throw ScenarioErrorList(errors) }
        var result: [Scenario] = []
        for scenario in patched {
            do {
                result.append(try ScenarioLoader.load(document: scenario.document, file: scenario.file))
            } catch {
                errors += error.errors.map { fault in
                    var fault = fault
                    fault.reason += " (after --set)"
                    return fault
                }
            }
        }
        guard errors.isEmpty else { throw ScenarioErrorList(errors) }
        return result
    }

    /// `document` with the value at this override's path replaced.
    func patch(_ document: JSONValue, file: String) throws(ScenarioError) -> JSONValue {
        let path = try resolvedPath(in: document, file: file)
        let old = document[path: path]!
        let new = try typedValue(replacing: old, at: path, file: file)
        return document.replacing(at: path.components[...], with: new)
    }

    /// The path as components, with step names turned into indexes; a fault if any part does not exist.
    func resolvedPath(in document: JSONValue, file: String) throws(ScenarioError) -> JSONPath {
        var text = Substring(path)
        if text.hasPrefix("$") { text = text.dropFirst().drop { $0 == "." } }
        var resolved = JSONPath.root
        var current = document
        func fail(_ reason: String) -> ScenarioError {
            ScenarioError(file: file, path: resolved, reason: "--set \(self): \(reason)")
        }
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var part = part
            let keyEnd = part.firstIndex(of: "[") ?? part.endIndex
            let key = String(part[..<keyEnd])
            part = part[keyEnd...]
            if !key.isEmpty {
                if case .array(let elements) = current,
                    let index = elements.firstIndex(where: { $0["name"]?.stringValue == key })
                {
                    resolved = resolved.appending(index)
                    current = elements[index]
                } else if let next = current[key] {
                    resolved = resolved.appending(key)
                    current = next
                } else {
                    throw fail(
                        "no \"\(key)\" here; an override can only replace a value the scenario already has")
                }
            } else if part.isEmpty {
                throw fail("empty path segment")
            }
            while part.first == "[" {
                guard let close = part.firstIndex(of: "]"),
                    let index = Int(part[part.index(after: part.startIndex)..<close])
                else { throw fail("malformed index in \"\(path)\"") }
                guard let elements = current.arrayValue, elements.indices.contains(index) else {
                    throw fail("no element [\(index)] here")
                }
                resolved = resolved.appending(index)
                current = elements[index]
                part = part[part.index(after: close)...]
            }
            if !part.isEmpty { throw fail("malformed path \"\(path)\"") }
        }
        return resolved
    }

    /// The override's text as a value of the same JSON type as `old`.
    private func typedValue(replacing old: JSONValue, at path: JSONPath, file: String) throws(ScenarioError)
        -> JSONValue
    {
        let parsed = try? JSONValue.parse(value)
        let fail = { (expected: String) in
            ScenarioError(
                file: file, path: path, reason: "--set \(self): expected \(expected), got \"\(value)\"")
        }
        switch old {
        case .string:
            // Plain text is a string; a JSON-quoted one is accepted too, so scripts can quote uniformly.
            if case .string? = parsed { return parsed! }
            return .string(value)
        case .int:
            guard let number = Int(value) else { throw fail("integer") }
            return .int(number)
        case .double:
            guard let number = parsed?.doubleValue else { throw fail("number") }
            return .double(number)
        case .bool:
            guard let flag = parsed?.boolValue else { throw fail("true or false") }
            return .bool(flag)
        case .array, .object:
            guard let parsed, parsed.kindName == old.kindName else { throw fail("JSON \(old.kindName)") }
            return parsed
        case .null:
            return parsed ?? .string(value)
        }
    }
}

extension JSONValue {
    /// This value with the value at `components` replaced by `new`; the path must exist.
    func replacing(at components: ArraySlice<JSONPath.Component>, with new: JSONValue) -> JSONValue {
        guard let first = components.first else { return new }
        switch (first, self) {
        case (.key(let key), .object(var members)):
            members[key] = members[key]!.replacing(at: components.dropFirst(), with: new)
            return .object(members)
        case (.index(let index), .array(var elements)):
            elements[index] = elements[index].replacing(at: components.dropFirst(), with: new)
            return .array(elements)
        default:
            return self
        }
    }
}
