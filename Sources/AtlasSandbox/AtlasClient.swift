/// A tenant of the sandbox: the credentials an integrator sends and the `cid` Atlas knows it by.
///
/// `description` never prints the secret, so a client can be logged or interpolated safely.
public struct AtlasClient: Sendable, Hashable, CustomStringConvertible {
    /// The `x-atlas-client-id` header value.
    public var clientId: String
    /// The `x-atlas-client-secret` header value; compare only with ``ConstantTime``.
    public var clientSecret: String
    /// Atlas's customer id, e.g. `TAC00001`, sent as `cid` in webhooks and as `clientCode` in records.
    public var cid: String
    /// A human-readable name.
    public var name: String

    /// Creates a client; `name` defaults to the client id.
    public init(clientId: String, clientSecret: String, cid: String, name: String? = nil) {
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.cid = cid
        self.name = name ?? clientId
    }

    /// `AtlasClient(clientId: sandbox, cid: TAC00001, name: Sandbox)`; the secret is left out on purpose.
    public var description: String {
        "AtlasClient(clientId: \(clientId), cid: \(cid), name: \(name))"
    }

    /// Parses a command-line client spec `ID:SECRET[:CID]` (the `--client` flag).
    ///
    /// Exactly two or three non-empty parts separated by `:` (so neither id nor secret may contain a
    /// colon); without a CID the client id doubles as its `cid`.
    public static func parse(spec: String) throws(ClientSpecError) -> AtlasClient {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3 else {
            throw ClientSpecError(reason: "expected ID:SECRET or ID:SECRET:CID, got \(parts.count) part(s)")
        }
        let labels = ["ID", "SECRET", "CID"]
        for (label, part) in zip(labels, parts) {
            if part.isEmpty { throw ClientSpecError(reason: "\(label) is empty") }
            if part.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
                throw ClientSpecError(reason: "\(label) contains whitespace or control characters")
            }
        }
        return AtlasClient(
            clientId: parts[0], clientSecret: parts[1], cid: parts.count == 3 ? parts[2] : parts[0])
    }
}

/// A `--client ID:SECRET[:CID]` spec that cannot be used; the message never repeats the secret.
public struct ClientSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the spec.
    public var reason: String

    /// `--client: <reason>`.
    public var description: String { "--client: \(reason)" }
}
