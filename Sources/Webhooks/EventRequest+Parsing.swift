public import AtlasJSON
import AtlasSandbox

extension EventRequest {
    /// The ticketing error codes of the legacy catalogue with their messages (reference §3.2).
    public static let ticketErrors: [(code: String, message: String)] = [
        ("601", "Price change"), ("602", "Flight not found"), ("603", "Flight sold out"),
        ("604", "Payment declined by airline"), ("605", "Incorrect passenger information"),
        ("606", "Inconsistent flight information"), ("607", "Fare not available"),
        ("608", "Duplicate booking"),
        ("609", "Contact email is blocked by airline"), ("610", "Error happened during payment with airline"),
        ("699", "Unknown error"),
    ]

    /// The `airlineStatus` values of `airline.status`.
    public static let airlineStatuses = ["Active", "Maintenance", "Inactive"]

    /// Validates an EVENT REQUEST document (CONTRACTS.md) strictly: unknown keys anywhere, wrong kinds
    /// and out-of-range values are refused with the JSON path at fault.
    public static func parse(_ document: JSONValue) throws(EventRequestError) -> EventRequest {
        do {
            return try parseShape(document)
        } catch {
            throw EventRequestError(error)
        }
    }

    private static func parseShape(_ document: JSONValue) throws(JSONShapeError) -> EventRequest {
        let root = try RequestObject(document, at: .root)
        try root.allow(["clientId", "type", "orderNo", "fields", "faults", "wait"])
        let clientId = try root.requiredString("clientId") {
            !$0.isEmpty ? nil : "expected a non-empty client id"
        }
        let typeName = try root.requiredString("type") { name in
            WebhookType(name: name) == nil
                ? "unknown webhook type \"\(name)\" (expected one of: \(WebhookType.names))" : nil
        }
        let type = WebhookType(name: typeName)!
        let orderNo = try root.string("orderNo") { $0.isEmpty ? "expected an order number" : nil }
        if orderNo != nil, !type.concernsOrder {
            throw JSONShapeError(
                path: .root.appending("orderNo"),
                reason: "\(type.rawValue) is not about an order; remove orderNo")
        }
        let fields = try RequestObject(
            root.members["fields"] ?? [:], at: .root.appending("fields"), nullIsEmpty: true)
        let details = try parseDetails(type, fields)
        let faults = try parseFaults(
            RequestObject(root.members["faults"] ?? [:], at: .root.appending("faults"), nullIsEmpty: true))
        let wait = try root.bool("wait") ?? false
        return EventRequest(
            clientId: clientId, type: type, orderNo: orderNo, details: details, faults: faults, wait: wait)
    }

    private static func parseFaults(_ faults: RequestObject) throws(JSONShapeError) -> EventFaults {
        try faults.allow(["drop", "duplicate", "delayMs", "reorder"])
        var result = EventFaults()
        result.drop = try faults.bool("drop") ?? false
        result.duplicate = try faults.int("duplicate", in: 1...100) ?? 1
        result.delayMilliseconds = try faults.int("delayMs", in: 0...600_000) ?? 0
        if let value = faults.members["reorder"], !value.isNull {
            let reorder = try RequestObject(value, at: faults.path.appending("reorder"))
            try reorder.allow(["batch", "size"])
            let batch = try reorder.requiredString("batch") {
                $0.isEmpty ? "expected a non-empty batch name" : nil
            }
            guard let size = try reorder.int("size", in: 2...100) else {
                throw JSONShapeError(path: reorder.path.appending("size"), reason: "missing required field")
            }
            result.reorder = .init(batch: batch, size: size)
        }
        return result
    }

    private static func parseDetails(_ type: WebhookType, _ fields: RequestObject) throws(JSONShapeError)
        -> Details
    {
        switch type {
        case .orderTicketed:
            try fields.allow([])
            return .orderTicketed
        case .orderScheduleChange:
            return .orderScheduleChange(try parseScheduleChange(fields))
        case .emailScheduleChange:
            try fields.allow(["emailSubject"])
            return .emailScheduleChange(subject: try fields.string("emailSubject", nonEmpty))
        case .abnormalCancelled:
            try fields.allow(["vendorRefundInformation"])
            let information = try fields.string("vendorRefundInformation") {
                ["FULLY", "CANCELLED"].contains($0)
                    ? nil : "expected \"FULLY\" or \"CANCELLED\", got \"\($0)\""
            }
            return .abnormalCancelled(vendorRefundInformation: information ?? "FULLY")
        case .orderVoid:
            try fields.allow(["voidStatus", "message", "voidCode"])
            guard let status = try fields.int("voidStatus", in: 0...6, expected: "integer 0…6") else {
                throw JSONShapeError(
                    path: fields.path.appending("voidStatus"), reason: "missing required field (integer 0…6)")
            }
            let message = try fields.string("message") { _ in nil }
            let voidCode = try fields.string("voidCode") {
                isVoidCode($0) ? nil : "expected YYYYMM-NNNN, got \"\($0)\""
            }
            return .orderVoid(status: VoidStatus(rawValue: status)!, message: message, voidCode: voidCode)
        case .airlineStatus:
            return try parseAirlineStatus(fields)
        case .emailAll:
            try fields.allow(["emailCategory", "from", "to", "emailSubject"])
            let category = try fields.string("emailCategory") { name in
                CapturedEmail.categories.contains(name)
                    ? nil
                    : "unknown email category \"\(name)\" (expected one of: \(CapturedEmail.categories.joined(separator: ", ")))"
            }
            let email: (String) -> String? = {
                $0.contains("@") ? nil : "expected an email address, got \"\($0)\""
            }
            return .emailAll(
                category: category ?? "Schedule change", from: try fields.string("from", email),
                to: try fields.string("to", email), subject: try fields.string("emailSubject", nonEmpty))
        case .orderCancelled:
            try fields.allow(["errorCode", "errorMessage"])
            let code =
                try fields.string("errorCode") { code in
                    ticketErrors.contains { $0.code == code }
                        ? nil
                        : "expected a ticketing error code (\(ticketErrors.map(\.code).joined(separator: ", "))), got \"\(code)\""
                } ?? "604"
            let message =
                try fields.string("errorMessage", nonEmpty) ?? ticketErrors.first { $0.code == code }!.message
            return .orderCancelled(errorCode: code, errorMessage: message)
        }
    }

    private static func parseScheduleChange(_ fields: RequestObject) throws(JSONShapeError) -> ScheduleChange
    {
        try fields.allow(["scheduleChangeType", "change", "segmentIndex", "shiftMinutes", "newFlightNumber"])
        let changeType =
            try fields.int(
                "scheduleChangeType", in: 1...2, expected: "1 (schedule change) or 2 (cancellation)") ?? 1
        if changeType == 2 {
            for key in ["change", "segmentIndex", "shiftMinutes", "newFlightNumber"]
            where fields.members[key] != nil {
                throw JSONShapeError(
                    path: fields.path.appending(key),
                    reason: "only for scheduleChangeType 1; a type 2 change cancels the whole itinerary")
            }
            return .cancellation
        }
        let change =
            try fields.string("change") {
                $0 == "time" || $0 == "flightNumber"
                    ? nil : "expected \"time\" or \"flightNumber\", got \"\($0)\""
            } ?? "time"
        let index = try fields.int("segmentIndex", in: 0...99) ?? 0
        let newFlightNumber = try fields.string("newFlightNumber") {
            isFlightNumber($0) ? nil : "expected a carrier code and 1 to 4 digits (VJ999), got \"\($0)\""
        }
        if change == "flightNumber" {
            if fields.members["shiftMinutes"] != nil {
                throw JSONShapeError(
                    path: fields.path.appending("shiftMinutes"),
                    reason: "only for change \"time\"; a flight-number change keeps the times")
            }
            return .flightNumber(segmentIndex: index, newFlightNumber: newFlightNumber)
        }
        let shift =
            try fields.int("shiftMinutes", in: -10_080...10_080, expected: "non-zero minutes within ±10080")
            ?? 90
        guard shift != 0 else {
            throw JSONShapeError(
                path: fields.path.appending("shiftMinutes"),
                reason: "expected non-zero minutes within ±10080, got 0")
        }
        return .time(segmentIndex: index, shiftMinutes: shift, newFlightNumber: newFlightNumber)
    }

    private static func parseAirlineStatus(_ fields: RequestObject) throws(JSONShapeError) -> Details {
        try fields.allow(["airline", "airlineStatus"])
        let path = fields.path.appending("airline")
        var airlines: [String] = []
        switch fields.members["airline"] {
        case nil:
            throw JSONShapeError(
                path: path, reason: "missing required field (an airline code or an array of them)")
        case .string(let code)?:
            airlines = [code]
        case .array(let list)? where !list.isEmpty:
            for (index, element) in list.enumerated() {
                airlines.append(try element.expectString(at: path.appending(index)))
            }
        case let value?:
            throw JSONShapeError(
                path: path,
                reason: "expected an airline code or a non-empty array of them, got \(value.kindName)")
        }
        for (index, code) in airlines.enumerated() where !OrderFixtures.isAirlineCode(code) {
            let at =
                airlines.count == 1 && fields.members["airline"]?.stringValue != nil
                ? path : path.appending(index)
            throw JSONShapeError(
                path: at, reason: "expected a two-character IATA airline code, got \"\(code)\"")
        }
        guard
            let status = try fields.string(
                "airlineStatus",
                {
                    airlineStatuses.contains($0)
                        ? nil : "expected Active, Maintenance or Inactive, got \"\($0)\""
                })
        else {
            throw JSONShapeError(
                path: fields.path.appending("airlineStatus"),
                reason: "missing required field (Active, Maintenance or Inactive)")
        }
        return .airlineStatus(airlines: airlines, status: status)
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? "expected a non-empty string" : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `YYYYMM-NNNN`.
    static func isVoidCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[6] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 6 || isDigit($0.element) }
    }

    /// Carrier code and 1 to 4 digits: `VJ999`.
    static func isFlightNumber(_ text: String) -> Bool {
        OrderFixtures.isAirlineCode(String(text.prefix(2))) && (1...4).contains(text.utf8.count - 2)
            && text.utf8.dropFirst(2).allSatisfy(isDigit)
    }
}

/// One object of an EVENT REQUEST with typed, path-naming accessors.
private struct RequestObject {
    let members: [String: JSONValue]
    let path: JSONPath

    init(_ value: JSONValue, at path: JSONPath, nullIsEmpty: Bool = false) throws(JSONShapeError) {
        self.path = path
        members = nullIsEmpty && value.isNull ? [:] : try value.expectObject(at: path)
    }

    func allow(_ keys: Set<String>) throws(JSONShapeError) {
        guard !keys.isEmpty else {
            if let key = members.keys.sorted().first {
                throw JSONShapeError(
                    path: path.appending(key), reason: "unknown key (this type takes no fields)")
            }
            return
        }
        try members.rejectUnknownKeys(allowed: keys, at: path)
    }

    /// The string at `key` (nil when absent or null), checked by `problem`, which names what is wrong.
    func string(_ key: String, _ problem: (String) -> String?) throws(JSONShapeError) -> String? {
        guard let value = members[key], !value.isNull else { return nil }
        let text = try value.expectString(at: path.appending(key))
        if let reason = problem(text) { throw JSONShapeError(path: path.appending(key), reason: reason) }
        return text
    }

    func requiredString(_ key: String, _ problem: (String) -> String?) throws(JSONShapeError) -> String {
        guard let text = try string(key, problem) else {
            throw JSONShapeError(path: path.appending(key), reason: "missing required field")
        }
        return text
    }

    func int(_ key: String, in range: ClosedRange<Int>, expected: String? = nil) throws(JSONShapeError)
        -> Int?
    {
        guard let value = members[key], !value.isNull else { return nil }
        let wanted = expected ?? "integer \(range.lowerBound)…\(range.upperBound)"
        guard let number = value.intValue else {
            throw JSONShapeError(
                path: path.appending(key), reason: "expected \(wanted), got \(value.kindName)")
        }
        guard range.contains(number) else {
            throw JSONShapeError(path: path.appending(key), reason: "expected \(wanted), got \(number)")
        }
        return number
    }

    func bool(_ key: String) throws(JSONShapeError) -> Bool? {
        guard let value = members[key], !value.isNull else { return nil }
        return try value.expectBool(at: path.appending(key))
    }
}
