import Scenarios
import Synchronization

/// The server's scenario library, decoded when first asked for if it is the built-in one.
///
/// Decoding the built-in files was a third of `serve`'s start-up, and most servers never run a
/// scenario. Files given with `--scenarios` are decoded at start-up instead, so a bad one stops the
/// server before it listens.
final class ScenarioShelf: Sendable {
    private let files: DefaultFiles
    private let decoded: Mutex<ScenarioLibrary?>

    init(_ files: DefaultFiles) throws(MockStartError) {
        self.files = files
        decoded = Mutex(files.isEmbedded ? nil : try MockFixtures.library(files))
    }

    /// The library, decoding the built-in files on first use.
    var library: ScenarioLibrary {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            // The test suite decodes the built-in files (ScenarioShelfTests, BuiltInLibraryTests), so
            // this cannot fail in a tested binary; an empty library is the answer if it ever did.
            let library = (try? MockFixtures.library(files)) ?? ScenarioLibrary(scenarios: [])
            decoded = library
            return library
        }
    }
}
