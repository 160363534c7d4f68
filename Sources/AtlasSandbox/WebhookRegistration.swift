public import AtlasJSON

/// A client's registered webhook URL (`updateWebhookURL.do`) and the URLs it replaced.
public struct WebhookRegistration: Sendable, Hashable {
    /// One registration call: the URL and when it was registered.
    public struct Change: Sendable, Hashable {
        /// The registered URL.
        public var url: String
        /// When it was registered.
        public var at: AtlasInstant

        /// Creates a change.
        public init(url: String, at: AtlasInstant) {
            self.url = url
            self.at = at
        }
    }

    /// The URL webhooks go to now.
    public var url: String
    /// When the current URL was registered.
    public var registeredAt: AtlasInstant
    /// Every registration, oldest first, the current one last; bounded, see `droppedCount`.
    public var history: [Change]
    /// How many old entries fell off the bounded history.
    public var droppedCount: Int

    /// A first registration.
    public init(url: String, at: AtlasInstant) {
        self.url = url
        registeredAt = at
        history = [Change(url: url, at: at)]
        droppedCount = 0
    }

    /// Replaces the URL, keeping at most `historyCapacity` entries of history (at least the current one).
    mutating func replace(with url: String, at instant: AtlasInstant, historyCapacity: Int) {
        self.url = url
        registeredAt = instant
        history.append(Change(url: url, at: instant))
        let excess = history.count - max(historyCapacity, 1)
        if excess > 0 {
            history.removeFirst(excess)
            droppedCount += excess
        }
    }

    /// `{"url", "registeredAt", "history": [{"url","at"}], "droppedCount"}`, times UTC+08:00.
    public func json() -> JSONValue {
        .object([
            "url": .string(url),
            "registeredAt": .string(AtlasTime.format(registeredAt)),
            "history": .array(
                history.map { .object(["url": .string($0.url), "at": .string(AtlasTime.format($0.at))]) }),
            "droppedCount": .int(droppedCount),
        ])
    }
}

/// Checks a webhook URL: absolute `http` or `https`, with a host.
enum WebhookURL {
    static let maximumLength = 2048

    /// Why `text` is not an acceptable webhook URL, or nil when it is.
    static func problem(with text: String) -> String? {
        guard !text.isEmpty else { return "must not be empty" }
        guard text.utf8.count <= maximumLength else { return "longer than \(maximumLength) bytes" }
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return "must be printable ASCII without spaces (percent-encode other characters)"
        }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return "must be an absolute http or https URL"
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let host: Substring
        let port: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return "has an unterminated IPv6 host" }
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return "has characters after the IPv6 host" }
            port = after.isEmpty ? nil : after.dropFirst()
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return "has an invalid IPv6 host"
            }
        } else {
            let parts = hostAndPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts.first ?? ""
            port = parts.count == 2 ? parts[1] : nil
            let allowed = host.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "-" || $0 == "." || $0 == "_"
            }
            guard allowed else { return "has an invalid host" }
        }
        guard !host.isEmpty else { return "must have a host" }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ ("0"..."9").contains($0) }),
                let number = Int(port),
                (1...65535).contains(number)
            else { return "has an invalid port" }
        }
        return nil
    }
}
