import AtlasJSON
import Testing

@testable import AtlasSandbox

/// getPageList against a naive reference (filter every incident, sort, slice) over seeded random
/// stores and random queries: 20 stores × 50 queries = 1,000 cases, reproducible from the seed.
@Suite struct PaginationReferenceTests {
    static let seed: UInt64 = 20_261_123
    static let storeCount = 20
    static let queriesPerStore = 50

    static let eventTypes = Incident.documentedEventTypes + ["email.all"]
    static let airlines = ["VJ", "AK", "TR", "5J", "IU"]
    static let orderNos = (0..<12).map { "TESTA2026110\($0 % 10)00000\($0)" }
    static let pnrs = (0..<10).map { "PNR00\($0)" }
    static let names = [
        "SMITH/JOHN", "DOE/JANE", "TAN/WEI", "NGUYEN/MINH ANH", "GARCIA/JOSE", "SMITHERS/ANNA",
    ]
    static let emails = ["john@mail.top", "JANE@GORN.TOP", "wei.tan@gorn.top", "minh@example.com"]
    static let needles = ["smith", "JANE", "an", "minh anh", "x", "gorn", "MAIL", "e"]
    static let base = TestSupport.instant("2026-11-01 00:00:00").millisecondsSinceEpoch

    /// The naive semantics of the README's incident-list section, written independently of the indexes.
    static func reference(_ incidents: [Incident], _ query: IncidentQuery) -> (total: Int, page: [Incident]) {
        let matches = incidents.filter { incident in
            if let id = query.eventId, !id.isEmpty, incident.eventId != id { return false }
            if let orderNo = query.orderNo, !orderNo.isEmpty, incident.orderNo != orderNo { return false }
            if let type = query.eventType, !type.isEmpty, incident.eventType != type { return false }
            if let pnr = query.pnr, !pnr.isEmpty, incident.pnr != pnr { return false }
            if !query.airlines.isEmpty, !query.airlines.contains(incident.airline) { return false }
            if !query.eventStatuses.isEmpty, !query.eventStatuses.contains(incident.eventStatus) {
                return false
            }
            if let name = query.paxName, !name.isEmpty,
                !incident.paxName.lowercased().contains(name.lowercased())
            {
                return false
            }
            if let email = query.paxEmail, !email.isEmpty,
                !incident.paxEmail.lowercased().contains(email.lowercased())
            {
                return false
            }
            let second = incident.eventTime.millisecondsSinceEpoch / 1000 * 1000
            if let start = query.eventTimeStart, second < start.millisecondsSinceEpoch { return false }
            if let end = query.eventTimeEnd, second > end.millisecondsSinceEpoch { return false }
            if let start = query.depTimeStart, incident.depTime < start { return false }
            if let end = query.depTimeEnd, incident.depTime > end { return false }
            if let start = query.updateTimeStart, (incident.updateTime ?? incident.createTime) < start {
                return false
            }
            return true
        }
        let sorted = matches.sorted { left, right in
            if left.eventTime != right.eventTime { return left.eventTime > right.eventTime }
            return right.eventId.utf8.lexicographicallyPrecedes(left.eventId.utf8)
        }
        let offset = (query.pageIndex - 1).multipliedReportingOverflow(by: query.pageSize)
        let start = offset.overflow ? sorted.count : min(offset.partialValue, sorted.count)
        return (sorted.count, Array(sorted[start..<min(start + query.pageSize, sorted.count)]))
    }

    static func truncatedToSeconds(_ incident: Incident) -> Incident {
        func second(_ instant: AtlasInstant) -> AtlasInstant {
            AtlasInstant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch / 1000 * 1000)
        }
        var copy = incident
        copy.eventTime = second(copy.eventTime)
        copy.createTime = second(copy.createTime)
        copy.updateTime = copy.updateTime.map(second)
        copy.confirmTime = copy.confirmTime.map(second)
        return copy
    }

    static func randomIncident(_ number: Int, random: inout SeededRandom) -> Incident {
        // Few distinct times, so ties on eventTime are common and eventId breaks them.
        let eventTime = AtlasInstant(
            millisecondsSinceEpoch: base + Int64.random(in: 0..<40, using: &random) * 3_600_000
                + (Bool.random(using: &random) ? 0 : Int64.random(in: 0..<1000, using: &random)))
        let created = eventTime
        let updated: AtlasInstant? =
            Bool.random(using: &random)
            ? nil : eventTime.adding(milliseconds: Int64.random(in: 0..<200_000_000, using: &random))
        let depTime = LocalDateTime(
            secondsSinceEpochNaive: base / 1000 + Int64.random(in: 0..<60, using: &random) * 86_400)
        let pax = (0..<Int.random(in: 1...2, using: &random)).map { _ in random.pick(names) }.joined(
            separator: ",")
        return Incident(
            eventId: random.string(of: 3, from: "ABC") + String(number), orderNo: random.pick(orderNos),
            subOrderNo: nil, eventType: random.pick(eventTypes),
            eventStatus: Int.random(in: 0...2, using: &random),
            eventTime: eventTime, createTime: created, updateTime: updated, airline: random.pick(airlines),
            depTime: depTime, pnr: random.pick(pnrs), paxName: pax, paxEmail: random.pick(emails),
            notified: Bool.random(using: &random) ? 1 : nil, clientCode: "TAC00001")
    }

    static func randomQuery(random: inout SeededRandom, known: [Incident]) -> (IncidentQuery, JSONValue) {
        var query = IncidentQuery(pageIndex: 1, pageSize: 10)
        var body: [String: JSONValue] = [:]
        func maybe(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func text() -> String { known.isEmpty || maybe(15) ? "none" : "" }
        if maybe(10) {
            let id = known.isEmpty || maybe(20) ? "NOPE" : random.pick(known).eventId
            query.eventId = id
            body["eventId"] = .string(id)
        }
        if maybe(20) {
            let value = maybe(10) ? "TESTZ" : random.pick(orderNos)
            query.orderNo = value
            body["orderNo"] = .string(value)
        }
        if maybe(30) {
            let value = random.pick(eventTypes + ["order.scheduleChange"])
            query.eventType = value
            body["eventType"] = .string(value)
        }
        if maybe(20) {
            let value = random.pick(pnrs)
            query.pnr = value
            body["pnr"] = .string(value)
        }
        if maybe(30) {
            let codes = Set(
                (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(airlines + ["ZZ"]) })
            query.airlines = codes
            if codes.count == 1, maybe(50), let code = codes.first {
                body["airline"] = .string(code)
            } else {
                body["airlines"] = .array(codes.sorted().map(JSONValue.string))
            }
        }
        if maybe(35) {
            let statuses = Set(
                (0..<Int.random(in: 1...2, using: &random)).map { _ in Int.random(in: 0...3, using: &random) }
            )
            query.eventStatuses = statuses
            if statuses.count == 1, let status = statuses.first {
                body["eventStatus"] = maybe(50) ? .int(status) : .string(String(status))
            } else {
                body["eventStatus"] = .array(statuses.sorted().map(JSONValue.int))
            }
        }
        if maybe(20) {
            let needle = random.pick(needles)
            query.paxName = needle
            body["paxName"] = .string(needle)
        }
        if maybe(15) {
            let needle = random.pick(needles)
            query.paxEmail = needle
            body["paxEmail"] = .string(needle)
        }
        func instant() -> AtlasInstant {
            AtlasInstant(millisecondsSinceEpoch: base + Int64.random(in: -2...42, using: &random) * 3_600_000)
        }
        if maybe(35) {
            let value = instant()
            query.eventTimeStart = value
            body["eventTimeStart"] = .string(AtlasTime.format(value))
        }
        if maybe(35) {
            let value = instant()
            query.eventTimeEnd = value
            body["eventTimeEnd"] = .string(AtlasTime.format(value))
        }
        if maybe(20) {
            let value = LocalDateTime(
                secondsSinceEpochNaive: base / 1000 + Int64.random(in: 0..<60, using: &random) * 86_400)
            if maybe(50) {
                query.depTimeStart = value
                body["depTimeStart"] = .string(value.text)
            } else {
                query.depTimeEnd = value
                body["depTimeEnd"] = .string(value.text)
            }
        }
        if maybe(15) {
            let value = instant()
            query.updateTimeStart = value
            body["updateTimeStart"] = .string(AtlasTime.format(value))
        }
        if maybe(10) { body["orderNo"] = body["orderNo"] ?? .string(text()) }
        if query.orderNo == nil, case .string(let value)? = body["orderNo"], !value.isEmpty {
            query.orderNo = value
        }
        query.pageSize = random.pick([1, 2, 3, 5, 7, 10, 50, 1000])
        query.pageIndex = maybe(5) ? Int.max : Int.random(in: 1...6, using: &random)
        body["pageSize"] = .int(query.pageSize)
        body["pageIndex"] = maybe(20) ? .string(String(query.pageIndex)) : .int(query.pageIndex)
        return (query, .object(body))
    }

    @Test func getPageList_matchesNaiveReference_over1000SeededRandomCases() throws {
        var random = SeededRandom(seed: Self.seed)
        var cases = 0
        for storeNumber in 0..<Self.storeCount {
            let sandbox = TestSupport.sandbox()
            var incidents: [Incident] = []
            let size = storeNumber == 0 ? 0 : Int.random(in: 1...400, using: &random)
            let generated = (0..<size).map { Self.randomIncident($0, random: &random) }
            // Half through addIncidents in bulk, half inserted one by one in random order.
            let split = Int.random(in: 0...size, using: &random)
            _ = try sandbox.addIncidents(
                clientId: "sandbox", records: .array(generated[..<split].map { $0.record() }))
            // Records print times to the second, so bulk-added incidents come back without milliseconds.
            incidents += generated[..<split].map(Self.truncatedToSeconds)
            for (queryNumber, incident) in generated[split...].shuffled(using: &random).enumerated() {
                try sandbox.insert(incident, clientId: "sandbox")
                incidents.append(incident)
                if queryNumber % 37 == 0 { try check(sandbox, incidents, &random, &cases) }
            }
            for queryNumber in 0..<Self.queriesPerStore {
                if queryNumber % 10 == 9, !incidents.isEmpty {
                    // Updates keep the indexes honest: status and airline are indexed, notified is not.
                    let target = Int.random(in: 0..<incidents.count, using: &random)
                    let status = Int.random(in: 0...2, using: &random)
                    let airline = random.pick(Self.airlines)
                    try sandbox.updateIncident(eventId: incidents[target].eventId, clientId: "sandbox") {
                        $0.eventStatus = status
                        $0.airline = airline
                        $0.notified = 0
                    }
                    incidents[target].eventStatus = status
                    incidents[target].airline = airline
                    incidents[target].notified = 0
                }
                try check(sandbox, incidents, &random, &cases)
            }
        }
        #expect(cases >= 1000)
    }

    @Test func pagingThroughOneFilter_visitsEveryMatchOnce_evenWhenTheStoreChangesBetweenPages() throws {
        var random = SeededRandom(seed: Self.seed + 1)
        let sandbox = TestSupport.sandbox()
        var incidents = (0..<500).map { Self.randomIncident($0, random: &random) }
        for incident in incidents { try sandbox.insert(incident, clientId: "sandbox") }
        for round in 0..<40 {
            var (query, _) = Self.randomQuery(random: &random, known: incidents)
            query.pageSize = Int.random(in: 1...25, using: &random)
            var seen: [String] = []
            var pageIndex = 1
            while true {
                query.pageIndex = pageIndex
                let page = sandbox.query(query, clientId: "sandbox")
                #expect(page.total == Self.reference(incidents, query).total)
                if page.incidents.isEmpty { break }
                seen += page.incidents.map(\.eventId)
                pageIndex += 1
            }
            query.pageIndex = 1
            query.pageSize = 1000
            #expect(seen == Self.reference(incidents, query).page.map(\.eventId))
            // A change between rounds must invalidate cached match sets.
            let added = Self.randomIncident(1000 + round, random: &random)
            try sandbox.insert(added, clientId: "sandbox")
            incidents.append(added)
            let target = Int.random(in: 0..<incidents.count, using: &random)
            try sandbox.updateIncident(eventId: incidents[target].eventId, clientId: "sandbox") {
                $0.eventStatus = 2
            }
            incidents[target].eventStatus = 2
            let again = sandbox.query(query, clientId: "sandbox")
            #expect(again.incidents.map(\.eventId) == Self.reference(incidents, query).page.map(\.eventId))
        }
    }

    private func check(
        _ sandbox: Sandbox, _ incidents: [Incident], _ random: inout SeededRandom, _ cases: inout Int
    )
        throws
    {
        let (query, body) = Self.randomQuery(random: &random, known: incidents)
        let expected = Self.reference(incidents, query)
        let reply = sandbox.handle(
            TestSupport.getPageList(String(decoding: body.serialized(), as: UTF8.self)))
        let json = try TestSupport.json(reply)
        let context = Comment(rawValue: String(decoding: body.serialized(), as: UTF8.self))
        try #require(reply.bodyStatus == 0, context)
        #expect(json["total"] == .string(String(expected.total)), context)
        #expect(json["pageIndex"] == .string(String(query.pageIndex)), context)
        let ids = json["records"]?.arrayValue?.compactMap { $0["eventId"]?.stringValue } ?? []
        #expect(ids == expected.page.map(\.eventId), context)
        #expect(json["records"] == .array(expected.page.map { $0.record() }), context)
        let page = sandbox.query(query, clientId: "sandbox")
        #expect(page.total == expected.total, context)
        #expect(page.incidents.map(\.eventId) == expected.page.map(\.eventId), context)
        #expect(page.incidents == expected.page, context)
        cases += 1
    }
}
