import AtlasJSON
import AtlasSandbox
import Glibc

/// One line per request on stderr, as text for people or JSON for log collectors.
///
/// Lines never carry headers or bodies, so client secrets and admin tokens cannot leak into logs.
public struct RequestLog: Sendable {
    /// How lines are written.
    public enum Format: String, Sendable {
        /// `2026-11-23 10:00:00.123 POST /event/getPageList.do 200 0.41ms 127.0.0.1`
        case text
        /// `{"durationMs":0.41,"method":"POST",…}`
        case json
    }

    /// The line format.
    public var format: Format
    /// Where finished lines go; stderr by default.
    public var sink: @Sendable (String) -> Void

    /// A log in `format` writing to `sink`.
    public init(format: Format, sink: @escaping @Sendable (String) -> Void = RequestLog.standardError) {
        self.format = format
        self.sink = sink
    }

    /// Writes the line for one answered request.
    public func record(
        time: String, method: String, path: String, status: Int, durationMicroseconds: Int, remote: String
    ) {
        let milliseconds = Double(durationMicroseconds) / 1000
        switch format {
        case .text:
            sink("\(time) \(method) \(path) \(status) \(Self.decimal(milliseconds))ms \(remote)")
        case .json:
            let line: JSONValue = [
                "time": .string(time), "method": .string(method), "path": .string(path),
                "status": .int(status),
                "durationMs": .double(milliseconds), "remote": .string(remote),
            ]
            sink(line.compactText)
        }
    }

    /// Writes a notice that is not about one request (a limit was hit, the server is draining).
    public func notice(_ message: String, time: String) {
        switch format {
        case .text: sink("\(time) \(message)")
        case .json: sink((["time": .string(time), "notice": .string(message)] as JSONValue).compactText)
        }
    }

    /// Writes `line` and a newline to stderr in one call, so concurrent lines never interleave.
    public static let standardError: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    private static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

extension AtlasInstant {
    /// `yyyy-MM-dd HH:mm:ss.SSS` in Atlas server time, as log lines and the admin API show instants.
    var logText: String {
        String(description.dropLast(7))
    }
}
