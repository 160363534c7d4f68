/// Where and how an ``HTTPServer`` listens.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// Address to bind: an IPv4 literal, an IPv6 literal (optionally in brackets) or `localhost`.
    /// Defaults to `127.0.0.1` so a local mock is never exposed to the network by accident.
    public var host: String
    /// TCP port; 0 asks the kernel for an ephemeral port (read it from ``HTTPBoundAddress``).
    public var port: UInt16
    /// Size, time and connection limits.
    public var limits: HTTPLimits
    /// How long ``HTTPServer/shutdown()`` lets in-flight requests finish before cancelling them.
    public var shutdownGracePeriod: Duration

    /// Creates a configuration; defaults bind `127.0.0.1:8089` with default limits.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 8089,
        limits: HTTPLimits = HTTPLimits(),
        shutdownGracePeriod: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}

/// The address a started server actually listens on.
public struct HTTPBoundAddress: Sendable, Equatable {
    /// The bound host literal (`localhost` is reported as `127.0.0.1`).
    public var host: String
    /// The bound port, also when port 0 was requested.
    public var port: UInt16

    /// Creates a bound address.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Base URL clients should use, e.g. `http://127.0.0.1:8089` (IPv6 hosts are bracketed).
    public var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }
}
