import AtlasSandbox
import Synchronization

/// Sends jobs: the delay and duplicate faults, attempts with a hard deadline, retries with backoff,
/// at most `maxInFlight` attempts on the wire, every attempt logged.
final class WebhookDispatcher: Sendable {
    struct Counters {
        var eventsFired = 0
        var inFlight = 0
        var delivered = 0
        var failed = 0
        var dropped = 0
    }

    let configuration: DispatcherConfiguration
    let transport: any WebhookTransport
    let recipients: any WebhookRecipients
    let incidents: any IncidentRecorder
    let clock: AtlasClock
    let log: DeliveryLog
    let counters = Mutex(Counters())
    let generation = Atomic<Int>(0)
    private let limiter: InFlightLimiter
    private let sequence = Atomic<Int>(0)

    init(
        configuration: DispatcherConfiguration, transport: any WebhookTransport,
        recipients: any WebhookRecipients,
        incidents: any IncidentRecorder, clock: AtlasClock
    ) {
        self.configuration = configuration
        self.transport = transport
        self.recipients = recipients
        self.incidents = incidents
        self.clock = clock
        log = DeliveryLog(capacity: configuration.deliveryLogCapacity)
        limiter = InFlightLimiter(limit: configuration.maxInFlight)
    }

    /// Sends every copy of the job (after its delay) and settles its status: delivered when any
    /// copy got a 2xx.
    func run(_ job: DeliveryJob) async {
        if job.faults.delayMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(job.faults.delayMilliseconds))
        }
        // Cancelled means the desk is shutting down past its grace period: send nothing more.
        if Task.isCancelled {
            job.status = .failed
            return
        }
        let copies = job.faults.duplicate
        var delivered = false
        if copies <= 1 {
            delivered = await deliverCopy(job, copy: 1)
        } else {
            delivered = await withTaskGroup(of: Bool.self) { group in
                for copy in 1...copies {
                    group.addTask { await self.deliverCopy(job, copy: copy) }
                }
                var any = false
                for await result in group where result { any = true }
                return any
            }
        }
        job.status = delivered ? .delivered : .failed
    }

    /// Logs the single "dropped" record of a job the `drop` fault stopped.
    func drop(_ job: DeliveryJob) {
        var record = baseRecord(
            job, copy: 1, attempt: 0, url: recipients.webhookURL(clientId: job.event.clientId))
        record.outcome = .dropped
        finish(record, job: job)
        job.status = .dropped
    }

    /// Attempts one copy until it is delivered or the retries are spent; true when delivered.
    private func deliverCopy(_ job: DeliveryJob, copy: Int) async -> Bool {
        let attempts = 1 + configuration.retries
        for attempt in 1...attempts {
            if attempt > 1 {
                try? await Task.sleep(for: configuration.backoff(beforeRetry: attempt - 1))
                if Task.isCancelled { return false }
            }
            switch await attemptOnce(job, copy: copy, attempt: attempt) {
            case .delivered:
                if let incident = job.event.incident, job.generation == generation.load(ordering: .relaxed) {
                    if let updated = incidents.setNotified(
                        1, eventId: incident.eventId, clientId: job.event.clientId)
                    {
                        job.incident = updated
                    }
                }
                return true
            case .retryable:
                continue
            case .final:
                return false
            }
        }
        return false
    }

    private enum AttemptResult {
        case delivered, retryable, final
    }

    private func attemptOnce(_ job: DeliveryJob, copy: Int, attempt: Int) async -> AttemptResult {
        let clientId = job.event.clientId
        guard let urlText = recipients.webhookURL(clientId: clientId) else {
            var record = baseRecord(job, copy: copy, attempt: attempt, url: nil)
            record.error = DeliveryError(
                .noRegistration,
                "client \(clientId) has no registered webhook URL; call updateWebhookURL.do or POST /__admin/registrations"
            )
            finish(record, job: job)
            return .final
        }
        let url: WebhookURL
        switch WebhookURL.parse(urlText) {
        case .success(let parsed): url = parsed
        case .failure(let error):
            var record = baseRecord(job, copy: copy, attempt: attempt, url: urlText)
            record.error = error
            finish(record, job: job)
            return .final
        }
        let body = job.event.payload.body
        let headers = configuration.headers(clientId: clientId, url: url, bodyLength: body.count)
        await limiter.acquire()
        if Task.isCancelled {
            limiter.release()
            return .final
        }
        var record = baseRecord(job, copy: copy, attempt: attempt, url: urlText)
        record.requestHeaders = headers
        record.requestBody = body
        counters.withLock { $0.inFlight += 1 }
        let start = ContinuousClock.now
        let result: Result<OutboundResponse, DeliveryError>
        do {
            result = .success(
                try await transport.send(
                    OutboundRequest(url: url, headers: headers, body: body),
                    deadline: start + configuration.attemptTimeout))
        } catch {
            result = .failure(error)
        }
        let elapsed = ContinuousClock.now - start
        counters.withLock { $0.inFlight -= 1 }
        limiter.release()
        record.latencyMilliseconds =
            Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15
        switch result {
        case .success(let response):
            record.response = response
            if (200...299).contains(response.status) {
                record.outcome = .delivered
            } else {
                record.error = DeliveryError(
                    .httpStatus, "\(url.hostHeader) answered HTTP \(response.status)")
            }
        case .failure(let error):
            record.error = error
        }
        finish(record, job: job)
        return record.outcome == .delivered ? .delivered : .retryable
    }

    /// A record for an attempt starting now, numbered in start order, outcome `failed` until settled.
    private func baseRecord(_ job: DeliveryJob, copy: Int, attempt: Int, url: String?) -> DeliveryRecord {
        let payload = job.event.payload
        return DeliveryRecord(
            sequence: sequence.add(1, ordering: .relaxed).newValue, eventId: job.event.eventId,
            notificationId: payload.notificationId, type: payload.type, clientId: job.event.clientId,
            orderNo: payload.orderNo, url: url, attempt: attempt, copy: copy, startedAt: clock.now(),
            requestHeaders: nil, requestBody: nil, response: nil, latencyMilliseconds: 0, outcome: .failed,
            error: nil)
    }

    /// Keeps the record with its job and, unless a reset happened since the job began, in the log.
    private func finish(_ record: DeliveryRecord, job: DeliveryJob) {
        job.add(record)
        guard job.generation == generation.load(ordering: .relaxed) else { return }
        log.append(record)
        counters.withLock { counters in
            switch record.outcome {
            case .delivered: counters.delivered += 1
            case .failed: counters.failed += 1
            case .dropped: counters.dropped += 1
            }
        }
    }
}
