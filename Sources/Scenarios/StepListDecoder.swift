import AtlasJSON

/// Reads the `steps` array: one action per step, unique names, references only to what exists earlier.
struct StepListDecoder {
    /// The file name used in errors.
    var file: String
    /// The scenario's client, filled into fire requests.
    var clientId: String
    /// `orders`, for `${orders[n]}`.
    var orders: [String]
    /// `variables`, for `${name}`.
    var variables: [String: JSONValue]

    /// The decoded steps; faults are appended to `errors`.
    func decode(_ values: [JSONValue], errors: inout [ScenarioError]) -> [ScenarioStep] {
        let stepsPath = JSONPath.root.appending("steps")
        // Names first, so a reference to a later step can be told apart from one to no step at all.
        var names: [String: (index: Int, kind: ScenarioStep.Kind?, repeated: Bool)] = [:]
        for (index, value) in values.enumerated() {
            guard let name = value["name"]?.stringValue else { continue }
            let path = stepsPath.appending(index).appending("name")
            if let earlier = names[name] {
                errors.append(
                    ScenarioError(
                        file: file, path: path,
                        reason: "duplicate step name \"\(name)\" (first used at $.steps[\(earlier.index)])"))
            } else if variables[name] != nil || ScenarioDecoder.builtinNames.contains(name) {
                errors.append(
                    ScenarioError(
                        file: file, path: path, reason: "\"\(name)\" is already a variable or built-in name"))
            } else {
                let kind = try? Self.kindAndBody(of: value, at: stepsPath.appending(index)).kind
                names[name] = (index, kind, value["fire"]?["repeat"] != nil)
            }
        }
        var steps: [ScenarioStep] = []
        for (index, value) in values.enumerated() {
            let path = stepsPath.appending(index)
            do throws(JSONShapeError) {
                steps.append(try decodeStep(value, index: index, at: path, names: names))
            } catch {
                errors.append(ScenarioError(file: file, error))
            }
        }
        return steps
    }

    /// The kind of a step and where its body is: `fire` → `$.steps[n].fire`, `expect` → `$.steps[n].expect.deliveries`.
    static func kindAndBody(of value: JSONValue, at path: JSONPath) throws(JSONShapeError)
        -> (kind: ScenarioStep.Kind, body: JSONValue, bodyPath: JSONPath)
    {
        let members = try value.expectObject(at: path)
        try members.rejectUnknownKeys(
            allowed: Set(ScenarioDecoder.actionKeys + ["name", "description"]), at: path)
        let actions = ScenarioDecoder.actionKeys.filter { members[$0] != nil }
        guard let action = actions.first else {
            throw JSONShapeError(
                path: path, reason: "expected one action: register, fire, wait, clock or expect")
        }
        guard actions.count == 1 else {
            throw JSONShapeError(
                path: path,
                reason: "a step has exactly one action, found \(actions.joined(separator: " and "))")
        }
        let bodyPath = path.appending(action)
        if action == "expect" {
            let expect = try members["expect"]!.expectObject(at: bodyPath)
            let kinds: [(String, ScenarioStep.Kind)] = [
                ("deliveries", .expectDeliveries), ("incidents", .expectIncidents),
                ("requests", .expectRequests),
                ("equal", .expectEqual),
            ]
            try expect.rejectUnknownKeys(allowed: Set(kinds.map(\.0)), at: bodyPath)
            guard expect.count == 1, let (key, kind) = kinds.first(where: { expect[$0.0] != nil }) else {
                throw JSONShapeError(
                    path: bodyPath, reason: "expected exactly one of deliveries, incidents, requests or equal"
                )
            }
            return (kind, expect[key]!, bodyPath.appending(key))
        }
        return (ScenarioStep.Kind(rawValue: action)!, members[action]!, bodyPath)
    }

    private func decodeStep(
        _ value: JSONValue, index: Int, at path: JSONPath,
        names: [String: (index: Int, kind: ScenarioStep.Kind?, repeated: Bool)]
    ) throws(JSONShapeError) -> ScenarioStep {
        let (kind, body, bodyPath) = try Self.kindAndBody(of: value, at: path)
        let members = value.objectValue ?? [:]
        let name = try members["name"].map { (v) throws(JSONShapeError) in
            try v.expectString(at: path.appending("name"))
        }
        if let name, ScenarioReference.parse(inner: name)?.path.isEmpty != true {
            throw JSONShapeError(
                path: path.appending("name"),
                reason: "a step name is letters, digits, '_' or '-', not starting with a digit")
        }
        if let description = members["description"] {
            _ = try description.expectString(at: path.appending("description"))
        }

        // Every reference must name a variable, a built-in, or a step that has already run.
        for found in ScenarioTemplate.references(in: body, at: bodyPath) {
            let (reference, where_) = try found.get()
            try checkReference(reference, at: where_, stepIndex: index, names: names)
        }
        var reader = StepReader(allowsDeferred: true)
        reader.checkStepName = { (stepName, at, fireOnly) throws(JSONShapeError) in
            guard let target = names[stepName] else {
                throw JSONShapeError(path: at, reason: "no step named \"\(stepName)\"")
            }
            guard target.index < index else {
                throw JSONShapeError(
                    path: at,
                    reason:
                        "step \"\(stepName)\" runs later (at $.steps[\(target.index)]); refer only to earlier steps"
                )
            }
            if fireOnly, target.kind != .fire {
                throw JSONShapeError(path: at, reason: "step \"\(stepName)\" is not a fire step")
            }
        }
        // Values known before running (variables, client, orders) are substituted so they are checked too.
        let known = try ScenarioTemplate.resolve(body, at: bodyPath) {
            (reference, _) throws(JSONShapeError) in
            staticValue(of: reference)
        }
        let action = try ScenarioAction.decode(
            kind: kind, body: known, at: bodyPath, clientId: clientId, reader: reader)
        var label = kind.rawValue
        if case .fire(let fire) = action {
            label = "fire " + (fire.type ?? "event") + (fire.repeatCount > 1 ? " ×\(fire.repeatCount)" : "")
        }
        return ScenarioStep(
            index: index, name: name, kind: kind, label: label, body: body, bodyPath: bodyPath)
    }

    /// The value of a reference known before running, or nil for one known only at run time.
    func staticValue(of reference: ScenarioReference) -> JSONValue? {
        switch reference.root {
        case "clientId": return .string(clientId)
        case "orders": return JSONValue.array(orders.map(JSONValue.string))[path: reference.jsonPath]
        default: return variables[reference.root].flatMap { $0[path: reference.jsonPath] }
        }
    }

    private func checkReference(
        _ reference: ScenarioReference, at path: JSONPath, stepIndex: Int,
        names: [String: (index: Int, kind: ScenarioStep.Kind?, repeated: Bool)]
    ) throws(JSONShapeError) {
        let root = reference.root
        if ScenarioDecoder.builtinNames.contains(root) || variables[root] != nil {
            if root == "webhookUrl" || root == "clientId" {
                guard reference.path.isEmpty else {
                    throw JSONShapeError(path: path, reason: "\(reference): \(root) is a string")
                }
                return
            }
            guard staticValue(of: reference) != nil else {
                throw JSONShapeError(
                    path: path, reason: "\(reference) refers to nothing: \(root) has no \(reference.jsonPath)"
                )
            }
            return
        }
        guard let target = names[root] else {
            throw JSONShapeError(
                path: path,
                reason: "unknown reference \(reference): no variable, built-in or step named \"\(root)\"")
        }
        if target.index == stepIndex {
            throw JSONShapeError(path: path, reason: "\(reference) refers to its own step")
        }
        if target.index > stepIndex {
            throw JSONShapeError(
                path: path,
                reason:
                    "forward reference \(reference): step \"\(root)\" runs later (at $.steps[\(target.index)])"
            )
        }
        if target.kind == .fire, case .key(let first)? = reference.path.first {
            let keys =
                target.repeated ? ScenarioDecoder.repeatedFireResultKeys : ScenarioDecoder.fireResultKeys
            guard keys.contains(first) else {
                throw JSONShapeError(
                    path: path,
                    reason:
                        "\(reference): a fire step's result has no \"\(first)\" (it has \(keys.sorted().joined(separator: ", ")))"
                )
            }
        }
    }
}
