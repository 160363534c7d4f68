@preconcurrency import Glibc

/// Where the CLI writes: results to stdout, flushed at once because CI parents read it through pipes;
/// diagnostics to stderr.
enum Console {
    /// Writes `line` to stdout and flushes, so a parent reading the pipe sees it immediately.
    static func out(_ line: String) {
        fputs(line + "\n", stdout)
        fflush(stdout)
    }

    /// Writes `line` to stderr.
    static func error(_ line: String) {
        fputs(line + "\n", stderr)
    }
}

/// What a command ends with: the process exit status.
typealias ExitStatus = Int32

extension ExitStatus {
    /// Success, or every scenario passed.
    static let success: ExitStatus = 0
    /// A scenario expectation or a delivery failed.
    static let failed: ExitStatus = 1
    /// Bad usage or a bad input file.
    static let badInput: ExitStatus = 2
    /// A server could not be reached or a port bound.
    static let unreachable: ExitStatus = 3
}
