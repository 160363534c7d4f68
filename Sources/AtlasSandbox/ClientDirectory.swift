/// The sandbox's tenants, looked up by client id; authenticates header credentials.
struct ClientDirectory: Sendable {
    let clients: [AtlasClient]
    private let byId: [String: AtlasClient]

    /// A directory of `clients`; later duplicates of a client id replace earlier ones (the
    /// `--client` flag overrides a fixture).
    init(_ clients: [AtlasClient]) {
        var byId: [String: AtlasClient] = [:]
        var ordered: [AtlasClient] = []
        for client in clients {
            if byId[client.clientId] != nil { ordered.removeAll { $0.clientId == client.clientId } }
            byId[client.clientId] = client
            ordered.append(client)
        }
        self.byId = byId
        self.clients = ordered
    }

    func client(id: String) -> AtlasClient? { byId[id] }

    /// The client whose id and secret match, or nil.
    ///
    /// An unknown id still costs one full comparison against a dummy secret, so timing does not tell
    /// which client ids exist.
    func authenticate(clientId: String?, secret: String?) -> AtlasClient? {
        guard let clientId, let secret else { return nil }
        guard let client = byId[clientId] else {
            _ = ConstantTime.equals(secret, "atlas-mock-no-such-client-secret")
            return nil
        }
        return ConstantTime.equals(secret, client.clientSecret) ? client : nil
    }
}
