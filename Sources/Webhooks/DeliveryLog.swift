import Synchronization

/// Every delivery attempt, newest last, bounded: past capacity the oldest are evicted and counted.
///
/// A ring buffer under one lock: appending is O(1) however full the log is, so the hot path never
/// pays for the log's size.
public final class DeliveryLog: Sendable {
    private struct Ring {
        var slots: [DeliveryRecord?]
        var start = 0
        var count = 0
        var evicted = 0

        mutating func append(_ record: DeliveryRecord) {
            if count == slots.count {
                slots[start] = record
                start = (start + 1) % slots.count
                evicted += 1
            } else {
                slots[(start + count) % slots.count] = record
                count += 1
            }
        }

        var ordered: [DeliveryRecord] {
            (0..<count).map { slots[(start + $0) % slots.count]! }
        }
    }

    private let ring: Mutex<Ring>
    /// How many attempts the log keeps.
    public let capacity: Int

    /// An empty log keeping at most `capacity` attempts.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        ring = Mutex(Ring(slots: Array(repeating: nil, count: max(1, capacity))))
    }

    /// Adds one attempt.
    public func append(_ record: DeliveryRecord) {
        ring.withLock { $0.append(record) }
    }

    /// The attempts matching `filter`, by sequence, and how many attempts were evicted in all.
    public func records(matching filter: DeliveryFilter = DeliveryFilter()) -> (
        records: [DeliveryRecord], evicted: Int
    ) {
        let (all, evicted) = ring.withLock { ($0.ordered, $0.evicted) }
        // Attempts are appended when they end, so a slow one lands after faster later ones.
        let matching = all.filter(filter.matches).sorted { $0.sequence < $1.sequence }
        return (matching, evicted)
    }

    /// Attempts held now.
    public var count: Int { ring.withLock { $0.count } }

    /// Attempts evicted since the last reset.
    public var evicted: Int { ring.withLock { $0.evicted } }

    /// Empties the log and zeroes the eviction count.
    public func reset() {
        ring.withLock { $0 = Ring(slots: Array(repeating: nil, count: capacity)) }
    }
}
