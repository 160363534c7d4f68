import Synchronization

/// Events held by the `reorder` fault, per batch name, until the batch is full.
///
/// When the `size`-th event arrives the whole batch is released in reverse order of firing, which
/// reliably tests a receiver's handling of out-of-order events (a seeded shuffle could, by chance,
/// keep the order).
final class ReorderBatches<Item: Sendable>: Sendable {
    private let batches = Mutex<[String: [Item]]>([:])

    /// Holds `item`; returns the batch (last fired first) when this item fills it, else nil.
    func hold(_ item: Item, batch: String, size: Int) -> [Item]? {
        batches.withLock { batches in
            var items = batches[batch, default: []]
            items.append(item)
            guard items.count >= size else {
                batches[batch] = items
                return nil
            }
            batches[batch] = nil
            return items.reversed()
        }
    }

    /// Events held now, over all batches.
    var heldCount: Int {
        batches.withLock { $0.values.reduce(0) { $0 + $1.count } }
    }

    /// Forgets every held event; they are never sent.
    func reset() -> [Item] {
        batches.withLock { batches in
            let all = batches.values.flatMap { $0 }
            batches = [:]
            return all
        }
    }
}
