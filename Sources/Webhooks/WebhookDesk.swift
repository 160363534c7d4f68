public import AtlasJSON
public import AtlasSandbox
import Synchronization

/// The webhook side of atlas-mock: fires events the way Atlas does and records everything on the wire.
///
/// `fire` validates an EVENT REQUEST, decides the event against the client's orders, files the
/// incident, and hands the webhook to the dispatcher; the admin API, the CLI `trigger` command and
/// scenarios all come through here.
public final class WebhookDesk: Sendable {
    private struct Tasks {
        var running: [Int: Task<Void, Never>] = [:]
        var nextId = 0
        var shuttingDown = false
    }

    /// The dispatcher settings in use.
    public let configuration: DispatcherConfiguration
    /// The orders events are fired against.
    public let orders: OrderBook
    private let recipients: any WebhookRecipients
    private let incidents: any IncidentRecorder
    private let composer: EventComposer
    private let dispatcher: WebhookDispatcher
    private let batches = ReorderBatches<DeliveryJob>()
    private let tasks = Mutex(Tasks())

    /// A desk over the given clients, incident store, orders, clock, ids and transport.
    public init(
        configuration: DispatcherConfiguration = DispatcherConfiguration(), recipients: any WebhookRecipients,
        incidents: any IncidentRecorder, orders: OrderBook, clock: AtlasClock,
        identifiers: IdentifierGenerator,
        transport: any WebhookTransport
    ) {
        self.configuration = configuration
        self.orders = orders
        self.recipients = recipients
        self.incidents = incidents
        composer = EventComposer(orders: orders, clients: recipients, clock: clock, identifiers: identifiers)
        dispatcher = WebhookDispatcher(
            configuration: configuration, transport: transport, recipients: recipients, incidents: incidents,
            clock: clock)
    }

    /// A desk whose clients, registrations and incident store are the sandbox's.
    public convenience init(
        configuration: DispatcherConfiguration = DispatcherConfiguration(), sandbox: Sandbox,
        orders: OrderBook,
        clock: AtlasClock, identifiers: IdentifierGenerator, transport: any WebhookTransport
    ) {
        self.init(
            configuration: configuration, recipients: sandbox, incidents: sandbox, orders: orders,
            clock: clock,
            identifiers: identifiers, transport: transport)
    }

    /// Fires an EVENT REQUEST document and returns the FIRE RESPONSE document.
    public func fire(_ document: JSONValue) async throws(EventRequestError) -> JSONValue {
        try await fire(EventRequest.parse(document)).json()
    }

    /// Fires a validated request: composes the event (changing the order), files the incident with
    /// `notified` 0, then drops, holds or sends it; with `wait` the answer comes after every attempt.
    public func fire(_ request: EventRequest) async throws(EventRequestError) -> FiredEvent {
        guard !tasks.withLock({ $0.shuttingDown }) else {
            throw EventRequestError(.conflict, at: .root, "the webhook desk is shutting down; no new events")
        }
        let event = try composer.compose(request)
        dispatcher.counters.withLock { $0.eventsFired += 1 }
        var warnings: [String] = []
        var incident: JSONValue?
        if let draft = event.incident {
            do {
                incident = try incidents.record(draft, clientId: request.clientId)
            } catch {
                warnings.append("incident \(draft.eventId) was not filed: \(error.reason)")
            }
        }
        let job = DeliveryJob(
            event: event, faults: request.faults, generation: dispatcher.generation.load(ordering: .relaxed),
            incident: incident)
        let url = recipients.webhookURL(clientId: request.clientId)
        if request.faults.drop {
            dispatcher.drop(job)
        } else if let reorder = request.faults.reorder {
            job.status = .held
            if let batch = batches.hold(job, batch: reorder.batch, size: reorder.size) {
                let task = spawn { [dispatcher] in
                    // One after another, so the receiver sees exactly the reversed order.
                    for held in batch {
                        held.status = .pending
                        await dispatcher.run(held)
                    }
                }
                if request.wait { await task?.value }
            }
        } else {
            let task = spawn { [dispatcher] in await dispatcher.run(job) }
            if request.wait { await task?.value }
        }
        return FiredEvent(
            eventId: event.eventId, type: request.type, clientId: request.clientId, url: url,
            payload: event.payload,
            incident: job.incident, outcome: FiredEvent.Outcome(rawValue: job.status.rawValue)!,
            deliveries: job.attempts, warnings: warnings)
    }

    /// Delivery records matching `filter` as DELIVERY RECORD JSON, by sequence, and the eviction count.
    public func deliveries(filter: DeliveryFilter = DeliveryFilter()) -> (records: [JSONValue], evicted: Int)
    {
        let (records, evicted) = dispatcher.log.records(matching: filter)
        return (records.map { $0.json() }, evicted)
    }

    /// `{"deliveries": [DELIVERY RECORD…], "evicted": n}` for `GET /__admin/deliveries`.
    public func deliveriesJSON(filter: DeliveryFilter = DeliveryFilter()) -> JSONValue {
        let (records, evicted) = deliveries(filter: filter)
        return ["deliveries": .array(records), "evicted": .int(evicted)]
    }

    /// Delivery records matching `filter`, as values.
    public func deliveryRecords(filter: DeliveryFilter = DeliveryFilter()) -> [DeliveryRecord] {
        dispatcher.log.records(matching: filter).records
    }

    /// Restores the fixture orders, empties the delivery log and forgets held batches. Deliveries
    /// already on the wire finish but are no longer logged or counted against the new state.
    public func reset() {
        dispatcher.generation.add(1, ordering: .relaxed)
        _ = batches.reset()
        dispatcher.log.reset()
        orders.reset()
    }

    /// Refuses new events, waits up to `configuration.shutdownGrace` for deliveries in flight, cancels
    /// the rest, then shuts the transport down. Events held by `reorder` are never sent.
    public func shutdown() async {
        let running = tasks.withLock { tasks in
            tasks.shuttingDown = true
            return Array(tasks.running.values)
        }
        // Awaiting a task's value cannot be interrupted, so a watchdog cancels the deliveries when the
        // grace period ends; cancelled deliveries stop at their next step and the waits below end.
        let deadline = ContinuousClock.now + configuration.shutdownGrace
        let watchdog = Task {
            try? await Task.sleep(until: deadline)
            guard !Task.isCancelled else { return }
            for task in running { task.cancel() }
        }
        for task in running { await task.value }
        watchdog.cancel()
        _ = batches.reset()
        await dispatcher.transport.shutdown()
    }

    /// Counters for `/__admin/health`.
    public var statistics: DeliveryStatistics {
        let counters = dispatcher.counters.withLock { $0 }
        return DeliveryStatistics(
            eventsFired: counters.eventsFired, inFlight: counters.inFlight, delivered: counters.delivered,
            failed: counters.failed, dropped: counters.dropped, held: batches.heldCount,
            evicted: dispatcher.log.evicted)
    }

    /// Starts `work` as a tracked task (so shutdown can wait for it); nil once shutting down.
    private func spawn(_ work: @escaping @Sendable () async -> Void) -> Task<Void, Never>? {
        tasks.withLock { tasks -> Task<Void, Never>? in
            guard !tasks.shuttingDown else { return nil }
            let id = tasks.nextId
            tasks.nextId += 1
            // The task removes itself when done; it cannot take the lock before this closure releases it.
            let task = Task { [weak self] in
                await work()
                _ = self?.tasks.withLock { $0.running.removeValue(forKey: id) }
            }
            tasks.running[id] = task
            return task
        }
    }
}
