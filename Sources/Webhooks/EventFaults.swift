/// Delivery faults injected into one event, to see how a receiver copes (EVENT REQUEST `faults`).
public struct EventFaults: Sendable, Hashable {
    /// Hold events with the same batch name until `size` of them are collected, then release them
    /// one after another in reverse order of firing.
    public struct Reorder: Sendable, Hashable {
        /// The batch name; events of any client may share it.
        public var batch: String
        /// How many events the batch collects before it is released, 2…100.
        public var size: Int

        /// A batch `batch` released after `size` events.
        public init(batch: String, size: Int) {
            self.batch = batch
            self.size = size
        }
    }

    /// Record the event and its incident (notified 0) but send nothing.
    public var drop: Bool
    /// Send the same body (same `notificationId`) this many times, 1…100.
    public var duplicate: Int
    /// Wait this long, in real milliseconds, before sending: it tests the receiver, not the mock clock.
    public var delayMilliseconds: Int
    /// Hold and release in reverse order with other events of a batch.
    public var reorder: Reorder?

    /// No faults: one copy, sent at once.
    public static let none = EventFaults()

    /// Faults as given; the defaults are no faults.
    public init(drop: Bool = false, duplicate: Int = 1, delayMilliseconds: Int = 0, reorder: Reorder? = nil) {
        self.drop = drop
        self.duplicate = duplicate
        self.delayMilliseconds = delayMilliseconds
        self.reorder = reorder
    }
}
