/// The rows matching some filters: a short ascending list of ranks (from posting lists) or a bitmap
/// over a rank range (from the bitmap scan).
enum MatchSet: Sendable {
    case ranks([Int])
    case words(firstWord: Int, words: [UInt64], total: Int)

    var total: Int {
        switch self {
        case .ranks(let ranks): ranks.count
        case .words(_, _, let total): total
        }
    }

    /// Ranks of one page, newest (highest rank) first; an offset past the end gives an empty page.
    func page(offset: Int, limit: Int) -> [Int] {
        switch self {
        case .ranks(let ranks):
            guard offset < ranks.count else { return [] }
            return Array(ranks.reversed().dropFirst(offset).prefix(limit))
        case .words(let firstWord, let words, let total):
            var skip = offset
            var positions: [Int] = []
            guard skip < total else { return positions }
            positions.reserveCapacity(min(limit, total - skip))
            // Walk from the newest row down, skipping whole words while the offset allows.
            for index in words.indices.reversed() where positions.count < limit {
                var bits = words[index]
                let count = bits.nonzeroBitCount
                if skip >= count {
                    skip -= count
                    continue
                }
                while bits != 0 && positions.count < limit {
                    let bit = 63 - bits.leadingZeroBitCount
                    bits &= ~(1 << UInt64(bit))
                    if skip > 0 { skip -= 1 } else { positions.append((firstWord + index) << 6 | bit) }
                }
            }
            return positions
        }
    }
}
