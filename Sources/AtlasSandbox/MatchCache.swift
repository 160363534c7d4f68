/// The match sets of the last few filter combinations, valid while the store's version is unchanged.
struct MatchCache: Sendable {
    static let capacity = 8
    private var entries: [(filters: IncidentQuery, version: Int, matches: MatchSet)] = []

    mutating func lookup(_ filters: IncidentQuery, version: Int) -> MatchSet? {
        guard let slot = entries.firstIndex(where: { $0.version == version && $0.filters == filters }) else {
            return nil
        }
        let entry = entries.remove(at: slot)
        entries.append(entry)
        return entry.matches
    }

    mutating func store(_ matches: MatchSet, for filters: IncidentQuery, version: Int) {
        entries.removeAll { $0.version != version }
        if entries.count >= Self.capacity { entries.removeFirst() }
        entries.append((filters, version, matches))
    }
}
