/// How a delivery attempt failed, in the kinds the DELIVERY RECORD reports.
public enum DeliveryErrorKind: String, Sendable, Hashable, CaseIterable {
    /// Nothing listened at the address.
    case refused
    /// The attempt's deadline passed (connect, send or the whole response).
    case timeout
    /// The receiver closed or reset the connection before a whole response arrived.
    case reset
    /// The host name did not resolve.
    case dns
    /// The TLS handshake failed (https).
    case tls
    /// The response was larger than 1 MiB.
    case tooLarge = "too-large"
    /// A complete response came back with a status outside 2xx.
    case httpStatus = "http-status"
    /// The client has no registered webhook URL.
    case noRegistration = "no-registration"
    /// The registered URL cannot be sent to.
    case invalidURL = "invalid-url"
}

/// A failed delivery attempt: its kind and a message naming what went wrong where.
public struct DeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind.
    public var kind: DeliveryErrorKind
    /// What happened, e.g. "connection refused by 127.0.0.1:9".
    public var message: String

    /// An error of `kind` described by `message`.
    public init(_ kind: DeliveryErrorKind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// "refused: connection refused by 127.0.0.1:9".
    public var description: String { "\(kind.rawValue): \(message)" }
}
