/// Interns a column's distinct strings (airline codes, incident types) as small integer codes, so a row
/// stores 4 bytes instead of a string and each value owns one bitmap.
struct ValueTable: Sendable {
    private(set) var values: [String] = []
    private var codes: [String: Int32] = [:]

    mutating func code(for value: String) -> Int32 {
        if let code = codes[value] { return code }
        let code = Int32(truncatingIfNeeded: values.count)
        values.append(value)
        codes[value] = code
        return code
    }

    func existingCode(for value: String) -> Int32? { codes[value] }

    func value(for code: Int32) -> String? {
        values.indices.contains(Int(code)) ? values[Int(code)] : nil
    }
}

/// Row numbers by the 64-bit hash of a value (`eventId`, `orderNo`, `pnr`), about 12 bytes per row.
///
/// Most values have one row, stored inline; repeated values spill into a shared list. Hashes can
/// collide, so callers check each candidate's actual value.
struct HashedPostings: Sendable {
    private var heads: [UInt64: UInt32] = [:]
    private var lists: [[Int32]] = []
    private static let listFlag: UInt32 = 1 << 31

    /// Adds `row` under `hash`; rows added in increasing order stay ascending.
    mutating func add(_ row: Int32, for hash: UInt64) {
        guard let slot = heads.index(forKey: hash) else {
            heads[hash] = UInt32(bitPattern: row)
            return
        }
        let head = heads.values[slot]
        if head & Self.listFlag != 0 {
            lists[Int(head & ~Self.listFlag)].append(row)
        } else {
            lists.append([Int32(bitPattern: head), row])
            heads.values[slot] = Self.listFlag | UInt32(truncatingIfNeeded: lists.count - 1)
        }
    }

    /// The rows stored under `hash`, in the order they were added.
    func rows(for hash: UInt64) -> [Int32] {
        guard let head = heads[hash] else { return [] }
        return head & Self.listFlag != 0 ? lists[Int(head & ~Self.listFlag)] : [Int32(bitPattern: head)]
    }

    mutating func removeAll() {
        heads.removeAll(keepingCapacity: true)
        lists.removeAll()
    }

    var approximateByteCount: Int {
        heads.capacity * 13 + lists.reduce(0) { $0 + 32 + $1.capacity * 4 }
    }
}

/// The query indexes of one client's sorted rows, all keyed by rank (position in sort order).
///
/// High-cardinality exact filters (`orderNo`, `pnr`; `eventId` uses the store's position map) have
/// posting lists; low-cardinality ones (`eventType`, `airline`, `eventStatus`) have bitmaps, so `total`
/// for any combination is an AND and a popcount per 64 rows instead of a scan of the rows.
struct IncidentIndex: Sendable {
    var eventTypes = ValueTable()
    var airlines = ValueTable()
    private(set) var byOrderNo = HashedPostings()
    private(set) var byPnr = HashedPostings()
    private(set) var byEventType: [RankBitmap] = []
    private(set) var byAirline: [RankBitmap] = []
    private(set) var byEventStatus: [Int: RankBitmap] = [:]

    /// Indexes `row` at `rank`; ranks must be added in increasing order.
    mutating func add(_ row: IncidentRow, rank: Int, orderNoHash: UInt64, pnrHash: UInt64) {
        let rank32 = Int32(truncatingIfNeeded: rank)
        byOrderNo.add(rank32, for: orderNoHash)
        byPnr.add(rank32, for: pnrHash)
        Self.insert(rank, into: &byEventType, code: row.eventTypeCode)
        Self.insert(rank, into: &byAirline, code: row.airlineCode)
        byEventStatus[row.eventStatus, default: RankBitmap()].insert(rank)
    }

    private static func insert(_ rank: Int, into bitmaps: inout [RankBitmap], code: Int32) {
        let slot = Int(code)
        if slot >= bitmaps.count {
            bitmaps.append(contentsOf: repeatElement(RankBitmap(), count: slot - bitmaps.count + 1))
        }
        bitmaps[slot].insert(rank)
    }

    /// Forgets every rank but keeps the interned values (codes stored in rows stay valid).
    mutating func removeAllRanks() {
        byOrderNo.removeAll()
        byPnr.removeAll()
        byEventType = []
        byAirline = []
        byEventStatus = [:]
    }

    func eventTypeBitmap(_ code: Int32) -> RankBitmap? {
        byEventType.indices.contains(Int(code)) ? byEventType[Int(code)] : nil
    }

    func airlineBitmap(_ code: Int32) -> RankBitmap? {
        byAirline.indices.contains(Int(code)) ? byAirline[Int(code)] : nil
    }

    var approximateByteCount: Int {
        let postings = byOrderNo.approximateByteCount + byPnr.approximateByteCount
        let bitmaps = (byEventType + byAirline + Array(byEventStatus.values)).reduce(0) {
            $0 + $1.words.count * 8
        }
        return postings + bitmaps
    }
}
