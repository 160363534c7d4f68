/// The parts of an `http://host[:port]/path?query` URL the client needs.
struct HTTPClientURL: Equatable {
    /// The host without brackets (IPv6 literals bare).
    var host: String
    var port: UInt16
    /// Origin-form target: path and query, `/` when empty; the fragment is dropped.
    var target: String
    /// The `Host` header value (brackets for IPv6, port when not 80).
    var hostHeader: String

    /// Parses `url`; `https` is a ``HTTPClientError/Kind/tls`` error, anything else invalid an
    /// ``HTTPClientError/Kind/invalidURL`` error.
    static func parse(_ url: String) throws(HTTPClientError) -> HTTPClientURL {
        let bytes = Array(url.utf8)
        guard let schemeEnd = findSeparator(bytes) else {
            throw HTTPClientError(.invalidURL, "not an absolute URL: \(url)")
        }
        let scheme = String(decoding: bytes[0..<schemeEnd].map(asciiLower), as: UTF8.self)
        if scheme == "https" { throw HTTPClientError(.tls, "https needs the URLSession transport") }
        guard scheme == "http" else {
            throw HTTPClientError(.invalidURL, "unsupported scheme '\(scheme)' in \(url)")
        }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPClientError(.invalidURL, "URL contains spaces, control or non-ASCII characters")
        }
        let authorityStart = schemeEnd + 3
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count, !"/?#".utf8.contains(bytes[authorityEnd]) { authorityEnd += 1 }
        let authority = bytes[authorityStart..<authorityEnd]
        if authority.contains(UInt8(ascii: "@")) {
            throw HTTPClientError(.invalidURL, "credentials in URLs are not supported")
        }
        let (host, port) = try parseAuthority(Array(authority), url: url)
        var targetEnd = authorityEnd
        while targetEnd < bytes.count, bytes[targetEnd] != UInt8(ascii: "#") { targetEnd += 1 }
        var target = String(decoding: bytes[authorityEnd..<targetEnd], as: UTF8.self)
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return HTTPClientURL(
            host: host, port: port, target: target,
            hostHeader: port == 80 ? bracketed : "\(bracketed):\(port)")
    }

    private static func findSeparator(_ bytes: [UInt8]) -> Int? {
        let separator = Array("://".utf8)
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3) where Array(bytes[index..<(index + 3)]) == separator {
            return index > 0 ? index : nil
        }
        return nil
    }

    private static func parseAuthority(_ authority: [UInt8], url: String) throws(HTTPClientError) -> (
        String, UInt16
    ) {
        var hostBytes = authority[...]
        var portBytes: ArraySlice<UInt8>?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw HTTPClientError(.invalidURL, "unterminated IPv6 literal in \(url)")
            }
            hostBytes = authority[1..<close]
            let rest = authority[(close + 1)...]
            if !rest.isEmpty {
                guard rest.first == UInt8(ascii: ":") else {
                    throw HTTPClientError(.invalidURL, "invalid authority in \(url)")
                }
                portBytes = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            hostBytes = authority[..<colon]
            portBytes = authority[(colon + 1)...]
        }
        guard !hostBytes.isEmpty else { throw HTTPClientError(.invalidURL, "missing host in \(url)") }
        var port: UInt16 = 80
        if let portBytes, !portBytes.isEmpty {
            guard portBytes.count <= 5, portBytes.allSatisfy(HTTPSyntax.isDigit),
                let value = Int(String(decoding: portBytes, as: UTF8.self)), (1...65535).contains(value)
            else { throw HTTPClientError(.invalidURL, "invalid port in \(url)") }
            port = UInt16(value)
        }
        return (String(decoding: hostBytes, as: UTF8.self), port)
    }
}
