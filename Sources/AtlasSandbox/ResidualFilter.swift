/// The filters checked row by row: exact keys (on a handful of candidates), departure window, update
/// time, passenger substrings.
struct ResidualFilter {
    /// Exact-match needles, JSON-encoded as the record stores them.
    var eventId: [UInt8]?
    var orderNo: [UInt8]?
    var pnr: [UInt8]?
    var depStart = Int64.min
    var depEnd = Int64.max
    var updateStart = Int64.min
    var paxName: [UInt8]?
    var paxEmail: [UInt8]?
    var nameSignature = BigramSignature([])
    var emailSignature = BigramSignature([])
    /// Whether a passenger substring filter applies.
    var searchesText = false

    init(_ query: IncidentQuery) {
        eventId = query.eventId.nonEmpty.map(IncidentRecordLayout.encoded)
        orderNo = query.orderNo.nonEmpty.map(IncidentRecordLayout.encoded)
        pnr = query.pnr.nonEmpty.map(IncidentRecordLayout.encoded)
        depStart = query.depTimeStart?.secondsSinceEpochNaive ?? .min
        depEnd = query.depTimeEnd?.secondsSinceEpochNaive ?? .max
        updateStart = query.updateTimeStart?.millisecondsSinceEpoch ?? .min
        paxName = query.paxName.nonEmpty.map { Array($0.lowercased().utf8) }
        paxEmail = query.paxEmail.nonEmpty.map { Array($0.lowercased().utf8) }
        nameSignature = BigramSignature(paxName ?? [])
        emailSignature = BigramSignature(paxEmail ?? [])
        searchesText = paxName != nil || paxEmail != nil
    }

    /// True when only indexed filters apply (the bitmap scan can skip the per-row pass).
    var isEmpty: Bool {
        depStart == .min && depEnd == .max && updateStart == .min && paxName == nil && paxEmail == nil
    }

    /// Exact `eventId`/`orderNo`/`pnr` (the hashed postings only narrow down; hashes can collide).
    func acceptsKeys(_ rank: Int, _ view: StoreView) -> Bool {
        let start = view.rows[rank].recordStart
        for (needle, field) in [
            (eventId, IncidentRecordLayout.Field.eventId), (orderNo, IncidentRecordLayout.Field.orderNo),
            (pnr, IncidentRecordLayout.Field.pnr),
        ] {
            guard let needle else { continue }
            let equal = needle.withUnsafeBufferPointer {
                IncidentStore.field(field, of: start, in: view.records, equals: $0)
            }
            if !equal { return false }
        }
        return true
    }

    /// Whether the row passes the scanned filters. The cheap column and signature tests come first and
    /// touch no array references (no retain/release per row); the substring search runs only on rows
    /// whose signatures allow a match.
    @inline(__always)
    func accepts(_ rank: Int, _ view: StoreView) -> Bool {
        let filter = view.filters[rank]
        if filter.depTime < depStart || filter.depTime > depEnd { return false }
        if filter.updateOrCreateTime < updateStart { return false }
        guard searchesText else { return true }
        guard filter.nameSignature.covers(nameSignature), filter.emailSignature.covers(emailSignature) else {
            return false
        }
        return containsText(filter, view.pax)
    }

    private func containsText(_ row: RowFilterFields, _ pax: UnsafeBufferPointer<UInt8>) -> Bool {
        if let paxName {
            let start = row.paxStart
            guard Self.find(paxName, in: pax, from: start, to: start + Int(row.paxNameCount)) else {
                return false
            }
        }
        if let paxEmail {
            let start = row.paxStart + Int(row.paxNameCount)
            guard Self.find(paxEmail, in: pax, from: start, to: start + Int(row.paxEmailCount)) else {
                return false
            }
        }
        return true
    }

    /// Whether `needle` occurs in `haystack[from..<to]`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard !needle.isEmpty else { return true }
        guard to - from >= needle.count, from >= 0, to <= haystack.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0]
            let length = needle.count
            var position = from
            let last = to - length
            while position <= last {
                if haystack[position] == first {
                    var offset = 1
                    while offset < length && haystack[position + offset] == needle[offset] { offset += 1 }
                    if offset == length { return true }
                }
                position += 1
            }
            return false
        }
    }
}

extension Optional where Wrapped == String {
    /// The string unless it is nil or empty: both mean "no filter".
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
