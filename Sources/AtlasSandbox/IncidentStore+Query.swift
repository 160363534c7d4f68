extension IncidentStore {
    /// Runs `query`: the count of every match and the row positions of the requested page, newest first.
    ///
    /// Plan: the `eventTime` window is a rank range (rows are sorted by time, so two binary searches);
    /// exact keys with posting lists (`eventId`, `orderNo`, `pnr`) pick the smallest list and check the
    /// rest per candidate; otherwise the bitmaps of `eventType`, `airline` and `eventStatus` are ANDed
    /// over the range, 64 rows per word, and only the surviving rows meet the residual filters
    /// (departure window, update time, passenger substrings behind a bigram pre-check).
    ///
    /// The match set of the last few filter combinations is cached until the store changes, so paging
    /// through one result (the reconciliation loop) costs the count once.
    mutating func select(_ query: IncidentQuery) -> (total: Int, positions: [Int]) {
        prepareForQuery()
        var filters = query
        filters.pageIndex = 0
        filters.pageSize = 0
        let matches: MatchSet
        if let cached = matchCache.lookup(filters, version: version) {
            matches = cached
        } else {
            matches = matchSet(query)
            matchCache.store(matches, for: filters, version: version)
        }
        return (matches.total, matches.page(offset: query.offset, limit: query.pageSize))
    }

    /// Every row matching the filters of `query` (its page is ignored).
    private func matchSet(_ query: IncidentQuery) -> MatchSet {
        let none = MatchSet.ranks([])
        var lower = 0
        var upper = rows.count
        if let start = query.eventTimeStart {
            lower = firstRank(eventTimeAtLeast: start.millisecondsSinceEpoch)
        }
        if let end = query.eventTimeEnd {
            // Inclusive to the printed second: anything before the next whole second matches.
            let (bound, overflow) = end.millisecondsSinceEpoch.addingReportingOverflow(1000)
            if !overflow { upper = firstRank(eventTimeAtLeast: bound) }
        }
        guard lower < upper else { return none }

        // Each group is an OR of bitmaps; groups are ANDed. A value never stored matches nothing.
        var groups: [[RankBitmap]] = []
        if let type = query.eventType.nonEmpty {
            guard let code = index.eventTypes.existingCode(for: type),
                let bitmap = index.eventTypeBitmap(code)
            else { return none }
            groups.append([bitmap])
        }
        if !query.airlines.isEmpty {
            let bitmaps = query.airlines.compactMap { index.airlines.existingCode(for: $0) }
                .compactMap { index.airlineBitmap($0) }
            guard !bitmaps.isEmpty else { return none }
            groups.append(bitmaps)
        }
        if !query.eventStatuses.isEmpty {
            let bitmaps = query.eventStatuses.compactMap { index.byEventStatus[$0] }
            guard !bitmaps.isEmpty else { return none }
            groups.append(bitmaps)
        }

        let residual = ResidualFilter(query)
        var candidates: [Int32]?
        for (needle, postings) in [
            (residual.eventId, eventIdPostings), (residual.orderNo, index.byOrderNo),
            (residual.pnr, index.byPnr),
        ] {
            guard let needle else { continue }
            let list = needle.withUnsafeBufferPointer {
                postings.rows(for: IncidentRecordLayout.hash($0, 0..<$0.count))
            }
            guard !list.isEmpty else { return none }
            if list.count < candidates?.count ?? Int.max { candidates = list }
        }

        return withView { view in
            if let candidates {
                return .ranks(
                    candidates.sorted().map(Int.init).filter { rank in
                        rank >= lower && rank < upper
                            && groups.allSatisfy({ group in group.contains { $0.contains(rank) } })
                            && residual.acceptsKeys(rank, view) && residual.accepts(rank, view)
                    })
            }
            return Self.scanBitmaps(
                lower: lower, upper: upper, groups: groups, residual: residual, view: view)
        }
    }

    /// Read-only buffers over the store, for tight loops.
    func withView<Result>(_ body: (StoreView) -> Result) -> Result {
        rows.withUnsafeBufferPointer { rows in
            filters.withUnsafeBufferPointer { filters in
                records.withUnsafeBufferPointer { records in
                    paxText.withUnsafeBufferPointer { pax in
                        body(StoreView(rows: rows, filters: filters, records: records, pax: pax))
                    }
                }
            }
        }
    }

    private static func scanBitmaps(
        lower: Int, upper: Int, groups: [[RankBitmap]], residual: ResidualFilter, view: StoreView
    ) -> MatchSet {
        let firstWord = lower >> 6
        let lastWord = (upper - 1) >> 6
        var mask = [UInt64](repeating: 0, count: lastWord - firstWord + 1)
        var total = 0
        let checksRows = !residual.isEmpty
        for word in firstWord...lastWord {
            var bits = UInt64.max
            if word == firstWord { bits &= UInt64.max << UInt64(lower & 63) }
            if word == lastWord {
                let used = upper - (lastWord << 6)
                if used < 64 { bits &= (1 << UInt64(used)) &- 1 }
            }
            for group in groups where bits != 0 {
                var any: UInt64 = 0
                for bitmap in group { any |= bitmap.word(word) }
                bits &= any
            }
            if checksRows {
                var remaining = bits
                while remaining != 0 {
                    let bit = remaining.trailingZeroBitCount
                    remaining &= remaining &- 1
                    if !residual.accepts(word << 6 | bit, view) { bits &= ~(1 << UInt64(bit)) }
                }
            }
            mask[word - firstWord] = bits
            total += bits.nonzeroBitCount
        }
        return .words(firstWord: firstWord, words: mask, total: total)
    }

    /// The first rank whose `eventTime` is at or after `milliseconds` (binary search; rows are sorted).
    func firstRank(eventTimeAtLeast milliseconds: Int64) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = low + (high - low) / 2
            if rows[middle].eventTime < milliseconds { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Unsafe read-only buffers over one store, valid inside ``IncidentStore/withView(_:)``.
struct StoreView {
    let rows: UnsafeBufferPointer<IncidentRow>
    let filters: UnsafeBufferPointer<RowFilterFields>
    let records: UnsafeBufferPointer<UInt8>
    let pax: UnsafeBufferPointer<UInt8>
}
