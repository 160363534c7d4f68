public import AtlasJSON

extension FlightSegment {
    /// The segment as Atlas's webhooks print it (reference §5.3 SEGMENT object).
    public func json() -> JSONValue {
        .object([
            "depAirport": .string(depAirport), "arrAirport": .string(arrAirport),
            "depTime": .string(depTime.text), "arrTime": .string(arrTime.text), "carrier": .string(carrier),
            "flightNumber": .string(flightNumber), "codeShare": .bool(codeShare),
            "depTerminal": .string(depTerminal), "arrTerminal": .string(arrTerminal),
            "direction": .int(direction),
        ])
    }
}

extension Passenger {
    /// The passenger in the fixture file's shape (plus `passengerType`).
    public func json() -> JSONValue {
        .object([
            "name": .string(name), "type": .string(type.name), "passengerType": .int(type.rawValue),
            "birthday": .string(birthday), "gender": .string(gender), "cardNum": .string(cardNum),
            "cardType": .string(cardType), "cardIssuePlace": .string(cardIssuePlace),
            "cardExpired": .string(cardExpired), "nationality": .string(nationality), "email": .string(email),
            "ticketNos": .array(ticketNos.map(JSONValue.string)),
        ])
    }
}

extension VoidCase {
    /// `{"voidCode", "voidStatus", "message", "history": [0, 1, …]}`.
    public func json() -> JSONValue {
        .object([
            "voidCode": .string(voidCode), "voidStatus": .int(status.rawValue), "message": .string(message),
            "history": .array(history.map { .int($0.rawValue) }),
        ])
    }
}

extension Order {
    /// The order as `GET /__admin/orders` shows it: the fixture fields, the current and original
    /// itineraries, the status, the schedule-change count and the void case (or null).
    public func json() -> JSONValue {
        .object([
            "orderNo": .string(orderNo), "pnr": .string(pnr), "airline": .string(airline),
            "contactEmail": .string(contactEmail), "status": .string(status.rawValue),
            "passengers": .array(passengers.map { $0.json() }),
            "segments": .array(segments.map { $0.json() }),
            "originalSegments": .array(originalSegments.map { $0.json() }),
            "scheduleChanges": .int(scheduleChanges),
            "void": voidCase?.json() ?? .null,
        ])
    }
}
