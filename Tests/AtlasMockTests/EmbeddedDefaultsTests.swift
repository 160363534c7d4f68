import Foundation
import Testing

@testable import AtlasMock

@Suite struct EmbeddedDefaultsTests {
    /// The repository root, found from this file's path so the test runs from any directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func embeddedDefaults_matchTheFixtureAndScenarioFolders() throws {
        var onDisk: [String: String] = [:]
        for folder in ["fixtures", "scenarios"] {
            let directory = Self.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where name.hasSuffix(".json") {
                onDisk["\(folder)/\(name)"] = try String(
                    contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            }
        }
        let embedded = Dictionary(
            EmbeddedDefaults.files.map { ($0.path, $0.text + "\n") }, uniquingKeysWith: { $1 })
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run scripts/embed-defaults")
        for (path, text) in onDisk {
            #expect(
                embedded[path] == text.trimmingCharacters(in: .newlines) + "\n",
                "\(path) differs: run scripts/embed-defaults")
        }
    }

    @Test func directory_readsJSONFilesAndNamesUnreadableFolders() throws {
        let fixtures = try DefaultFiles.directory(Self.root.appendingPathComponent("fixtures").path)
        #expect(fixtures.files.keys.contains("clients.json"))
        #expect(throws: DefaultFilesError.self) { try DefaultFiles.directory("/nonexistent-atlas-mock") }
    }
}
