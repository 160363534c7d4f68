import Scenarios
import Testing

@testable import AtlasMock

/// The built-in library waits until it is used; files from disk are checked before the server starts.
@Suite struct ScenarioShelfTests {
    @Test func builtInLibrary_decodesOnFirstUse_toTheWholeLibrary() throws {
        let shelf = try ScenarioShelf(DefaultFiles.embedded("scenarios"))
        let eager = try MockFixtures.library(DefaultFiles.embedded("scenarios"))
        #expect(shelf.library == eager)
        #expect(shelf.library.names.count >= 18)
    }

    @Test func givenFiles_withAFault_refuseAtStartUp() {
        let files = DefaultFiles(origin: "my-scenarios", files: ["broken.json": Array(#"{"name":1}"#.utf8)])
        #expect {
            _ = try ScenarioShelf(files)
        } throws: { error in
            "\(error)".contains("my-scenarios/broken.json")
        }
    }
}
