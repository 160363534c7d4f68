public import AtlasJSON

/// Reads the fixture files: `clients.json` (a list of tenants) and `incidents.json` (records per
/// client id, in the getPageList record format).
///
/// `clients.json`: `[{"clientId": "sandbox", "clientSecret": "sandbox-secret", "cid": "TAC00001",
/// "name": "Sandbox"}]` — `name` optional. `incidents.json`: `{"sandbox": [record, ...]}` where a
/// record is as getPageList prints it (schema time format); `clientCode` defaults to the client's cid.
public enum Fixtures {
    /// Parses `clients.json`; `source` (the file name) prefixes every message.
    public static func clients(from bytes: [UInt8], source: String) throws(FixtureError) -> [AtlasClient] {
        let value = try parse(bytes, source: source)
        guard let items = value.arrayValue else {
            throw FixtureError(
                source: source,
                issues: [FieldIssue(path: .root, problem: "expected array, got \(value.kindName)")])
        }
        var issues: [FieldIssue] = []
        var clients: [AtlasClient] = []
        var seen: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let path = JSONPath.root.appending(position)
            guard var reader = FieldReader.object(item, at: path, issues: &issues) else { continue }
            let clientId = reader.string("clientId", required: true)
            let secret = reader.string("clientSecret", required: true)
            let cid = reader.string("cid", required: true)
            let name = reader.string("name", required: false)
            if let clientId, clientId.contains(where: { $0 == ":" || $0.isWhitespace }) {
                reader.fail("clientId", "must not contain ':' or whitespace")
            }
            if let clientId, let first = seen[clientId] {
                reader.fail(
                    "clientId",
                    "duplicate of $[\(first)].clientId \(JSONValue.string(clientId).quotedForMessage)")
            }
            issues += reader.issues
            guard reader.issues.isEmpty, let clientId, let secret, let cid else { continue }
            seen[clientId] = position
            clients.append(AtlasClient(clientId: clientId, clientSecret: secret, cid: cid, name: name))
        }
        guard issues.isEmpty else { throw FixtureError(source: source, issues: issues) }
        return clients
    }

    /// Parses `incidents.json`; records of a client in `clients` default their `clientCode` to its
    /// cid and must not claim another; records of other client ids must carry `clientCode`.
    public static func incidents(from bytes: [UInt8], source: String, clients: [AtlasClient] = [])
        throws(FixtureError) -> [String: [Incident]]
    {
        let value = try parse(bytes, source: source)
        guard let byClient = value.objectValue else {
            throw FixtureError(
                source: source,
                issues: [FieldIssue(path: .root, problem: "expected object, got \(value.kindName)")])
        }
        let cids = Dictionary(clients.map { ($0.clientId, $0.cid) }, uniquingKeysWith: { _, last in last })
        var issues: [FieldIssue] = []
        var result: [String: [Incident]] = [:]
        for clientId in byClient.keys.sorted() {
            let path = JSONPath.root.appending(clientId)
            if !clients.isEmpty && cids[clientId] == nil {
                issues.append(
                    FieldIssue(
                        path: path, problem: "unknown client \(JSONValue.string(clientId).quotedForMessage)"))
                continue
            }
            result[clientId] = incidentList(
                byClient[clientId] ?? .null, at: path, cid: cids[clientId], issues: &issues)
        }
        guard issues.isEmpty else { throw FixtureError(source: source, issues: issues) }
        return result
    }

    /// Reads an array of records, reporting bad fields and repeated `eventId`s.
    static func incidentList(_ value: JSONValue, at path: JSONPath, cid: String?, issues: inout [FieldIssue])
        -> [Incident]
    {
        guard let items = value.arrayValue else {
            issues.append(FieldIssue(path: path, problem: "expected array of records, got \(value.kindName)"))
            return []
        }
        var incidents: [Incident] = []
        var firstPosition: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let itemPath = path.appending(position)
            guard let incident = Incident.fromRecord(item, at: itemPath, cid: cid, issues: &issues) else {
                continue
            }
            if let first = firstPosition[incident.eventId] {
                issues.append(
                    FieldIssue(
                        path: itemPath.appending("eventId"),
                        problem: "duplicate of \(path.appending(first).appending("eventId"))"))
                continue
            }
            firstPosition[incident.eventId] = position
            incidents.append(incident)
        }
        return incidents
    }

    private static func parse(_ bytes: [UInt8], source: String) throws(FixtureError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw FixtureError(source: source, issues: [], parseError: error)
        }
    }
}

/// A fixture file that cannot be used: every problem, each prefixed with the file name.
public struct FixtureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other source) name.
    public var source: String
    /// Field problems, in document order.
    public var issues: [FieldIssue]
    /// The syntax error, when the file is not JSON at all.
    public var parseError: JSONParseError?

    /// Creates an error.
    public init(source: String, issues: [FieldIssue], parseError: JSONParseError? = nil) {
        self.source = source
        self.issues = issues
        self.parseError = parseError
    }

    /// `fixtures/clients.json: $[1].clientSecret: expected string, got integer`, one line per issue.
    public var description: String {
        if let parseError { return "\(source): \(parseError)" }
        return issues.map { "\(source): \($0)" }.joined(separator: "\n")
    }
}
