/// Why a request (or response) could not be parsed: the status to answer and a readable message.
struct HTTPParseError: Error, Equatable {
    /// 400, 413, 417, 431, 501 or 505.
    var status: Int
    /// What was wrong, for the JSON error body and the event log.
    var message: String

    init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The `error` code in the JSON body for this status.
    var code: String {
        switch status {
        case 408: return "request_timeout"
        case 413: return "content_too_large"
        case 417: return "expectation_failed"
        case 431: return "request_header_fields_too_large"
        case 501: return "not_implemented"
        case 505: return "http_version_not_supported"
        case 503: return "too_many_connections"
        default: return "bad_request"
        }
    }
}

/// Byte classes from RFC 9110 §5.6.2 and §5.5.
enum HTTPSyntax {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// tchar lookup: `!#$%&'*+-.^_`|~`, digits and letters.
    private static let tcharTable: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in "!#$%&'*+-.^_`|~".utf8 { table[Int(byte)] = true }
        return table
    }()

    @inline(__always)
    static func isTchar(_ byte: UInt8) -> Bool { tcharTable[Int(byte)] }

    /// field-value bytes: HTAB, visible ASCII, SP and obs-text; every other CTL (NUL, CR, LF, DEL) is out.
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    /// request-target bytes: visible ASCII only (no SP, no CTL, no obs-text).
    @inline(__always)
    static func isTargetByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
