/// A growable set of row ranks, one bit per rank, for the low-cardinality filters
/// (`eventType`, `airline`, `eventStatus`): combining filters is a few word ANDs per 64 rows.
struct RankBitmap: Sendable {
    private(set) var words: [UInt64] = []

    mutating func insert(_ rank: Int) {
        let word = rank >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(rank & 63)
    }

    func contains(_ rank: Int) -> Bool {
        let word = rank >> 6
        return word < words.count && words[word] & (1 << UInt64(rank & 63)) != 0
    }

    /// Word `index`, or 0 past the end (bits never set are absent).
    @inline(__always) func word(_ index: Int) -> UInt64 {
        index < words.count ? words[index] : 0
    }
}
