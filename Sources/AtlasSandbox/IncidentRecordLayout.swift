import AtlasJSON

/// How a store keeps a record: its 20 JSON values without the keys, behind a header of 16-bit value
/// end offsets.
///
/// The keys are the same in every record (a third of its bytes), so they are spliced back in when a
/// page is written; the header lets a page copy each value with one `memcpy` and lets the store read
/// `eventId`, `orderNo` and `pnr` without keeping them as separate strings.
///
/// A few values usually repeat another one: `eventTime` and `updateIme` are most often `createTime`,
/// and `subOrderNo` is `orderNo` plus a suffix. Those are stored as a reference (``Reference``), two
/// bytes plus any suffix instead of up to 26, which keeps 100,000 incidents well inside the memory
/// budget. No JSON value starts with the marker bytes, so a stored value is unambiguous.
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
        static let createTime = 6
        static let eventId = 8
        static let eventTime = 10
        static let orderNo = 14
        static let pnr = 17
        static let subOrderNo = 18
        static let updateTime = 19
    }

    /// How a stored value refers to another field's value instead of repeating it.
    enum Reference {
        /// `[same, field]`: the value is exactly field `field`'s value.
        static let same: UInt8 = 0x01
        /// `[extended, field, suffix...]`: field `field`'s string value with `suffix` appended
        /// inside the quotes (the suffix bytes include the closing quote).
        static let extended: UInt8 = 0x02
        /// Which fields may refer, and to which (always a field that is never itself a reference).
        static let targets: [(field: Int, target: Int)] = [
            (Field.eventTime, Field.createTime),
            (Field.updateTime, Field.createTime),
            (Field.subOrderNo, Field.orderNo),
        ]
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
        var valueRanges: [Range<Int>] = []
        for (position, end) in ends.enumerated() {
            let start = (position == 0 ? 0 : previousEnd) + keyPrefixes[position].count
            valueRanges.append(start..<end)
            let value = json[start..<end]
            if let target = Reference.targets.first(where: { $0.field == position })?.target {
                let referenced = json[valueRanges[target]]
                let stem = referenced.dropLast()
                if value.elementsEqual(referenced) {
                    values += [Reference.same, UInt8(target)]
                } else if referenced.first == UInt8(ascii: "\""), value.count > referenced.count,
                    value.starts(with: stem)
                {
                    values += [Reference.extended, UInt8(target)]
                    values += value.dropFirst(stem.count)
                } else {
                    values += value
                }
            } else {
                values += value
            }
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
        var length = keyByteCount + valueEnd(blobs, start, keys.count - 1)
        for (field, _) in Reference.targets {
            let stored = valueRange(blobs, start, field)
            length += resolvedRange(blobs, start, field).count - stored.count
            if blobs[stored.lowerBound] == Reference.extended { length += stored.count - 2 }
        }
        return length
    }

    /// The range of a field's value once references are followed; for an extended reference, the
    /// referenced value without its closing quote (the suffix follows in the stored bytes).
    static func resolvedRange(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int, _ field: Int) -> Range<Int> {
        let stored = valueRange(blobs, start, field)
        switch blobs[stored.lowerBound] {
        case Reference.same:
            return valueRange(blobs, start, Int(blobs[stored.lowerBound + 1]))
        case Reference.extended:
            let target = valueRange(blobs, start, Int(blobs[stored.lowerBound + 1]))
            return target.lowerBound..<(target.upperBound - 1)
        default:
            return stored
        }
    }

    /// A field's JSON value bytes with references followed.
    static func value(_ blobs: UnsafeBufferPointer<UInt8>, _ start: Int, _ field: Int) -> [UInt8] {
        let stored = valueRange(blobs, start, field)
        var bytes = Array(blobs[resolvedRange(blobs, start, field)])
        if blobs[stored.lowerBound] == Reference.extended {
            bytes += blobs[(stored.lowerBound + 2)..<stored.upperBound]
        }
        return bytes
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
                let first = values[valueStart]
                if first == Reference.same || first == Reference.extended {
                    let target = resolvedRange(blobs, start, field)
                    (output + written).update(from: blobBase + target.lowerBound, count: target.count)
                    written += target.count
                    if first == Reference.extended {
                        let suffix = valueEnd - valueStart - 2
                        (output + written).update(from: values + valueStart + 2, count: suffix)
                        written += suffix
                    }
                } else {
                    (output + written).update(from: values + valueStart, count: valueEnd - valueStart)
                    written += valueEnd - valueStart
                }
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
