import Foundation
import Testing

/// Fault matrix, bad files at start-up (issue 6, case 8): `serve` exits 2 naming the file and where
/// in it, and prints no ready line, so nothing is ever half-started.
@Suite(.timeLimit(.minutes(1))) struct FaultMatrixStartupTests {
    /// One broken file: which folder option it goes under, its name, its text, and what stderr must say.
    struct BadFile: Sendable, CustomStringConvertible {
        var description: String
        var option: String
        var file: String
        var text: String
        var location: String
    }

    static let cases: [BadFile] = [
        BadFile(
            description: "invalid JSON", option: "--fixtures", file: "incidents.json",
            text: #"{"sandbox": [ {"eventId": }"#, location: "line 1, column 27"),
        BadFile(
            description: "wrong type", option: "--fixtures", file: "clients.json",
            text: #"[{"clientId":"a","clientSecret":"s","cid":7,"name":"A"}]"#, location: "$[0].cid"),
        BadFile(
            description: "unknown client in incidents.json", option: "--fixtures", file: "incidents.json",
            text: #"{"nobody": []}"#, location: "$.nobody"),
        BadFile(
            description: "bad order segment time", option: "--fixtures", file: "orders.json",
            text: EmbeddedFixture.text("orders.json").replacingOccurrences(
                of: "2026-03-02 08:05:00", with: "2026-03-02 25:05:00"),
            location: "$.sandbox[0].segments[0].depTime"),
        BadFile(
            description: "scenario with an unknown key", option: "--scenarios", file: "broken.json",
            text: #"{"name":"broken","client":"sandbox","colour":"red","steps":[]}"#, location: "$.colour"),
    ]

    @Test(arguments: cases)
    func badFileAtStartUp_exitsTwoNamingFileAndPath_withoutAReadyLine(bad: BadFile) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "atlas-mock-fault-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if bad.option == "--fixtures" {
            // The good fixtures beside the broken one, so only the broken file can be blamed.
            for name in ["clients.json", "incidents.json", "orders.json"] {
                try Data(EmbeddedFixture.text(name).utf8).write(to: folder.appendingPathComponent(name))
            }
        }
        try Data(bad.text.utf8).write(to: folder.appendingPathComponent(bad.file))
        let binary = try LaunchedBinary(["serve", "--port", "0", bad.option, folder.path])
        #expect(try await binary.exitStatus() == 2)
        // The pipe's reader may still be catching up with a process that already exited.
        try await binary.waitFor("the error line") { binary.standardError.hasSuffix("\n") }
        #expect(binary.standardError.contains(bad.file), "stderr: \(binary.standardError)")
        #expect(binary.standardError.contains(bad.location), "stderr: \(binary.standardError)")
        #expect(binary.standardOutput.isEmpty, "nothing half-started: no ready line")
    }
}
