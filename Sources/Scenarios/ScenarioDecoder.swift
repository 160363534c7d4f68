import AtlasJSON

/// Turns a parsed scenario document into a `Scenario`, collecting every fault rather than stopping at the first.
struct ScenarioDecoder {
    /// The file name used in errors.
    var file: String

    /// Top-level keys of a scenario file; `$schema` lets editors find `scenario.schema.json`.
    static let topLevelKeys: Set<String> = [
        "$schema", "name", "description", "client", "orders", "variables", "steps",
    ]
    /// Step actions; a step has exactly one.
    static let actionKeys = ["register", "fire", "wait", "clock", "expect"]
    /// Names the runner provides: `${webhookUrl}`, `${clientId}`, `${orders[n]}`.
    static let builtinNames: Set<String> = ["webhookUrl", "clientId", "orders"]
    /// Top-level members of a FIRE RESPONSE, so `${fire1.evntId}` is caught before running.
    static let fireResultKeys: Set<String> = [
        "eventId", "notificationId", "type", "clientId", "orderNo", "url", "payload", "payloadText",
        "incident",
        "outcome", "deliveries",
    ]
    /// Top-level members of a repeated fire step's result.
    static let repeatedFireResultKeys: Set<String> = ["count", "eventIds", "last"]

    /// The scenario in `document`, or every fault found in it.
    func decode(_ document: JSONValue) -> Result<Scenario, ScenarioErrorList> {
        var errors: [ScenarioError] = []
        func record<T>(_ body: () throws(JSONShapeError) -> T) -> T? {
            do {
                return try body()
            } catch {
                errors.append(ScenarioError(file: file, error))
                return nil
            }
        }
        let root = JSONPath.root
        guard let top = record({ () throws(JSONShapeError) in try document.expectObject(at: root) }) else {
            return .failure(ScenarioErrorList(errors))
        }
        errors += top.unknownKeyErrors(allowed: Self.topLevelKeys, at: root, file: file)
        let name = record { () throws(JSONShapeError) -> String in
            let text = try top.required("name", at: root).expectString(at: root.appending("name"))
            guard !text.isEmpty, text.utf8.allSatisfy(Self.isNameByte) else {
                throw JSONShapeError(
                    path: root.appending("name"),
                    reason: "expected letters, digits, '.', '_' or '-', got \"\(text)\"")
            }
            return text
        }
        let description =
            record { () throws(JSONShapeError) in
                try top["description"]?.expectString(at: root.appending("description"))
            } ?? nil
        let clientId =
            record { () throws(JSONShapeError) in
                try top["client"]?.expectString(at: root.appending("client"))
            } ?? nil
        let orders = record { () throws(JSONShapeError) in try decodeOrders(top["orders"]) } ?? []
        let variables = record { () throws(JSONShapeError) in try decodeVariables(top["variables"]) } ?? [:]
        guard
            let stepValues = record({ () throws(JSONShapeError) in
                let steps = try top.required("steps", at: root).expectArray(at: root.appending("steps"))
                if steps.isEmpty {
                    throw JSONShapeError(path: root.appending("steps"), reason: "expected at least one step")
                }
                return steps
            })
        else { return .failure(ScenarioErrorList(errors)) }
        let client = clientId ?? "sandbox"
        let steps = StepListDecoder(file: file, clientId: client, orders: orders, variables: variables)
        let decoded = steps.decode(stepValues, errors: &errors)
        guard errors.isEmpty, let name else { return .failure(ScenarioErrorList(errors)) }
        return .success(
            Scenario(
                name: name, description: description ?? "", file: file, clientId: client, orders: orders,
                variables: variables, steps: decoded, document: document))
    }

    private func decodeOrders(_ value: JSONValue?) throws(JSONShapeError) -> [String] {
        guard let value else { return [] }
        let path = JSONPath.root.appending("orders")
        var orders: [String] = []
        for (index, element) in try value.expectArray(at: path).enumerated() {
            let elementPath = path.appending(index)
            if let members = element.objectValue {
                // The admin API has no route that creates orders, so an inline order can only name a fixture.
                for key in members.keys.sorted() where key != "orderNo" {
                    throw JSONShapeError(
                        path: elementPath.appending(key),
                        reason:
                            "inline order data is not supported (the admin API cannot create orders); reference a fixture order by orderNo"
                    )
                }
                orders.append(
                    try members.required("orderNo", at: elementPath).expectString(
                        at: elementPath.appending("orderNo")))
            } else {
                orders.append(try element.expectString(at: elementPath))
            }
        }
        return orders
    }

    private func decodeVariables(_ value: JSONValue?) throws(JSONShapeError) -> [String: JSONValue] {
        guard let value else { return [:] }
        let path = JSONPath.root.appending("variables")
        let members = try value.expectObject(at: path)
        for key in JSONValue.sortedKeys(members) {
            let keyPath = path.appending(key)
            guard ScenarioReference.parse(inner: key)?.path.isEmpty == true else {
                throw JSONShapeError(
                    path: keyPath,
                    reason: "a variable name is letters, digits, '_' or '-', not starting with a digit")
            }
            if Self.builtinNames.contains(key) {
                throw JSONShapeError(path: keyPath, reason: "\(key) is a built-in name; choose another")
            }
            if case .failure(let fault)? = ScenarioTemplate.references(in: members[key]!, at: keyPath).first {
                throw fault
            }
            if let found = try? ScenarioTemplate.references(in: members[key]!, at: keyPath).first?.get() {
                throw JSONShapeError(
                    path: found.1, reason: "variables are plain values; they cannot refer to \(found.0)")
            }
        }
        return members
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2D || byte == 0x2E
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// A fault for every unknown key (not only the first), so one `validate` run lists them all.
    func unknownKeyErrors(allowed: Set<String>, at path: JSONPath, file: String) -> [ScenarioError] {
        let known = allowed.sorted().joined(separator: ", ")
        return keys.sorted().filter { !allowed.contains($0) }.map { key in
            ScenarioError(
                file: file, path: path.appending(key), reason: "unknown key (expected one of: \(known))")
        }
    }
}
