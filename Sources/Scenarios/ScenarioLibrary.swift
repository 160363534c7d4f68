public import AtlasJSON
import FoundationEssentials

/// A set of scenarios by name: the built-in library embedded in the binary, or a folder of files.
public struct ScenarioLibrary: Sendable, Hashable {
    /// The scenarios, sorted by name.
    public var scenarios: [Scenario]

    /// A library of `scenarios`, sorted by name.
    public init(scenarios: [Scenario]) {
        self.scenarios = scenarios.sorted { $0.name < $1.name }
    }

    /// Loads every `*.json` file in `directory` except `*.schema.json`; every fault in every file is reported.
    public static func load(directory: String) throws(ScenarioErrorList) -> ScenarioLibrary {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw ScenarioErrorList([ScenarioError(file: directory, path: nil, reason: "not a folder")])
        }
        var files: [(name: String, bytes: [UInt8])] = []
        var errors: [ScenarioError] = []
        for path in ScenarioLoader.expand(directory) {
            do {
                files.append((path, try ScenarioLoader.readFile(path)))
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw ScenarioErrorList(errors) }
        return try load(embedded: files)
    }

    /// Loads scenarios from (file name, bytes) pairs, as the binary embeds `scenarios/*.json`.
    public static func load(embedded files: [(name: String, bytes: [UInt8])]) throws(ScenarioErrorList)
        -> ScenarioLibrary
    {
        var scenarios: [Scenario] = []
        var errors: [ScenarioError] = []
        for file in files where ScenarioLoader.isScenarioFileName(file.name) {
            do {
                scenarios.append(try ScenarioLoader.load(bytes: file.bytes, file: file.name))
            } catch {
                errors += error.errors
            }
        }
        errors += ScenarioLoader.duplicateNameErrors(scenarios)
        guard errors.isEmpty else { throw ScenarioErrorList(errors) }
        return ScenarioLibrary(scenarios: scenarios)
    }

    /// The scenario called `name`, if any.
    public func scenario(named name: String) -> Scenario? {
        scenarios.first { $0.name == name }
    }

    /// The scenarios' names, sorted.
    public var names: [String] { scenarios.map(\.name) }

    /// Runs the whole library against `driver` (what `atlas-mock demo` does with its built-in receiver).
    public func runAll(
        driver: any ScenarioDriver, options: ScenarioRunOptions = ScenarioRunOptions(),
        observer: @escaping @Sendable (ScenarioProgress) -> Void = { _ in }
    ) async throws(ScenarioErrorList) -> ScenarioReport {
        try await ScenarioRunner(driver: driver, options: options, observer: observer).run(scenarios)
    }

    /// The library for `list` and `GET /__admin/scenarios`: name, description, file and step labels of each.
    public func listingJSON() -> JSONValue {
        let entries = scenarios.map { scenario -> JSONValue in
            [
                "name": .string(scenario.name), "description": .string(scenario.description),
                "file": .string(scenario.file), "client": .string(scenario.clientId),
                "steps": .array(scenario.steps.map { .string($0.label) }),
            ]
        }
        return ["scenarios": .array(entries)]
    }
}
