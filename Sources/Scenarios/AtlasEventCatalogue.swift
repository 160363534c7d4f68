import AtlasJSON

/// The event types a fire step may send and the `fields` each accepts, as the admin API's EVENT REQUEST defines them.
///
/// Checking them here means a typo or an impossible value is reported by `validate` with the file and
/// path, before any server is involved.
enum AtlasEventCatalogue {
    /// One accepted field and what its value may be.
    enum FieldRule {
        case string
        case choice([String])
        case integer(ClosedRange<Int>)
        case stringOrStringArray
    }

    /// What one event type accepts.
    struct EventRule {
        /// Whether `orderNo` may be given (everything but `airline.status`).
        var takesOrder: Bool
        /// Accepted `fields` members.
        var fields: [String: FieldRule]
        /// Members that must be present.
        var requiredFields: Set<String> = []
    }

    /// The 13 documented `emailCategory` values of `email.all`.
    static let emailCategories = [
        "Schedule change", "Receipt", "Payment Success", "Verification", "Trip Reminder", "Promo code",
        "Travel Itinerary", "Advertisement", "PNR Cancellation Success", "Payment Due", "Unidentified",
        "Duplicated Schedule Change", "Unaccounted Cancellation",
    ]

    /// Every event type, keyed by its webhook `type`.
    static let rules: [String: EventRule] = [
        "order.ticketed": EventRule(takesOrder: true, fields: [:]),
        "order.schedulechange": EventRule(
            takesOrder: true,
            fields: [
                "scheduleChangeType": .integer(1...2), "change": .choice(["time", "flightNumber"]),
                "segmentIndex": .integer(0...Int.max), "shiftMinutes": .integer(-100_000...100_000),
                "newFlightNumber": .string,
            ]),
        "email.schedulechange": EventRule(takesOrder: true, fields: ["emailSubject": .string]),
        "abnormal.cancelled": EventRule(
            takesOrder: true, fields: ["vendorRefundInformation": .choice(["FULLY", "CANCELLED"])]),
        "order.void": EventRule(
            takesOrder: true,
            fields: ["voidStatus": .integer(0...6), "message": .string, "voidCode": .string],
            requiredFields: ["voidStatus"]),
        "airline.status": EventRule(
            takesOrder: false,
            fields: [
                "airline": .stringOrStringArray,
                "airlineStatus": .choice(["Active", "Maintenance", "Inactive"]),
            ],
            requiredFields: ["airline", "airlineStatus"]),
        "email.all": EventRule(
            takesOrder: true,
            fields: [
                "emailCategory": .choice(emailCategories), "from": .string, "to": .string,
                "emailSubject": .string,
            ]),
        "order.cancelled": EventRule(
            takesOrder: true, fields: ["errorCode": .string, "errorMessage": .string]),
    ]

    /// The types in a stable order for messages.
    static var typeNames: [String] { rules.keys.sorted() }

    /// Checks `fields` of an event of `type` at `path`.
    static func checkFields(
        _ fields: [String: JSONValue], type: String, at path: JSONPath, reader: StepReader
    ) throws(JSONShapeError) {
        guard let rule = rules[type] else { return }
        if rule.fields.isEmpty, let key = fields.keys.sorted().first {
            throw JSONShapeError(path: path.appending(key), reason: "unknown key (\(type) takes no fields)")
        }
        try fields.rejectUnknownKeys(allowed: Set(rule.fields.keys), at: path)
        for key in rule.requiredFields.sorted() { _ = try fields.required(key, at: path) }
        for key in fields.keys.sorted() {
            let value = fields[key]!
            let valuePath = path.appending(key)
            switch rule.fields[key]! {
            case .string:
                _ = try reader.string(value, at: valuePath)
            case .choice(let choices):
                _ = try reader.choice(value, at: valuePath, from: choices)
            case .integer(let range):
                _ = try reader.int(value, at: valuePath, in: range)
            case .stringOrStringArray:
                if value.stringValue != nil || reader.isDeferred(value) { continue }
                guard let codes = value.arrayValue, !codes.isEmpty else {
                    throw JSONShapeError(
                        path: valuePath,
                        reason: "expected an IATA code or a non-empty array of them, got \(value.kindName)")
                }
                for (index, code) in codes.enumerated() {
                    _ = try reader.string(code, at: valuePath.appending(index))
                }
            }
        }
    }
}
