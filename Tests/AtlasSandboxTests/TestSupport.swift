import AtlasJSON
import Testing

@testable import AtlasSandbox

/// Builders shared by the sandbox tests: a frozen clock, the default fixtures, calls with the contract
/// headers, and decoding of replies.
enum TestSupport {
    static let sandboxClient = AtlasClient(
        clientId: "sandbox", clientSecret: "sandbox-secret", cid: "TAC00001")
    static let partnerClient = AtlasClient(
        clientId: "partner", clientSecret: "partner-secret", cid: "TAC00002")
    /// 2026-11-23 12:00:00 UTC+08:00.
    static let now = instant("2026-11-23 12:00:00")

    static func instant(_ text: String) -> AtlasInstant {
        AtlasTime.parse(text) ?? AtlasInstant(millisecondsSinceEpoch: 0)
    }

    static func local(_ text: String) -> LocalDateTime {
        AtlasTime.parseLocal(text) ?? LocalDateTime(secondsSinceEpochNaive: 0)
    }

    static func sandbox(
        incidents: [String: [Incident]] = [:], configure: (inout SandboxConfiguration) -> Void = { _ in }
    ) -> Sandbox {
        var configuration = SandboxConfiguration(
            clients: [sandboxClient, partnerClient], incidents: incidents)
        configure(&configuration)
        return Sandbox(
            configuration: configuration, clock: AtlasClock(frozenAt: now),
            identifiers: IdentifierGenerator(seed: 7))
    }

    static func fixtureSandbox(configure: (inout SandboxConfiguration) -> Void = { _ in }) throws -> Sandbox {
        var configuration = try Fixtures.defaultConfiguration()
        configure(&configuration)
        return Sandbox(
            configuration: configuration, clock: AtlasClock(frozenAt: now),
            identifiers: IdentifierGenerator(seed: 7))
    }

    static let contractHeaders: [(name: String, value: String)] = [
        ("Accept", "application/json"), ("Content-Type", "application/json"), ("Accept-Encoding", "gzip"),
    ]

    static func call(
        _ path: String, _ body: String, client: AtlasClient? = sandboxClient,
        headers: [(name: String, value: String)] = contractHeaders
    ) -> AtlasCall {
        var all = headers
        if let client {
            all.append(("x-atlas-client-id", client.clientId))
            all.append(("x-atlas-client-secret", client.clientSecret))
        }
        return AtlasCall(path: path, headers: all, body: Array(body.utf8))
    }

    static func getPageList(_ body: String, client: AtlasClient? = sandboxClient) -> AtlasCall {
        call("/event/getPageList.do", body, client: client)
    }

    static func updateWebhookURL(_ body: String, client: AtlasClient? = sandboxClient) -> AtlasCall {
        call("/updateWebhookURL.do", body, client: client)
    }

    static func json(_ reply: AtlasReply) throws -> JSONValue {
        try JSONValue.parse(reply.body)
    }

    /// The `eventId`s of a getPageList reply, in order.
    static func eventIds(_ reply: AtlasReply) throws -> [String] {
        try json(reply)["records"]?.arrayValue?.compactMap { $0["eventId"]?.stringValue } ?? []
    }

    static func total(_ reply: AtlasReply) throws -> Int? {
        try json(reply)["total"]?.stringValue.flatMap { Int($0) }
    }

    /// A hand-made incident with sensible defaults, for filter tests.
    static func incident(
        _ eventId: String, at eventTime: String, orderNo: String = "TESTA20260101000000000",
        type: String = "email.schedulechange", status: Int = 0, airline: String = "VJ",
        dep: String = "2026-12-01 10:00:00", pnr: String = "ABC123", pax: String = "TAN/WEI",
        email: String = "wei@example.com", updated: String? = nil, clientCode: String = "TAC00001"
    ) -> Incident {
        Incident(
            eventId: eventId, orderNo: orderNo, subOrderNo: orderNo + "_1", eventType: type,
            eventStatus: status,
            eventTime: instant(eventTime), createTime: instant(eventTime), updateTime: updated.map(instant),
            airline: airline, depTime: local(dep), pnr: pnr, paxName: pax, paxEmail: email, notified: 1,
            clientCode: clientCode)
    }
}
