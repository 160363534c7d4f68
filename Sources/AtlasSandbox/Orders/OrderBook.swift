public import AtlasJSON
import Synchronization

/// Every client's orders, shared by the admin API and the webhook firing path.
///
/// One lock guards all orders, so reading an order, deciding what a webhook says and changing the
/// order is one atomic step: two schedule changes fired at once still chain.
public final class OrderBook: Sendable {
    private let fixtures: [String: [Order]]
    private let state: Mutex<[String: [Order]]>

    /// A book holding `fixtures` (orders per client id); `reset()` returns to them.
    public init(fixtures: [String: [Order]]) {
        self.fixtures = fixtures
        state = Mutex(fixtures)
    }

    /// Forgets every change and restores the fixture orders.
    public func reset() {
        state.withLock { $0 = fixtures }
    }

    /// The client ids that have orders, sorted.
    public var clientIds: [String] {
        state.withLock { $0.keys.sorted() }
    }

    /// A client's orders in fixture order (empty for an unknown client).
    public func orders(clientId: String) -> [Order] {
        state.withLock { $0[clientId] ?? [] }
    }

    /// One order of a client, or nil.
    public func order(clientId: String, orderNo: String) -> Order? {
        state.withLock { $0[clientId]?.first { $0.orderNo == orderNo } }
    }

    /// Runs `body` on the client's order list under the lock; what it changes is kept only when it
    /// returns normally, so a request refused half-way leaves every order as it was.
    public func update<Result: Sendable, Failure: Error>(
        clientId: String, _ body: (inout [Order]) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try state.withLock { (books: inout [String: [Order]]) throws(Failure) -> Result in
            var orders = books[clientId] ?? []
            let result = try body(&orders)
            books[clientId] = orders
            return result
        }
    }

    /// Replaces one order (matched by `orderNo`); false when the client has no such order.
    @discardableResult
    public func replace(_ order: Order, clientId: String) -> Bool {
        state.withLock { books in
            guard let index = books[clientId]?.firstIndex(where: { $0.orderNo == order.orderNo }) else {
                return false
            }
            books[clientId]![index] = order
            return true
        }
    }

    /// The order list of `GET /__admin/orders` (the value of its `"orders"` member): one client's
    /// orders, or every client's (sorted by client id) when `clientId` is nil; each order is tagged
    /// with its `clientId`.
    public func json(clientId: String? = nil) -> JSONValue {
        state.withLock { books in
            let ids = clientId.map { [$0] } ?? books.keys.sorted()
            var list: [JSONValue] = []
            for id in ids {
                for order in books[id] ?? [] {
                    guard case .object(var members) = order.json() else { continue }
                    members["clientId"] = .string(id)
                    list.append(.object(members))
                }
            }
            return .array(list)
        }
    }
}
