import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends webhooks through URLSession (FoundationNetworking): the https path, since the toolchain
/// offers no other TLS client.
///
/// URLSession's own timeouts cannot hold a sub-second deadline on Linux (they are truncated to whole
/// seconds and reset on every callback), so each send races the request against a sleep until the
/// deadline in a task group and cancels the loser. One ephemeral session (no cookies, no cache) serves
/// every send and is invalidated on `shutdown()`, because sessions left alive keep threads on Linux.
public final class URLSessionTransport: WebhookTransport {
    private let maxConnectionsPerHost: Int
    /// Made on the first send: building a session (configuration, cookie storage) took a tenth of the
    /// server's start-up, and most runs never deliver to an https URL.
    private let lazySession = Mutex<URLSession?>(nil)

    /// A transport whose ephemeral session allows `maxConnectionsPerHost` connections.
    public init(maxConnectionsPerHost: Int = 32) {
        self.maxConnectionsPerHost = maxConnectionsPerHost
    }

    private var session: URLSession {
        lazySession.withLock { session in
            if let session { return session }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
            configuration.httpShouldSetCookies = false
            configuration.urlCache = nil
            // The real deadline is enforced by the race below; this only stops a stuck transfer for good.
            configuration.timeoutIntervalForRequest = 300
            let made = URLSession(
                configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
            session = made
            return made
        }
    }

    private enum Outcome: Sendable {
        case response(OutboundResponse)
        case failure(DeliveryError)
        case deadline
    }

    /// POSTs the request; a response body over 1 MiB is a `too-large` failure.
    public func send(_ request: OutboundRequest, deadline: ContinuousClock.Instant)
        async throws(DeliveryError)
        -> OutboundResponse
    {
        guard let url = URL(string: request.url.text) else {
            throw DeliveryError(.invalidURL, "cannot send to \"\(request.url.text)\": not a URL")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        for (name, value) in request.headers {
            // URLSession writes these itself from the URL, the body and its connection pool.
            let lower = name.lowercased()
            if lower == "host" || lower == "content-length" || lower == "connection" { continue }
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = Data(request.body)
        let session = self.session
        let prepared = urlRequest
        let target = request.url
        let outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                do {
                    let (data, response) = try await session.data(for: prepared)
                    guard let http = response as? HTTPURLResponse else {
                        return .failure(
                            DeliveryError(.reset, "\(target.hostHeader) answered without an HTTP response"))
                    }
                    guard data.count <= OutboundResponse.maxBodyBytes else {
                        return .failure(
                            DeliveryError(.tooLarge, "response body of \(data.count) bytes exceeds 1 MiB"))
                    }
                    let headers = http.allHeaderFields.compactMap {
                        key, value -> (name: String, value: String)? in
                        guard let name = key as? String else { return nil }
                        return (name, "\(value)")
                    }.sorted { $0.name < $1.name }
                    return .response(OutboundResponse(status: http.statusCode, headers: headers, body: data))
                } catch {
                    return .failure(Self.deliveryError(error, target: target))
                }
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return .deadline
            }
            let first = await group.next() ?? .deadline
            group.cancelAll()
            return first
        }
        switch outcome {
        case .response(let response): return response
        case .failure(let error): throw error
        case .deadline:
            throw DeliveryError(
                .timeout, "no complete response from \(target.hostHeader) before the deadline")
        }
    }

    /// Lets running transfers finish, then invalidates the session.
    public func shutdown() async {
        lazySession.withLock { $0 }?.finishTasksAndInvalidate()
    }

    static func deliveryError(_ error: any Error, target: WebhookURL) -> DeliveryError {
        let peer = target.hostHeader
        guard let urlError = error as? URLError else {
            return DeliveryError(.reset, "\(peer): \(error)")
        }
        switch urlError.code {
        case .cannotConnectToHost:
            return DeliveryError(.refused, "connection refused by \(peer)")
        case .timedOut:
            return DeliveryError(.timeout, "\(peer) timed out")
        case .cannotFindHost, .dnsLookupFailed:
            return DeliveryError(.dns, "cannot resolve \(target.host)")
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            return DeliveryError(.tls, "TLS with \(peer) failed: \(urlError.localizedDescription)")
        case .networkConnectionLost, .badServerResponse, .zeroByteResource:
            return DeliveryError(.reset, "\(peer) closed the connection before a complete response")
        case .dataLengthExceedsMaximum:
            return DeliveryError(.tooLarge, "response from \(peer) exceeds 1 MiB")
        default:
            return DeliveryError(
                .reset, "\(peer): \(urlError.localizedDescription) (\(urlError.code.rawValue))")
        }
    }
}

/// Refuses redirects, so a 3xx is reported as the receiver's answer (as Atlas's Hutool client and the
/// socket transport do) instead of being followed to another URL.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
