import AtlasJSON

/// How a store keeps a record: its 20 JSON values without the keys, behind a header of 16-bit value
/// end offsets.
///
/// The keys are the same in every record (a third of its bytes), so they are spliced back in when a
/// page is written; the header lets a page copy each value with one `memcpy` and lets the store read
/// `eventId`, `orderNo` and `pnr` without keeping them as separate strings.
enum IncidentRecordLayout {
    /// Record keys in UTF-8 byte order, the order `Incident.writeRecord` writes them.
    static let keys = [
        "airline", "clientCode", "confirmTime", "confirmUsr", "confirmedRemark", "confirmedResult",
        "createTime",
        "depTime", "eventId", "eventStatus", "eventTime", "eventType", "extraInfo", "notified", "orderNo",
        "paxEmail", "paxName", "pnr", "subOrderNo", "updateIme",
    ]

    /// Positions of the fields the store reads back.
    enum Field {
        static let eventId = 8
        static let orderNo = 14
        static let pnr = 17
    }

    static let headerSize = keys.count * 2
    /// `{"airline":`, then `,"clientCode":` and so on: what precedes each value in the printed record.
    static let keyPrefixes: [[UInt8]] = keys.enumerated().map { position, key in
        Array(((position == 0 ? "{" : ",") + "\"" + key + "\":").utf8)
    }
    /// All key bytes of a printed record, with its braces.
    static let keyByteCount = keyPrefixes.reduce(1) { $0 + $1.count }

    /// The stored form of `incident`, or nil when its values exceed 65,535 bytes once encoded.
    static func encode(_ incident: Incident, timeFormat: IncidentTimeFormat) -> [UInt8]? {
        var writer = JSONWriter(capacity: 640)
        let ends = incident.writeRecord(into: &writer, timeFormat: timeFormat)
        let json = writer.bytes
        var header: [UInt8] = []
        header.reserveCapacity(headerSize)
        var values: [UInt8] = []
        values.reserveCapacity(json.count)
        var previousEnd = 0
        for (position, end) in ends.enumerated() {
            let start = (position == 0 ? 0 : previousEnd) + keyPrefixes[position].count
            values += json[start..<end]
            guard values.count <= Int(UInt16.max) else { return nil }
            header.append(UInt8(truncatingIfNeeded: values.count))
            header.append(UInt8(truncatingIfNeeded: values.count >> 8))
            previousEnd = end
        }
        return header + values
    }

    /// End of field `field`'s value, relative to the start of the values.
    @inline(__always)
    static func valueEnd(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int, _ field: Int) -> Int {
        Int(blobs[start + 2 * field]) | Int(blobs[start + 2 * field + 1]) << 8
    }

    /// Absolute byte range of a field's JSON value.
    static func valueRange(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int, _ field: Int) -> Range<Int> {
        let base = start + headerSize
        let lower = field == 0 ? 0 : valueEnd(blobs, start, field - 1)
        return (base + lower)..<(base + valueEnd(blobs, start, field))
    }

    /// Bytes the stored record occupies.
    static func storedLength(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        headerSize + valueEnd(blobs, start, keys.count - 1)
    }

    /// Bytes of the printed record.
    static func printedLength(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        keyByteCount + valueEnd(blobs, start, keys.count - 1)
    }

    /// Every key prefix back to back, and where each starts, so printing needs no per-key array access.
    private static let keyPrefixBytes: [UInt8] = keyPrefixes.flatMap { $0 }
    private static let keyPrefixStarts: [Int] = keyPrefixes.reduce(into: [0]) {
        $0.append($0[$0.count - 1] + $1.count)
    }

    /// Writes the printed record (keys spliced back) at `output`, which must have room for
    /// `printedLength`; returns the bytes written.
    static func print(
        _ blobs: UnsafeBufferPointer<UInt8>, _ start: Int, to output: UnsafeMutablePointer<UInt8>
    )
        -> Int
    {
        keyPrefixBytes.withUnsafeBufferPointer { prefixes in
            guard let prefixBase = prefixes.baseAddress, let blobBase = blobs.baseAddress else { return 0 }
            var written = 0
            var valueStart = 0
            let values = blobBase + start + headerSize
            for field in 0..<keys.count {
                let prefixStart = keyPrefixStarts[field]
                let prefixCount = keyPrefixStarts[field + 1] - prefixStart
                (output + written).update(from: prefixBase + prefixStart, count: prefixCount)
                written += prefixCount
                let valueEnd = valueEnd(blobs, start, field)
                (output + written).update(from: values + valueStart, count: valueEnd - valueStart)
                written += valueEnd - valueStart
                valueStart = valueEnd
            }
            output[written] = UInt8(ascii: "}")
            return written + 1
        }
    }

    /// The printed record as an array (admin paths and tests).
    static func printed(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: printedLength(blobs, start)) { buffer, count in
            count = buffer.baseAddress.map { print(blobs, start, to: $0) } ?? 0
        }
    }

    /// 64-bit FNV-1a of a byte range: the key of the hashed posting lists (stable, cheap for short ids).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The JSON encoding of a string, as it is stored (so stored values compare byte for byte).
    static func encoded(_ text: String) -> [UInt8] {
        var writer = JSONWriter(capacity: text.utf8.count + 8)
        writer.string(text)
        return writer.bytes
    }
}
