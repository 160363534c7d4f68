import FoundationEssentials
// libFuzzer entry point for the fixture files (`--fixtures DIR`), compiled into the AtlasSandbox
// module by fuzz/run. The input is `clients.json`, a NUL byte, then `incidents.json` (without a
// NUL, the same bytes are tried as both). Checks:
// - `Fixtures.clients` and `Fixtures.incidents` never trap; every error line names the source;
// - accepted clients have unique ids without ':' or whitespace;
// - every accepted incident's cached record bytes are the same JSON as its `record()` tree, in both
//   time formats, and the schema-format record reads back to the same record (and eventTime);
// - a sandbox built from the fixtures answers getPageList with every incident of each client.
import AtlasJSON

/// Called by libFuzzer once per input; returns 0 (the input may be added to the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let clientsFile = Array(parts[0])
    let incidentsFile = parts.count > 1 ? Array(parts[1]) : clientsFile

    var clients = FixtureDefaults.clients
    do {
        clients = try Fixtures.clients(from: clientsFile, source: "clients.json")
        checkClients(clients)
    } catch {
        checkError(error, source: "clients.json")
    }
    let incidents: [String: [Incident]]
    do {
        incidents = try Fixtures.incidents(from: incidentsFile, source: "incidents.json", clients: clients)
    } catch {
        checkError(error, source: "incidents.json")
        return 0
    }
    for (_, list) in incidents {
        for incident in list { checkRecord(of: incident) }
    }
    checkSandbox(clients: clients, incidents: incidents)
    return 0
}

enum FixtureDefaults {
    static let clients: [AtlasClient] = {
        guard let clients = try? Fixtures.clients(from: repositoryFixture("clients.json"), source: "clients")
        else { fuzzFailure("default clients do not load") }
        return clients
    }()
}

private func checkError(_ error: FixtureError, source: String) {
    guard error.source == source, error.parseError != nil || !error.issues.isEmpty else {
        fuzzFailure("fixture error without a source or a reason: \(error)")
    }
    for line in error.description.split(separator: "\n") where !line.hasPrefix("\(source): ") {
        fuzzFailure("fixture error line does not name \(source): \(line)")
    }
}

private func checkClients(_ clients: [AtlasClient]) {
    guard Set(clients.map(\.clientId)).count == clients.count else { fuzzFailure("duplicate client ids accepted") }
    for client in clients where client.clientId.contains(where: { $0 == ":" || $0.isWhitespace }) {
        fuzzFailure("client id \(client.clientId.debugDescription) accepted")
    }
}

/// The getPageList record is written twice in the code (streaming for the cache, as a tree for
/// admin views); both must say the same, and a printed record must read back as the incident.
private func checkRecord(of incident: Incident) {
    for format in IncidentTimeFormat.allCases {
        guard let encoded = IncidentRecordLayout.encode(incident, timeFormat: format) else {
            fuzzFailure("an accepted incident has no stored layout: \(incident.eventId)")
        }
        let streamed = encoded.withUnsafeBufferPointer { IncidentRecordLayout.printed($0, 0) }
        guard let parsed = try? JSONValue.parse(streamed), parsed == incident.record(timeFormat: format) else {
            fuzzFailure("record bytes differ from record(): \(String(decoding: streamed, as: UTF8.self))")
        }
    }
    // Times print to the second, so only what is printed must survive, plus `eventTime` to the
    // millisecond (ordering uses it; the eventId carries the milliseconds). A defaulted createTime
    // keeps eventTime's milliseconds, which no record shows, so the structs may differ there.
    var issues: [FieldIssue] = []
    let reread = Incident.fromRecord(incident.record(), at: .root, cid: incident.clientCode, issues: &issues)
    guard let reread, reread.record() == incident.record(), reread.eventTime == incident.eventTime,
        reread.record(timeFormat: .sample) == incident.record(timeFormat: .sample)
    else {
        fuzzFailure("record does not read back: \(incident.record().compactText) \(issues)")
    }
}

private func checkSandbox(clients: [AtlasClient], incidents: [String: [Incident]]) {
    let sandbox = Sandbox(
        configuration: SandboxConfiguration(clients: clients, incidents: incidents),
        clock: AtlasClock(frozenAt: AtlasInstant(millisecondsSinceEpoch: 1_795_000_000_000)),
        identifiers: IdentifierGenerator(seed: 1))
    for client in sandbox.clients {
        let reply = sandbox.handle(
            AtlasCall(
                path: GetPageListRequest.path,
                headers: [("x-atlas-client-id", client.clientId), ("x-atlas-client-secret", client.clientSecret)],
                body: Array(#"{"pageSize":1000}"#.utf8)))
        let expected = incidents[client.clientId]?.count ?? 0
        guard let page = try? JSONValue.parse(reply.body), page["status"]?.intValue == 0,
            page["total"]?.stringValue == String(expected),
            page["records"]?.arrayValue?.count == min(expected, 1000)
        else {
            fuzzFailure("getPageList for \(client) does not list its \(expected) incidents: \(String(decoding: reply.body, as: UTF8.self))")
        }
    }
}

/// Stops the run with a message; libFuzzer reports the trap as a crash and saves the input.
func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant violated: \(message)")
}

/// A default fixture file; fuzz/run runs targets from the repository root.
func repositoryFixture(_ name: String) -> [UInt8] {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: "fixtures/" + name)) else {
        fuzzFailure("fixtures/\(name) not found: run fuzz targets from the repository root (fuzz/run does)")
    }
    return Array(data)
}
