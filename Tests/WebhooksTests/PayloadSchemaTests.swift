import AtlasJSON
import AtlasSandbox
import Testing
import Webhooks

/// Every payload checked against the fields, types and enums of reference §5, one table per type:
/// exactly the documented keys, each of the documented kind, enums within their documented values.
@Suite struct PayloadSchemaTests {
    indirect enum Spec: Sendable {
        case string
        case int
        case bool
        case oneOf([JSONValue])
        case pattern(String, @Sendable (String) -> Bool)
        case strings
        case objects([String: Spec])
        case object([String: Spec])
    }

    static let timestamp = Spec.pattern("yyyy-MM-dd HH:mm:ss") { AtlasTime.parseLocal($0) != nil }
    static let eventId = Spec.pattern("17 digits + 5 uppercase letters") { text in
        text.utf8.count == 22 && text.utf8.prefix(17).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && text.utf8.dropFirst(17).allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
    static let segment: [String: Spec] = [
        "depAirport": .string, "arrAirport": .string, "depTime": timestamp, "arrTime": timestamp,
        "carrier": .string, "flightNumber": .string, "codeShare": .bool, "depTerminal": .string,
        "arrTerminal": .string, "direction": .oneOf([1, 2]),
    ]
    static let paxTicketInfo: [String: Spec] = [
        "airlinePNRs": .strings, "ancillaries": .objects([:]),
        "birthday": .pattern("YYYYMMDD") { $0.utf8.count == 8 },
        "cardExpired": .pattern("YYYYMMDD") { $0.utf8.count == 8 }, "cardIssuePlace": .string,
        "cardNum": .string,
        "cardType": .oneOf(["PP", "GA", "TW", "TB", "HY"]), "gender": .oneOf(["M", "F"]), "name": .string,
        "nationality": .string, "passengerType": .oneOf([0, 1, 2]), "ticketNos": .strings,
    ]

    /// The envelope per type: `status` and `notificationId` present or absent exactly as documented.
    static func envelope(_ type: WebhookType) -> [String: Spec] {
        var keys: [String: Spec] = ["type": .oneOf([.string(type.rawValue)]), "data": .object(data(type))]
        switch type {
        case .orderScheduleChange, .emailScheduleChange, .abnormalCancelled:
            keys["status"] = .oneOf([0, 1])
            keys["notificationId"] = eventId
            keys["cid"] = .string
        case .emailAll:
            keys["status"] = .oneOf([-1])
            keys["notificationId"] = eventId
            keys["cid"] = .string
        case .orderTicketed, .orderVoid, .orderCancelled:
            keys["status"] = .oneOf([-1])
            keys["cid"] = .string
        case .airlineStatus:
            keys["status"] = .oneOf([-1])
        }
        return keys
    }

    static func data(_ type: WebhookType) -> [String: Spec] {
        switch type {
        case .orderTicketed:
            ["orderNo": .string, "orderStatus": .oneOf([2]), "paxTicketInfos": .objects(paxTicketInfo)]
        case .orderScheduleChange:
            [
                "orderNo": .string, "scheduleChangeType": .oneOf([1, 2]), "previousSegs": .objects(segment),
                "revisedSegs": .objects(segment), "originalSegs": .objects(segment),
            ]
        case .emailScheduleChange:
            [
                "orderNo": .string, "emailSubject": .string, "emailReceivingDate": timestamp,
                "emailLink": .pattern("https://theatlas/#/email-detail/<7 digits>") { link in
                    link.hasPrefix("https://theatlas/#/email-detail/") && link.utf8.count == 39
                },
            ]
        case .abnormalCancelled:
            ["orderNo": .string, "vendorRefundInformation": .oneOf(["FULLY", "CANCELLED"])]
        case .orderVoid:
            [
                "orderNo": .string, "voidStatus": .oneOf([0, 1, 2, 3, 4, 5, 6]), "message": .string,
                "voidCode": .pattern("YYYYMM-NNNN") { $0.utf8.count == 11 && Array($0.utf8)[6] == 0x2D },
            ]
        case .airlineStatus:
            ["airline": .strings, "airlineStatus": .oneOf(["Active", "Maintenance", "Inactive"])]
        case .emailAll:
            [
                "orderNo": .string,
                "uniqueCode": .pattern("32 hex digits") { code in
                    code.utf8.count == 32
                        && code.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
                },
                "emailCategory": .oneOf(CapturedEmail.categories.map(JSONValue.string)), "from": .string,
                "to": .string,
                "emailSubject": .string, "emailLink": .string, "emailReceivingDate": timestamp,
                "createTime": timestamp,
            ]
        case .orderCancelled:
            ["orderNo": .string, "orderStatus": .oneOf([-3]), "errorCode": .string, "errorMessage": .string]
        }
    }

    /// The faults of `value` against `spec`, each naming its path.
    static func check(_ value: JSONValue, _ spec: Spec, at path: String) -> [String] {
        switch (spec, value) {
        case (.string, .string), (.int, .int), (.bool, .bool):
            return []
        case (.oneOf(let allowed), _):
            return allowed.contains(value) ? [] : ["\(path): \(value) not in \(allowed)"]
        case (.pattern(let name, let matches), .string(let text)):
            return matches(text) ? [] : ["\(path): \"\(text)\" is not \(name)"]
        case (.strings, .array(let items)):
            return items.enumerated().flatMap {
                $0.element.stringValue == nil ? ["\(path)[\($0.offset)]: not a string"] : []
            }
        case (.objects(let keys), .array(let items)):
            return items.enumerated().flatMap {
                check($0.element, .object(keys), at: "\(path)[\($0.offset)]")
            }
        case (.object(let keys), .object(let members)):
            var faults: [String] = []
            if Set(members.keys) != Set(keys.keys) {
                faults.append("\(path): keys \(members.keys.sorted()) != documented \(keys.keys.sorted())")
            }
            for (key, fieldSpec) in keys {
                if let member = members[key] { faults += check(member, fieldSpec, at: "\(path).\(key)") }
            }
            return faults
        default:
            return ["\(path): \(value.kindName) does not match \(spec)"]
        }
    }

    /// Requests exercising every enum value: schedule-change kinds, refund values, airline statuses,
    /// email categories.
    static let requests: [String] =
        [
            #"{"clientId":"sandbox","type":"order.ticketed"}"#,
            #"{"clientId":"partner","type":"order.ticketed"}"#,
            #"{"clientId":"sandbox","type":"order.schedulechange"}"#,
            #"{"clientId":"sandbox","type":"order.schedulechange","fields":{"change":"flightNumber"}}"#,
            #"{"clientId":"sandbox","type":"order.schedulechange","fields":{"scheduleChangeType":2}}"#,
            #"{"clientId":"sandbox","type":"email.schedulechange","fields":{"emailSubject":"Flight delay"}}"#,
            #"{"clientId":"sandbox","type":"abnormal.cancelled"}"#,
            #"{"clientId":"sandbox","type":"abnormal.cancelled","fields":{"vendorRefundInformation":"CANCELLED"}}"#,
            #"{"clientId":"sandbox","type":"order.cancelled","fields":{"errorCode":"609"}}"#,
        ]
        + EventRequest.airlineStatuses.map {
            #"{"clientId":"sandbox","type":"airline.status","fields":{"airline":"TO","airlineStatus":"\#($0)"}}"#
        }
        + CapturedEmail.categories.map {
            #"{"clientId":"partner","type":"email.all","fields":{"emailCategory":"\#($0)"}}"#
        }

    @Test(arguments: requests)
    func payload_hasExactlyTheDocumentedFieldsTypesAndEnums(request text: String) throws {
        let (composer, _) = Fixture.composer()
        let request = try Fixture.request(text)
        let payload = try composer.compose(request).payload
        #expect(Self.check(payload.json, .object(Self.envelope(request.type)), at: "$") == [])
        #expect(try JSONValue.parse(payload.body) == payload.json)
    }

    @Test func orderVoid_everyStatus_matchesSchemaAlongTheLifecycle() throws {
        let (composer, _) = Fixture.composer()
        var seen: Set<Int> = []
        let paths: [(String, [Int])] = [
            ("TESTA20260105101500123", [0, 1, 3, 2, 5]), ("TESTL20260106143012456", [0, 4]),
            ("TESTS20260107091545789", [0, 6]),
        ]
        for (orderNo, statuses) in paths {
            for status in statuses {
                let request = try Fixture.request(
                    #"{"clientId":"sandbox","type":"order.void","orderNo":"\#(orderNo)","fields":{"voidStatus":\#(status)}}"#
                )
                let payload = try composer.compose(request).payload
                #expect(Self.check(payload.json, .object(Self.envelope(.orderVoid)), at: "$") == [])
                #expect(payload.json["data"]?["voidStatus"] == .int(status))
                seen.insert(status)
            }
        }
        #expect(seen == Set(0...6))
    }

    @Test func orderVoid_rejectedAfterRetries_carriesAtlasMessage() throws {
        let (composer, _) = Fixture.composer()
        _ = try composer.compose(
            try Fixture.request(#"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":0}}"#))
        let payload = try composer.compose(
            try Fixture.request(#"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":4}}"#)
        ).payload
        #expect(payload.json["data"]?["message"] == "Automatic void processing failed after 10 retries.")
    }
}
