import Foundation
import Testing

/// The built `atlas-mock` executable, launched as a separate process for end-to-end tests.
final class LaunchedBinary: @unchecked Sendable {
    let process = Process()
    private let stdoutReader: PipeReader
    private let stderrReader: PipeReader
    /// Our end stays open for the test process's lifetime; `serve --exit-on-stdin-eof` exits when it closes.
    private let stdinPipe = Pipe()

    /// The executable next to the test bundle (SwiftPM builds it because the test target depends on it).
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("atlas-mock")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/atlas-mock")
    }

    init(_ arguments: [String]) throws {
        stdoutReader = try PipeReader()
        stderrReader = try PipeReader()
        process.executableURL = Self.executable
        // A server must not outlive the test run (a suite-wide shared server is never deinitialised).
        process.arguments = arguments.first == "serve" ? arguments + ["--exit-on-stdin-eof"] : arguments
        process.standardOutput = stdoutReader.writeEnd
        process.standardError = stderrReader.writeEnd
        process.standardInput = stdinPipe
        try process.run()
        stdoutReader.start()
        stderrReader.start()
    }

    var standardOutput: String { stdoutReader.text }
    var standardError: String { stderrReader.text }

    /// Waits for `condition` on the output, polling until `deadline` instead of sleeping a fixed time.
    func waitFor(_ what: String, timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now > deadline {
                throw LaunchError(
                    message:
                        "timed out waiting for \(what); stdout: \(standardOutput) stderr: \(standardError)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Waits for the ready line and returns the URL it names.
    func readyURL() async throws -> String {
        let prefix = "atlas-mock listening on "
        try await waitFor("the ready line") { standardOutput.contains("\n") || !process.isRunning }
        guard let line = standardOutput.split(separator: "\n").first, line.hasPrefix(prefix) else {
            throw LaunchError(message: "no ready line; stdout: \(standardOutput) stderr: \(standardError)")
        }
        return String(line.dropFirst(prefix.count))
    }

    /// Waits for the process to exit and returns its status, after giving its pipes up to 2 s to be
    /// read to the end (a grandchild could keep one open, which is not an error here).
    func exitStatus(timeout: Duration = .seconds(20)) async throws -> Int32 {
        try await waitFor("the process to exit", timeout: timeout) { !process.isRunning }
        let drained = ContinuousClock.now + .seconds(2)
        while !(stdoutReader.isFinished && stderrReader.isFinished), ContinuousClock.now < drained {
            try await Task.sleep(for: .milliseconds(5))
        }
        return process.terminationStatus
    }

    /// Closes our end of the child's stdin, as the kernel does when the parent dies.
    func closeStandardInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

struct LaunchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
