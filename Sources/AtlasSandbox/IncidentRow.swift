/// The compact stored form of one incident, besides its record bytes.
///
/// A store keeps, per incident, this row (times and codes), a ``RowFilterFields`` (the columns scanned
/// by residual filters, kept apart so a scan touches 32 bytes per row), and the record's values in
/// ``IncidentRecordLayout``; the full ``Incident`` is rebuilt from those on demand. Strings live only
/// in the record, which keeps 100,000 incidents well under 100 MiB.
struct IncidentRow: Sendable {
    /// Milliseconds since the epoch; `absent` for a null optional time.
    var eventTime: Int64
    var createTime: Int64
    var updateTime: Int64
    var confirmTime: Int64
    var eventStatus: Int
    /// Interned codes into the store's value tables.
    var eventTypeCode: Int32
    var airlineCode: Int32
    /// Where the stored record starts in the record arena.
    var recordStart: Int

    static let absent = Int64.min
}

/// The per-row values the residual filters test, in a dense array parallel to the rows.
struct RowFilterFields: Sendable {
    /// Naive airport-local seconds.
    var depTime: Int64
    /// `updateTime`, or `createTime` when never updated: what `updateTimeStart` compares against.
    var updateOrCreateTime: Int64
    /// Bigram signatures of the lower-cased passenger names and email.
    var nameSignature: BigramSignature
    var emailSignature: BigramSignature
    /// Lower-cased `paxName` then `paxEmail` in the passenger-text arena (here, not in the row, so a
    /// substring scan reads one dense array).
    var paxStart: Int
    var paxNameCount: Int32
    var paxEmailCount: Int32
}

/// A 128-bit set of the byte pairs in a text: a row whose signature lacks one of the needle's pairs
/// cannot contain the needle, so most rows skip the substring search.
struct BigramSignature: Sendable, Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ bytes: some Collection<UInt8>) {
        var previous: UInt8?
        for byte in bytes {
            if let previous {
                let bit = ((UInt64(previous) << 8 | UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15) >> 57
                if bit < 64 { low |= 1 << bit } else { high |= 1 << (bit - 64) }
            }
            previous = byte
        }
    }

    /// Whether every pair of `needle` is in this signature (a necessary condition for containment).
    @inline(__always)
    func covers(_ needle: BigramSignature) -> Bool {
        low & needle.low == needle.low && high & needle.high == needle.high
    }
}

extension Optional where Wrapped == AtlasInstant {
    var storedMilliseconds: Int64 { self?.millisecondsSinceEpoch ?? IncidentRow.absent }
}

extension Int64 {
    var storedInstant: AtlasInstant? {
        self == IncidentRow.absent ? nil : AtlasInstant(millisecondsSinceEpoch: self)
    }
}
