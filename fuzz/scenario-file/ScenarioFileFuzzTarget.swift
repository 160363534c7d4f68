// libFuzzer entry point for scenario files, compiled into the Scenarios module by fuzz/run.
// The input is a scenario file, optionally followed by a NUL byte and a `--set` argument
// (`[scenario:]path=value`). Checks:
// - `ScenarioLoader.load(bytes:file:)` never traps; a refusal lists at least one error, each naming
//   the file and giving a reason on one line;
// - an accepted scenario keeps the file name and the parsed document, and validates to the same
//   scenario again from its document and from that document's compact serialization (validation
//   depends on the JSON value, not on its spelling);
// - the `--set` argument parses or is refused, and applying it re-validates without trapping; a
//   patched scenario keeps its file name.
import AtlasJSON

/// The name the file is loaded under; every error must carry it.
let fuzzFileName = "fuzz/scenario.json"

/// Called by libFuzzer once per input; returns 0 (the input may be added to the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let file = Array(parts[0])
    let setArgument = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : nil

    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(bytes: file, file: fuzzFileName)
    } catch {
        checkRefusal(error, file: fuzzFileName)
        return 0
    }
    checkAccepted(scenario, bytes: file)
    if let setArgument { checkOverride(setArgument, on: scenario) }
    return 0
}

private func checkRefusal(_ error: ScenarioErrorList, file: String) {
    guard !error.errors.isEmpty else { fuzzFailure("refused with an empty error list") }
    for fault in error.errors where fault.file != file || fault.reason.isEmpty {
        fuzzFailure("error does not name the file or has no reason: \(fault)")
    }
    // `validate` prints one line per error, starting with the file; a raw line break would forge one.
    for fault in error.errors where fault.description.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
        fuzzFailure("error spans lines: \(fault.description.debugDescription)")
    }
    _ = error.description
}

private func checkAccepted(_ scenario: Scenario, bytes: [UInt8]) {
    guard scenario.file == fuzzFileName else { fuzzFailure("scenario file is \(scenario.file)") }
    guard (try? JSONValue.parse(bytes)) == scenario.document else {
        fuzzFailure("scenario document is not the parsed file")
    }
    let again: Scenario
    let fromCompact: Scenario
    do {
        again = try ScenarioLoader.load(document: scenario.document, file: fuzzFileName)
        fromCompact = try ScenarioLoader.load(bytes: scenario.document.serialized(), file: fuzzFileName)
    } catch {
        fuzzFailure("an accepted scenario is refused on reload: \(error)")
    }
    guard again == scenario, fromCompact == scenario else {
        fuzzFailure("reloading the scenario gives a different one")
    }
}

private func checkOverride(_ argument: String, on scenario: Scenario) {
    let override: ScenarioOverride
    do {
        override = try ScenarioOverride.parse(argument)
    } catch {
        guard !error.errors.isEmpty else { fuzzFailure("--set refused with an empty error list") }
        return
    }
    do {
        let patched = try ScenarioOverride.apply([override], to: [scenario])
        guard patched.count == 1, patched[0].file == scenario.file else {
            fuzzFailure("--set \(argument) returned \(patched.count) scenarios or renamed the file")
        }
    } catch {
        guard !error.errors.isEmpty else { fuzzFailure("--set apply refused with an empty error list") }
    }
}

/// Stops the run with a message; libFuzzer reports the trap as a crash and saves the input.
func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant violated: \(message)")
}
