/// Makes realistic incidents for load and pagination tests (`--seed-incidents N`), reproducibly.
///
/// Every incident is internally consistent the way Atlas's are: the `eventId` prefix is `eventTime`
/// to the millisecond (UTC+08:00), `createTime` equals `eventTime`, the order number (`TEST` + a letter
/// + the booking time) predates the incident, departure is at least a day after it, confirmed incidents
/// carry a result of the right kind, a confirmation time, user and remark.
public enum IncidentGenerator {
    /// `count` incidents for the client with this `cid`, received over the 90 days before `around`,
    /// oldest first; the same `random` state gives the same incidents.
    public static func make(count: Int, clientCode: String, random: inout SeededRandom, around: AtlasInstant)
        -> [Incident]
    {
        var incidents: [Incident] = []
        incidents.reserveCapacity(max(count, 0))
        var eventIds: Set<String> = []
        generate(
            count: count, clientCode: clientCode, random: &random, around: around,
            isTaken: { eventIds.contains($0) }
        ) { incident in
            eventIds.insert(incident.eventId)
            incidents.append(incident)
        }
        incidents.sort { ($0.eventTime, $0.eventId) < ($1.eventTime, $1.eventId) }
        return incidents
    }

    /// Streams `count` incidents to `body` in generation (not time) order, redrawing any `eventId`
    /// for which `isTaken` is true; used to fill a store without holding the incidents twice.
    public static func generate(
        count: Int, clientCode: String, random: inout SeededRandom, around: AtlasInstant,
        isTaken: (String) -> Bool, _ body: (Incident) -> Void
    ) {
        let window: Int64 = 90 * 86_400_000
        for _ in 0..<max(count, 0) {
            let eventTime = AtlasInstant(
                millisecondsSinceEpoch: around.millisecondsSinceEpoch
                    - Int64.random(in: 0...window, using: &random))
            var eventId: String
            repeat {
                eventId =
                    AtlasTime.formatCompact(eventTime)
                    + random.string(of: 5, from: IdentifierGenerator.letters)
            } while isTaken(eventId)
            body(
                make(
                    eventId: eventId, eventTime: eventTime, clientCode: clientCode, random: &random,
                    around: around))
        }
    }

    /// Mixes a client id into the generator seed, so two clients get different incidents.
    static func seedSalt(_ clientId: String) -> UInt64 {
        clientId.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    private static func make(
        eventId: String, eventTime: AtlasInstant, clientCode: String, random: inout SeededRandom,
        around: AtlasInstant
    ) -> Incident {
        let roll = Int.random(in: 0..<100, using: &random)
        let eventType =
            roll < 45 ? "email.schedulechange" : roll < 85 ? "order.schedulechange" : "abnormal.cancelled"
        let bookedAt = AtlasInstant(
            millisecondsSinceEpoch: eventTime.millisecondsSinceEpoch
                - Int64.random(in: 3_600_000...(60 * 86_400_000), using: &random))
        let orderNo = "TEST" + random.string(of: 1, from: "ALS") + AtlasTime.formatCompact(bookedAt)
        // Departure: 1 to 120 days after the incident, on a five-minute boundary, airport-local.
        let eventLocal = eventTime.millisecondsSinceEpoch / 1000 + Int64(AtlasTime.serverOffsetHours) * 3600
        let departureOffset = Int64.random(in: 86_400...(120 * 86_400), using: &random)
        let depTime = LocalDateTime(secondsSinceEpochNaive: (eventLocal + departureOffset) / 300 * 300)
        let passengers = (0..<Int.random(in: 1...3, using: &random)).map { _ in
            random.pick(surnames) + "/" + random.pick(givenNames)
        }
        let emailName = titleCased(random.pick(givenNames)) + titleCased(random.pick(surnames))
        let paxEmail =
            emailName + String(Int.random(in: 1960...2010, using: &random)) + "@" + random.pick(mailDomains)
        var incident = Incident(
            eventId: eventId, orderNo: orderNo, subOrderNo: orderNo + "_1", eventType: eventType,
            eventStatus: 0,
            eventTime: eventTime, createTime: eventTime, updateTime: eventTime,
            airline: random.pick(airlines),
            depTime: depTime, pnr: random.string(of: 6, from: IdentifierGenerator.alphanumerics),
            paxName: passengers.joined(separator: ","), paxEmail: paxEmail,
            notified: Int.random(in: 0..<10, using: &random) == 0 ? 0 : 1,
            extraInfo: eventType == "email.schedulechange"
                ? String(Int.random(in: 4_000_000...4_999_999, using: &random)) : nil,
            clientCode: clientCode)
        let confirmTime = AtlasInstant(
            millisecondsSinceEpoch: eventTime.millisecondsSinceEpoch
                + Int64.random(in: 600_000...(3 * 86_400_000), using: &random))
        if Int.random(in: 0..<100, using: &random) < 35 && confirmTime <= around {
            incident.eventStatus = 1
            incident.confirmTime = confirmTime
            incident.updateTime = confirmTime
            incident.confirmedResult = random.pick(results[eventType] ?? ["FLIGHT_CHANGE"])
            incident.confirmedRemark = random.pick(remarks)
            incident.confirmUser = random.pick(["api", "ops.desk", "atrip.user"])
        }
        return incident
    }

    /// `MEI LING` → `MeiLing`, for mailbox names like the sample's `GeraldineDushkin2005@...`.
    private static func titleCased(_ name: String) -> String {
        name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
    }

    /// Real IATA codes of airlines Atlas sells (low-cost carriers in Asia, Europe, the Americas).
    static let airlines = [
        "AK", "FD", "QZ", "D7", "Z2", "TR", "3K", "5J", "DG", "VJ", "VZ", "QH", "JT", "IU", "ID", "GA", "SL",
        "TG", "SQ", "MH", "PR", "CX", "UO", "HX", "MU", "CA", "CZ", "HO", "9C", "7C", "LJ", "TW", "ZE", "BX",
        "MM", "GK", "JQ", "U2", "FR", "W6", "VY", "HV", "TO", "EW", "DY", "F9", "NK", "G4", "WN", "B6",
    ]
    static let surnames = [
        "SOWERS", "STEPHENS", "TAN", "LIM", "NGUYEN", "WONG", "SANTOS", "GARCIA", "MUELLER", "ROSSI", "SMITH",
        "JOHNSON", "KIM", "PARK", "SATO", "SUZUKI", "CHEN", "WANG", "LI", "ZHANG", "KUMAR", "SINGH", "RAHMAN",
        "PUTRA", "WIJAYA", "DUBOIS", "MARTIN", "JANSEN", "NOVAK", "SILVA",
    ]
    static let givenNames = [
        "REBECCA MUSETTA", "DAVID JEROME", "WEI", "MEI LING", "MINH ANH", "JOSE", "MARIA", "ANNA", "LUCA",
        "JOHN", "EMILY", "JI HOON", "YUKI", "HIROSHI", "XIAO", "LING", "ARJUN", "PRIYA", "AHMAD", "SITI",
        "BUDI", "CLAIRE", "THOMAS", "SOFIA", "PETR", "ANA", "OLIVER", "NOAH", "CHLOE", "AISYAH",
    ]
    static let mailDomains = ["ttjipiao.top", "gorn.top", "atripmail.top"]
    static let results: [String: [String]] = [
        "email.schedulechange": ["FLIGHT_CHANGE", "FLIGHT_CANCELED", "NO_SCHEDULE_CHANGE"],
        "order.schedulechange": ["FLIGHT_CHANGE", "FLIGHT_CANCELED"],
        "abnormal.cancelled": [
            "FLIGHT_CANCELED", "ABNORMAL_CANCELLATION", "PASSENGER_CANCELLATION", "NO_CANCELLATION",
        ],
    ]
    static let remarks = [
        "Passenger accepted the new schedule", "Refund requested", "Rebooked on the next flight",
        "Customer informed", "No action needed",
    ]
}
