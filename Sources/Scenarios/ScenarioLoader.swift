public import AtlasJSON
import FoundationEssentials

/// Reads scenario files and checks them without running anything.
public enum ScenarioLoader {
    /// Parses and validates one scenario from `bytes`; `file` names it in errors.
    public static func load(bytes: [UInt8], file: String) throws(ScenarioErrorList) -> Scenario {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw ScenarioErrorList([ScenarioError(file: file, path: nil, reason: "not valid JSON: \(error)")]
            )
        }
        return try load(document: document, file: file)
    }

    /// Validates an already parsed scenario document.
    public static func load(document: JSONValue, file: String) throws(ScenarioErrorList) -> Scenario {
        try ScenarioDecoder(file: file).decode(document).get()
    }

    /// Reads, parses and validates the scenario file at `path`.
    public static func load(file path: String) throws(ScenarioErrorList) -> Scenario {
        try load(bytes: try readFile(path), file: path)
    }

    /// Every fault in the given files (unreadable, not JSON, unknown keys, bad references, impossible values);
    /// empty when all are valid. A folder stands for its `*.json` files; two files with the same
    /// scenario name are a fault too.
    public static func validate(files: [String]) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        var scenarios: [Scenario] = []
        for file in files.flatMap(expand) {
            do {
                scenarios.append(try load(file: file))
            } catch {
                errors += error.errors
            }
        }
        errors += duplicateNameErrors(scenarios)
        return errors
    }

    /// Faults for scenarios that share a name, naming the second file.
    static func duplicateNameErrors(_ scenarios: [Scenario]) -> [ScenarioError] {
        var seen: [String: String] = [:]
        var errors: [ScenarioError] = []
        for scenario in scenarios {
            if let first = seen[scenario.name] {
                errors.append(
                    ScenarioError(
                        file: scenario.file, path: JSONPath.root.appending("name"),
                        reason: "scenario name \"\(scenario.name)\" is also used by \(first)"))
            } else {
                seen[scenario.name] = scenario.file
            }
        }
        return errors
    }

    /// `path` itself, or the scenario files in it when it is a folder (a listing failure leaves the
    /// folder's own path, so reading it reports the fault).
    static func expand(_ path: String) -> [String] {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        let base = path.hasSuffix("/") ? path : path + "/"
        return names.filter(isScenarioFileName).sorted().map { base + $0 }
    }

    /// Whether a file name is a scenario: `*.json` except `*.schema.json`.
    static func isScenarioFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasSuffix(".schema.json")
    }

    /// The bytes of the file at `path`, or a fault naming it.
    static func readFile(_ path: String) throws(ScenarioErrorList) -> [UInt8] {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw ScenarioErrorList([
                ScenarioError(
                    file: path, path: nil, reason: "cannot read the file (missing, a folder, or not readable)"
                )
            ])
        }
        return [UInt8](data)
    }
}
