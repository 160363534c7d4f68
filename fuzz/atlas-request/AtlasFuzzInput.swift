/// How fuzz bytes become an Atlas call.
///
/// Byte 0 holds flags; the rest is the body, unless a flag asks for fuzzed strings, in which case
/// the rest is split at NUL bytes into up to three strings and the body (the last part):
///
/// | bits | meaning |
/// |---|---|
/// | 0–1 | credentials: 0 `sandbox`, 1 `partner`, 2 `sandbox` with a wrong secret, 3 id and secret from strings 0 and 1 |
/// | 2 | strict mode (missing contract headers are 901) |
/// | 3 | send the contract headers `Accept`, `Content-Type`, `Accept-Encoding` |
/// | 4 | add `Content-Type` from string 2 and a header named by string 0 with value string 1 |
/// | 5 | records printed in the sample time format |
/// | 6 | also call the path in string 2 |
/// | 7 | make every call twice (state left by the first: registrations, journal) |
struct AtlasFuzzInput {
    var headers: [(name: String, value: String)] = []
    var body: [UInt8]
    var strict: Bool
    var timeFormat: IncidentTimeFormat
    var extraPath: String?
    var repeats: Bool

    init(_ bytes: [UInt8]) {
        let flags = bytes.first ?? 0
        let rest = bytes.dropFirst()
        let credentials = flags & 0b11
        let fuzzedHeaders = flags & 0b1_0000 != 0
        let fuzzedPath = flags & 0b100_0000 != 0
        var strings = ["", "", ""]
        if credentials == 3 || fuzzedHeaders || fuzzedPath {
            let parts = rest.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
            body = Array(parts.last ?? [])
            for (position, part) in parts.dropLast().enumerated() {
                strings[position] = String(decoding: part, as: UTF8.self)
            }
        } else {
            body = Array(rest)
        }
        strict = flags & 0b100 != 0
        timeFormat = flags & 0b10_0000 != 0 ? .sample : .schema
        repeats = flags & 0b1000_0000 != 0
        extraPath = fuzzedPath ? strings[2] : nil

        switch credentials {
        case 0: headers += [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "sandbox-secret")]
        case 1: headers += [("X-Atlas-Client-Id", "partner"), ("X-ATLAS-CLIENT-SECRET", "partner-secret")]
        case 2: headers += [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "sandbox-secreT")]
        default: headers += [("x-atlas-client-id", strings[0]), ("x-atlas-client-secret", strings[1])]
        }
        if flags & 0b1000 != 0 {
            headers += [("Accept", "application/json"), ("Content-Type", "application/json"), ("Accept-Encoding", "gzip")]
        }
        if fuzzedHeaders {
            headers += [("Content-Type", strings[2]), (strings[0], strings[1])]
        }
    }
}
