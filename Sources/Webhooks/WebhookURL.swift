/// A registered webhook URL taken apart for sending: scheme, host, port and request target.
///
/// Parsed by hand (no Foundation) because the http transport needs only these four parts and must
/// refuse anything it cannot send to with a clear reason.
public struct WebhookURL: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// Host name or address literal (IPv6 without brackets).
    public let host: String
    /// Port, defaulted from the scheme.
    public let port: Int
    /// Path and query, at least `/`.
    public let target: String
    /// The URL as registered.
    public let text: String

    /// The parts of `text`, or why it cannot be sent to.
    public static func parse(_ text: String) -> Result<WebhookURL, DeliveryError> {
        func invalid(_ reason: String) -> Result<WebhookURL, DeliveryError> {
            .failure(DeliveryError(.invalidURL, "cannot send to \"\(text)\": \(reason)"))
        }
        let scheme: String
        var rest: Substring
        if text.lowercased().hasPrefix("http://") {
            scheme = "http"
            rest = text.dropFirst(7)
        } else if text.lowercased().hasPrefix("https://") {
            scheme = "https"
            rest = text.dropFirst(8)
        } else {
            return invalid("only http:// and https:// URLs can receive webhooks")
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        if authority.contains("@") { return invalid("credentials in the URL are not supported") }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return invalid("unterminated IPv6 literal")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                return invalid("bad authority")
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                portText = authority[authority.index(after: colon)...]
                authority = authority[..<colon]
            }
            host = authority
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "\t" }) else {
            return invalid("missing host")
        }
        var port = scheme == "https" ? 443 : 80
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                return invalid("bad port \"\(portText)\"")
            }
            port = number
        }
        guard !rest.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else {
            return invalid("spaces in the path")
        }
        let target = rest.isEmpty ? "/" : (rest.hasPrefix("?") ? "/" + rest : String(rest))
        return .success(
            WebhookURL(scheme: scheme, host: String(host), port: port, target: target, text: text))
    }

    private init(scheme: String, host: String, port: Int, target: String, text: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.target = target
        self.text = text
    }

    /// The `Host` header value: the host, with the port when it is not the scheme's default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (scheme == "https" ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// The URL as registered.
    public var description: String { text }
}
