import AtlasJSON
public import AtlasSandbox

/// Decides what a fired event says and changes the order to match, in one step under the order lock.
///
/// A schedule change moves the order's itinerary (the next change starts from it), a cancellation
/// marks the order cancelled, a void moves the order's void case along its lifecycle. A request that
/// does not fit the order's state is refused and changes nothing.
public struct EventComposer: Sendable {
    let orders: OrderBook
    let clients: any WebhookRecipients
    let clock: AtlasClock
    let identifiers: IdentifierGenerator

    /// A composer over the given state.
    public init(
        orders: OrderBook, clients: any WebhookRecipients, clock: AtlasClock, identifiers: IdentifierGenerator
    ) {
        self.orders = orders
        self.clients = clients
        self.clock = clock
        self.identifiers = identifiers
    }

    /// Builds the event for `request`, changing the order it concerns.
    public func compose(_ request: EventRequest) throws(EventRequestError) -> ComposedEvent {
        guard let cid = clients.cid(clientId: request.clientId) else {
            throw EventRequestError(
                .unknownClient, at: .root.appending("clientId"), "unknown client \"\(request.clientId)\"")
        }
        let now = clock.now()
        let eventId = identifiers.eventId(at: now)
        if case .airlineStatus(let airlines, let status) = request.details {
            let payload = WebhookPayload.airlineStatus(airlines: airlines, status: status)
            return ComposedEvent(
                eventId: eventId, clientId: request.clientId, payload: payload, incident: nil, firedAt: now)
        }
        let context = Context(cid: cid, eventId: eventId, now: now, identifiers: identifiers)
        return try orders.update(clientId: request.clientId) {
            (book: inout [Order]) throws(EventRequestError) in
            let index = try orderIndex(for: request, in: book)
            let before = book[index]
            let (payload, incidentExtra) = try Self.apply(request.details, to: &book[index], context)
            var incident: WebhookIncident?
            if request.type.isIncident {
                incident = WebhookIncident(
                    eventId: eventId, orderNo: before.orderNo, subOrderNo: before.orderNo + "_1",
                    eventType: request.type.rawValue, eventTime: now, airline: before.airline,
                    depTime: before.segments[0].depTime, pnr: before.pnr, paxName: before.paxNames,
                    paxEmail: before.paxEmails, extraInfo: incidentExtra, clientCode: cid, notified: 0)
            }
            return ComposedEvent(
                eventId: eventId, clientId: request.clientId, payload: payload, incident: incident,
                firedAt: now)
        }
    }

    /// What one composition draws on: the client's cid, the event id, the fire time and the id stream.
    struct Context {
        let cid: String
        let eventId: String
        let now: AtlasInstant
        let identifiers: IdentifierGenerator
    }

    /// The index of the order the request names, or of the client's first order it applies to.
    private func orderIndex(for request: EventRequest, in book: [Order]) throws(EventRequestError) -> Int {
        let path = JSONPath.root.appending("orderNo")
        if let orderNo = request.orderNo {
            guard let index = book.firstIndex(where: { $0.orderNo == orderNo }) else {
                throw EventRequestError(
                    .unknownOrder, at: path, "client \(request.clientId) has no order \(orderNo)")
            }
            if let problem = Self.problem(applying: request.details, to: book[index]) {
                throw EventRequestError(.conflict, at: problem.path, problem.reason)
            }
            return index
        }
        guard let index = book.firstIndex(where: { Self.problem(applying: request.details, to: $0) == nil })
        else {
            let reason =
                book.isEmpty
                ? "client \(request.clientId) has no orders"
                : "client \(request.clientId) has no order that \(request.type.rawValue) applies to "
                    + "(\(Self.problem(applying: request.details, to: book[0])!.reason) for the first); "
                    + "name one with orderNo or POST /__admin/reset to restore the fixtures"
            throw EventRequestError(.conflict, at: path, reason)
        }
        return index
    }

    /// Why the event cannot apply to `order` (with the path to blame), or nil when it can.
    static func problem(applying details: EventRequest.Details, to order: Order) -> JSONShapeError? {
        let orderPath = JSONPath.root.appending("orderNo")
        let fields = JSONPath.root.appending("fields")
        let notTicketed = JSONShapeError(
            path: orderPath, reason: "order \(order.orderNo) is \(order.status.rawValue), not ticketed")
        switch details {
        case .orderTicketed, .emailScheduleChange, .abnormalCancelled, .orderCancelled:
            return order.status == .ticketed ? nil : notTicketed
        case .emailAll, .airlineStatus:
            return nil
        case .orderScheduleChange(let change):
            guard order.status == .ticketed else { return notTicketed }
            switch change {
            case .time(let index, _, _), .flightNumber(let index, _):
                guard index < order.segments.count else {
                    return JSONShapeError(
                        path: fields.appending("segmentIndex"),
                        reason:
                            "order \(order.orderNo) has \(order.segments.count) segment(s); expected 0…\(order.segments.count - 1), got \(index)"
                    )
                }
                return nil
            case .cancellation:
                return nil
            }
        case .orderVoid(let status, _, let voidCode):
            return voidProblem(status: status, voidCode: voidCode, order: order, fields: fields)
        }
    }

    private static func voidProblem(status: VoidStatus, voidCode: String?, order: Order, fields: JSONPath)
        -> JSONShapeError?
    {
        let statusPath = fields.appending("voidStatus")
        if status == .atlasProcessing {
            guard order.status == .ticketed else {
                return JSONShapeError(
                    path: JSONPath.root.appending("orderNo"),
                    reason:
                        "order \(order.orderNo) is \(order.status.rawValue); only a ticketed order can be voided"
                )
            }
            if let open = order.voidCase, !open.status.isFinal {
                return JSONShapeError(
                    path: statusPath,
                    reason:
                        "void \(open.voidCode) of order \(order.orderNo) is still open at \(open.status.rawValue) (\(open.status.label)); allowed next: \(open.status.successors.map { String($0.rawValue) }.joined(separator: ", "))"
                )
            }
            return nil
        }
        guard var current = order.voidCase else {
            return JSONShapeError(
                path: statusPath, reason: "order \(order.orderNo) has no void case; fire voidStatus 0 first")
        }
        if let voidCode, voidCode != current.voidCode {
            return JSONShapeError(
                path: fields.appending("voidCode"),
                reason: "order \(order.orderNo)'s open void case is \(current.voidCode), not \(voidCode)")
        }
        if let reason = current.advance(to: status, message: "") {
            return JSONShapeError(path: statusPath, reason: reason)
        }
        return nil
    }
}
