/// One void request on an order: its case number and every status it went through.
public struct VoidCase: Sendable, Hashable {
    /// Case number returned by `void.do`, `YYYYMM-NNNN`.
    public var voidCode: String
    /// The latest status.
    public var status: VoidStatus
    /// The latest message.
    public var message: String
    /// Every status in order, the first being `atlasProcessing`.
    public var history: [VoidStatus]

    /// A case just accepted by Atlas (status 0).
    public init(voidCode: String, message: String) {
        self.voidCode = voidCode
        self.status = .atlasProcessing
        self.message = message
        self.history = [.atlasProcessing]
    }

    /// Moves the case to `next`, or returns why that breaks the lifecycle.
    public mutating func advance(to next: VoidStatus, message: String) -> String? {
        guard status.successors.contains(next) else {
            let allowed =
                status.successors.isEmpty
                ? "none (the case is final; fire voidStatus 0 to open a new case)"
                : status.successors.map { String($0.rawValue) }.joined(separator: ", ")
            return
                "void \(voidCode) cannot move from \(status.rawValue) (\(status.label)) to \(next.rawValue) "
                + "(\(next.label)); allowed next: \(allowed)"
        }
        status = next
        self.message = message
        history.append(next)
        return nil
    }
}
