import AtlasSandbox

extension MockConfiguration {
    /// The configuration `atlas-mock serve` options describe, on top of the defaults.
    ///
    /// Every value is checked here so that a typo stops the command with one line naming the option,
    /// before anything is bound or loaded.
    public init(serveArguments arguments: ParsedArguments) throws(UsageError) {
        self.init()
        if let host = arguments.string("host") {
            guard !host.isEmpty else {
                throw UsageError("invalid value '' for '--host': expected an address")
            }
            self.host = host
        }
        if let port = try arguments.integer("port", in: 0...65_535) { self.port = UInt16(port) }
        if let folder = arguments.string("fixtures") {
            do { fixtures = try DefaultFiles.directory(folder) } catch {
                throw UsageError("--fixtures \(error)")
            }
        }
        if let folder = arguments.string("scenarios") {
            do { scenarios = try DefaultFiles.directory(folder) } catch {
                throw UsageError("--scenarios \(error)")
            }
        }
        extraClients = arguments.strings("client")
        for spec in extraClients where spec.split(separator: ":", omittingEmptySubsequences: false).count < 2
        {
            throw UsageError(
                "invalid value '\(Self.redacted(spec))' for '--client': expected ID:SECRET[:CID]")
        }
        if let seed = arguments.string("seed") {
            guard let value = UInt64(seed), seed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw UsageError(
                    "invalid value '\(seed)' for '--seed': expected a whole number from 0 to \(UInt64.max)")
            }
            self.seed = value
        }
        for spec in arguments.strings("seed-incidents") {
            try applySeedIncidents(spec)
        }
        if let text = arguments.string("freeze-clock") {
            guard let instant = AtlasTime.parse(text) else {
                throw UsageError(
                    "invalid value '\(text)' for '--freeze-clock': expected 'yyyy-MM-dd HH:mm:ss' (UTC+08:00)"
                )
            }
            frozenClock = instant
        }
        strict = arguments.has("strict")
        if let status = try arguments.choice("auth-failure-status", of: ["200", "401"]) {
            authFailureHTTPStatus = Int(status)!
        }
        if let format = try arguments.choice("time-format", of: ["schema", "sample"]) {
            sampleTimeFormat = format == "sample"
        }
        if let size = try arguments.integer("max-page-size", in: 1...100_000) { maxPageSize = size }
        if let token = arguments.string("admin-token") {
            guard !token.isEmpty else {
                throw UsageError("invalid value for '--admin-token': the token is empty")
            }
            adminToken = token
        }
        if let count = try arguments.integer("max-connections", in: 1...1_000_000) { maxConnections = count }
        if let bytes = try arguments.integer("max-head-bytes", in: 1024...(1 << 24)) { maxHeadBytes = bytes }
        if let bytes = try arguments.integer("max-body-bytes", in: 0...(1 << 30)) { maxBodyBytes = bytes }
        if let milliseconds = try arguments.integer("head-timeout-ms", in: 1...3_600_000) {
            headTimeout = .milliseconds(milliseconds)
        }
        if let milliseconds = try arguments.integer("idle-timeout-ms", in: 1...3_600_000) {
            idleTimeout = .milliseconds(milliseconds)
        }
        if let count = try arguments.integer("journal-capacity", in: 1...10_000_000) {
            journalCapacity = count
        }
        if let count = try arguments.integer("delivery-log-capacity", in: 1...10_000_000) {
            deliveryLogCapacity = count
        }
        if let count = try arguments.integer("max-incidents", in: 1...100_000_000) {
            maxIncidentsPerClient = count
        }
        if let milliseconds = try arguments.integer("webhook-timeout-ms", in: 1...600_000) {
            webhookTimeout = .milliseconds(milliseconds)
        }
        if let count = try arguments.integer("webhook-retries", in: 0...100) { webhookRetries = count }
        if let list = arguments.string("webhook-backoff-ms") {
            let parts = list.split(separator: ",", omittingEmptySubsequences: false)
            let values = parts.compactMap { part in
                Int(part).flatMap { (0...3_600_000).contains($0) ? $0 : nil }
            }
            guard !parts.isEmpty, values.count == parts.count,
                parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
            else {
                throw UsageError(
                    "invalid value '\(list)' for '--webhook-backoff-ms': expected milliseconds separated by commas, e.g. 1000,5000"
                )
            }
            webhookBackoff = values.map { .milliseconds($0) }
        }
        if let count = try arguments.integer("webhook-concurrency", in: 1...10_000) {
            maxDeliveriesInFlight = count
        }
        for spec in arguments.strings("webhook-header") {
            let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(
                String.init)
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
                parts[1].utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") })
            else {
                throw UsageError(
                    "invalid value for '--webhook-header': expected CLIENT:NAME:VALUE (value not shown: it may be a credential)"
                )
            }
            webhookHeaders[parts[0], default: []].append(
                WebhookHeader(name: parts[1], value: parts[2].trimmingSpaces()))
        }
        let format =
            try arguments.choice("log-format", of: ["text", "json"]).flatMap(
                RequestLog.Format.init(rawValue:)) ?? .text
        requestLog = arguments.has("quiet") ? nil : RequestLog(format: format)
    }

    /// `ID:***` for a client spec, so a typo never prints the secret.
    static func redacted(_ spec: String) -> String {
        (spec.split(separator: ":").first.map(String.init) ?? "") + ":***"
    }

    /// `N` sets the count for every client, `CLIENT=N` for one client (checked against the clients at
    /// start-up, where the client list is known).
    private mutating func applySeedIncidents(_ spec: String) throws(UsageError) {
        let parts = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let countText = String(parts.last ?? "")
        let clientId = parts.count == 2 ? String(parts[0]) : nil
        guard clientId.map({ !$0.isEmpty }) ?? true, !countText.isEmpty,
            countText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = Int(countText),
            (0...2_000_000).contains(count)
        else {
            throw UsageError(
                "invalid value '\(spec)' for '--seed-incidents': expected N or CLIENT=N, N from 0 to 2000000")
        }
        if let clientId { seedIncidentsByClient[clientId] = count } else { seedIncidents = count }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
