import AtlasJSON

/// Reads `fixtures/orders.json`: `{"<clientId>": [order, …], …}`, strictly, so a typo is reported.
///
/// Each order: `orderNo`, `pnr`, `airline`, `contactEmail`, `passengers` (`name`, `type`, `birthday`,
/// `gender`, `cardNum`, `cardType`, `cardIssuePlace`, `cardExpired`, `nationality`, `email`,
/// `ticketNos`) and `segments` (`depAirport`, `arrAirport`, `depTime`, `arrTime`, `carrier`,
/// `flightNumber`, `codeShare`, `depTerminal`, `arrTerminal`, `direction`).
public enum OrderFixtures {
    /// The orders per client id, in file order, or the first fault found.
    public static func load(from bytes: [UInt8], source: String) throws(OrderFixtureError) -> [String:
        [Order]]
    {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw OrderFixtureError(source: source, path: nil, reason: error.description)
        }
        do {
            return try orders(in: document)
        } catch {
            throw OrderFixtureError(source: source, path: error.path, reason: error.reason)
        }
    }

    static func orders(in document: JSONValue) throws(JSONShapeError) -> [String: [Order]] {
        var result: [String: [Order]] = [:]
        let clients = try document.expectObject(at: .root)
        // Sorted, so the same broken file always reports the same first fault.
        for clientId in clients.keys.sorted() {
            let list = clients[clientId]!
            let path = JSONPath.root.appending(clientId)
            var seen: Set<String> = []
            var orders: [Order] = []
            for (index, element) in try list.expectArray(at: path).enumerated() {
                let order = try Self.order(element, at: path.appending(index))
                guard seen.insert(order.orderNo).inserted else {
                    throw JSONShapeError(
                        path: path.appending(index).appending("orderNo"),
                        reason: "duplicate orderNo \(order.orderNo) for client \(clientId)")
                }
                orders.append(order)
            }
            result[clientId] = orders
        }
        return result
    }

    private static func order(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> Order {
        let members = try value.expectObject(at: path)
        try members.rejectUnknownKeys(
            allowed: ["orderNo", "pnr", "airline", "contactEmail", "passengers", "segments"], at: path)
        let field = FixtureFields(members: members, path: path)
        let orderNo = try field.string("orderNo", "five uppercase letters and yyyyMMddHHmmssSSS") {
            $0.utf8.count == 22 && $0.utf8.prefix(5).allSatisfy(isUpper)
                && $0.utf8.dropFirst(5).allSatisfy(isDigit)
        }
        let pnr = try field.string("pnr", "six letters or digits") {
            $0.utf8.count == 6 && $0.utf8.allSatisfy { isUpper($0) || isDigit($0) }
        }
        let airline = try field.string("airline", "a two-character IATA airline code", isAirlineCode)
        let contactEmail = try field.string("contactEmail", "an email address") { $0.contains("@") }
        let passengerPath = path.appending("passengers")
        let passengerList = try members.required("passengers", at: path).expectArray(at: passengerPath)
        guard !passengerList.isEmpty else {
            throw JSONShapeError(path: passengerPath, reason: "an order needs at least one passenger")
        }
        var passengers: [Passenger] = []
        for (index, element) in passengerList.enumerated() {
            passengers.append(try passenger(element, at: passengerPath.appending(index)))
        }
        let segmentPath = path.appending("segments")
        let segmentList = try members.required("segments", at: path).expectArray(at: segmentPath)
        guard !segmentList.isEmpty else {
            throw JSONShapeError(path: segmentPath, reason: "an order needs at least one segment")
        }
        var segments: [FlightSegment] = []
        for (index, element) in segmentList.enumerated() {
            segments.append(try segment(element, at: segmentPath.appending(index)))
        }
        return Order(
            orderNo: orderNo, pnr: pnr, airline: airline, contactEmail: contactEmail, passengers: passengers,
            segments: segments)
    }

    private static func passenger(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> Passenger {
        let members = try value.expectObject(at: path)
        try members.rejectUnknownKeys(
            allowed: [
                "name", "type", "birthday", "gender", "cardNum", "cardType", "cardIssuePlace", "cardExpired",
                "nationality", "email", "ticketNos",
            ], at: path)
        let field = FixtureFields(members: members, path: path)
        let name = try field.string("name", "SURNAME/GIVEN") { text in
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
        }
        let typeName = try field.string("type", "adult, child or infant") { PassengerType(name: $0) != nil }
        let birthday = try field.string("birthday", "a date YYYYMMDD", isCompactDate)
        let gender = try field.string("gender", "M or F") { $0 == "M" || $0 == "F" }
        let cardNum = try field.string("cardNum", "a document number") { !$0.isEmpty }
        let cardType = try field.string("cardType", "PP, GA, TW, TB or HY") {
            ["PP", "GA", "TW", "TB", "HY"].contains($0)
        }
        let issuePlace = try field.string("cardIssuePlace", "a country code or \"\"") {
            $0.isEmpty || isCountryCode($0)
        }
        let cardExpired = try field.string("cardExpired", "a date YYYYMMDD", isCompactDate)
        let nationality = try field.string("nationality", "an ISO 3166 alpha-2 code", isCountryCode)
        let email = try field.string("email", "an email address") { $0.contains("@") }
        var ticketNos: [String] = []
        if let list = members["ticketNos"] {
            for (index, element) in try list.expectArray(at: path.appending("ticketNos")).enumerated() {
                ticketNos.append(try element.expectString(at: path.appending("ticketNos").appending(index)))
            }
        }
        return Passenger(
            name: name, type: PassengerType(name: typeName)!, birthday: birthday, gender: gender,
            cardNum: cardNum, cardType: cardType, cardIssuePlace: issuePlace, cardExpired: cardExpired,
            nationality: nationality, email: email, ticketNos: ticketNos)
    }

    private static func segment(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> FlightSegment
    {
        let members = try value.expectObject(at: path)
        try members.rejectUnknownKeys(
            allowed: [
                "depAirport", "arrAirport", "depTime", "arrTime", "carrier", "flightNumber", "codeShare",
                "depTerminal", "arrTerminal", "direction",
            ], at: path)
        let field = FixtureFields(members: members, path: path)
        let airport = "a three-letter IATA airport code"
        let depAirport = try field.string("depAirport", airport) {
            $0.utf8.count == 3 && $0.utf8.allSatisfy(isUpper)
        }
        let arrAirport = try field.string("arrAirport", airport) {
            $0.utf8.count == 3 && $0.utf8.allSatisfy(isUpper)
        }
        let time = "an airport-local time yyyy-MM-dd HH:mm:ss"
        let depTime = try field.string("depTime", time) { AtlasTime.parseLocal($0) != nil }
        let arrTime = try field.string("arrTime", time) { AtlasTime.parseLocal($0) != nil }
        let carrier = try field.string("carrier", "a two-character IATA airline code", isAirlineCode)
        let flightNumber = try field.string("flightNumber", "the carrier code followed by 1 to 4 digits") {
            $0.hasPrefix(carrier) && (1...4).contains($0.utf8.count - 2)
                && $0.utf8.dropFirst(2).allSatisfy(isDigit)
        }
        let terminal = "a terminal name or \"\""
        let depTerminal = try field.string("depTerminal", terminal, default: "") { $0.utf8.count <= 8 }
        let arrTerminal = try field.string("arrTerminal", terminal, default: "") { $0.utf8.count <= 8 }
        let codeShare = try members["codeShare"].map { value throws(JSONShapeError) in
            try value.expectBool(at: path.appending("codeShare"))
        }
        let direction = try members.required("direction", at: path).expectInt(at: path.appending("direction"))
        guard direction == 1 || direction == 2 else {
            throw JSONShapeError(
                path: path.appending("direction"),
                reason: "expected 1 (outbound) or 2 (return), got \(direction)")
        }
        return FlightSegment(
            depAirport: depAirport, arrAirport: arrAirport, depTime: AtlasTime.parseLocal(depTime)!,
            arrTime: AtlasTime.parseLocal(arrTime)!, carrier: carrier, flightNumber: flightNumber,
            codeShare: codeShare ?? false, depTerminal: depTerminal, arrTerminal: arrTerminal,
            direction: direction)
    }

    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether `text` is an IATA airline code: two letters or digits, at least one a letter (`SQ`, `3K`).
    public static func isAirlineCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { isUpper($0) || isDigit($0) }
            && text.utf8.contains(where: isUpper)
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy(isUpper)
    }

    /// `YYYYMMDD` naming a real date.
    static func isCompactDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes.allSatisfy(isDigit) else { return false }
        let digits = bytes.map { Int($0 - 0x30) }
        let year = digits[0...3].reduce(0) { $0 * 10 + $1 }
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        return year >= 1900 && AtlasTime.naiveSeconds(year: year, month: month, day: day) != nil
    }
}

/// Reads string members of one fixture object, naming the path and the expected form on a fault.
private struct FixtureFields {
    let members: [String: JSONValue]
    let path: JSONPath

    func string(
        _ key: String, _ expected: String, default fallback: String? = nil, _ isValid: (String) -> Bool
    )
        throws(JSONShapeError) -> String
    {
        let text: String
        if let value = members[key] {
            text = try value.expectString(at: path.appending(key))
        } else if let fallback {
            return fallback
        } else {
            throw JSONShapeError(path: path.appending(key), reason: "missing required field")
        }
        guard isValid(text) else {
            throw JSONShapeError(
                path: path.appending(key),
                reason: "expected \(expected), got \"\(text)\"")
        }
        return text
    }
}
