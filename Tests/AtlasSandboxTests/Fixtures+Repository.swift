import AtlasSandbox
import Foundation

/// The repository's default fixture files, read from disk for tests (the binary embeds them through
/// AtlasMock's EmbeddedDefaults; the sandbox itself only parses what it is given).
extension Fixtures {
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func repositoryFile(_ relative: String) -> [UInt8] {
        Array((try? Data(contentsOf: URL(filePath: repositoryRoot + "/" + relative))) ?? Data())
    }

    /// `fixtures/clients.json`.
    static func defaultClients() throws(FixtureError) -> [AtlasClient] {
        try clients(from: repositoryFile("fixtures/clients.json"), source: "fixtures/clients.json")
    }

    /// `fixtures/incidents.json`.
    static func defaultIncidents() throws(FixtureError) -> [String: [Incident]] {
        try incidents(
            from: repositoryFile("fixtures/incidents.json"), source: "fixtures/incidents.json",
            clients: defaultClients())
    }

    /// The default fixtures with default settings.
    static func defaultConfiguration() throws(FixtureError) -> SandboxConfiguration {
        SandboxConfiguration(clients: try defaultClients(), incidents: try defaultIncidents())
    }
}
