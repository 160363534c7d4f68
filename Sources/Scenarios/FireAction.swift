import AtlasJSON

/// A fire step: the EVENT REQUEST to send, and how many times to send it.
struct FireAction: Sendable, Hashable {
    /// The body of `POST /__admin/events`, with the scenario's `clientId` filled in.
    var event: JSONValue
    /// How many times to send it without waiting in between (`repeat`, 1 by default).
    var repeatCount: Int
    /// The event type, for progress lines; nil when it came from a reference.
    var type: String?

    /// The keys a fire step accepts.
    static let keys: Set<String> = ["type", "orderNo", "fields", "faults", "wait", "repeat"]

    /// Reads a fire step body at `path`, checking type, order, fields and faults.
    static func decode(
        _ body: JSONValue, at path: JSONPath, clientId: String, reader: StepReader
    ) throws(JSONShapeError) -> FireAction {
        let members = try body.expectObject(at: path)
        try members.rejectUnknownKeys(allowed: keys, at: path)
        let typePath = path.appending("type")
        let type = try reader.string(try members.required("type", at: path), at: typePath)
        if let type, AtlasEventCatalogue.rules[type] == nil {
            let known = AtlasEventCatalogue.typeNames.joined(separator: ", ")
            throw JSONShapeError(
                path: typePath, reason: "unknown event type \"\(type)\" (expected one of: \(known))")
        }
        var event: [String: JSONValue] = ["clientId": .string(clientId), "type": members["type"]!]
        if let orderNo = members["orderNo"] {
            if let type, AtlasEventCatalogue.rules[type]?.takesOrder == false {
                throw JSONShapeError(
                    path: path.appending("orderNo"), reason: "\(type) is not about an order; remove orderNo")
            }
            _ = try reader.nonEmptyString(orderNo, at: path.appending("orderNo"))
            event["orderNo"] = orderNo
        }
        if let fields = members["fields"] {
            if let object = try reader.object(fields, at: path.appending("fields")), let type {
                try AtlasEventCatalogue.checkFields(
                    object, type: type, at: path.appending("fields"), reader: reader)
            }
            event["fields"] = fields
        } else if let type, let rule = AtlasEventCatalogue.rules[type],
            let first = rule.requiredFields.sorted().first
        {
            throw JSONShapeError(
                path: path.appending("fields").appending(first), reason: "missing required field")
        }
        if let faults = members["faults"] {
            try checkFaults(faults, at: path.appending("faults"), reader: reader)
            event["faults"] = faults
        }
        if let wait = members["wait"] {
            _ = try reader.bool(wait, at: path.appending("wait"))
            event["wait"] = wait
        }
        var repeatCount = 1
        if let count = members["repeat"] {
            repeatCount = try reader.int(count, at: path.appending("repeat"), in: 1...100_000) ?? 1
        }
        return FireAction(event: .object(event), repeatCount: repeatCount, type: type)
    }

    /// Checks the `faults` object: drop, duplicate, delayMs, reorder.
    private static func checkFaults(_ value: JSONValue, at path: JSONPath, reader: StepReader)
        throws(JSONShapeError)
    {
        guard let faults = try reader.object(value, at: path) else { return }
        try faults.rejectUnknownKeys(allowed: ["drop", "duplicate", "delayMs", "reorder"], at: path)
        if let drop = faults["drop"] { _ = try reader.bool(drop, at: path.appending("drop")) }
        if let copies = faults["duplicate"] {
            _ = try reader.int(copies, at: path.appending("duplicate"), in: 1...100)
        }
        if let delay = faults["delayMs"] {
            _ = try reader.int(delay, at: path.appending("delayMs"), in: 0...600_000)
        }
        if let reorder = faults["reorder"],
            let batch = try reader.object(reorder, at: path.appending("reorder"))
        {
            let reorderPath = path.appending("reorder")
            try batch.rejectUnknownKeys(allowed: ["batch", "size"], at: reorderPath)
            _ = try reader.nonEmptyString(
                try batch.required("batch", at: reorderPath), at: reorderPath.appending("batch"))
            _ = try reader.int(
                try batch.required("size", at: reorderPath), at: reorderPath.appending("size"), in: 2...1000)
        }
    }
}
