import CAtlasSystem
import Glibc

/// Creates the listening socket: non-blocking, close-on-exec, SO_REUSEADDR, bound and listening.
enum Listener {
    /// Binds and listens on `host:port`; returns the fd and the address actually bound.
    static func open(host: String, port: UInt16) throws(HTTPServerError) -> (Int32, HTTPBoundAddress) {
        guard let address = SocketAddress(host: host, port: port) else { throw .invalidHost(host) }
        let fd = Socket.makeTCP(family: address.family)
        guard fd >= 0 else { throw .other(call: "socket", errno: Int32(-fd)) }
        do throws(HTTPServerError) {
            // Restarts must not fail while old connections sit in TIME_WAIT.
            if let code = Socket.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1) {
                throw .other(call: "setsockopt(SO_REUSEADDR)", errno: code)
            }
            if address.family == AF_INET6 {
                _ = Socket.setOption(fd, level: Int32(IPPROTO_IPV6), name: IPV6_V6ONLY, value: 1)
            }
            let bound = address.withSockaddr { Glibc.bind(fd, $0, $1) }
            if bound != 0 {
                let code = catlas_errno()
                switch code {
                case EADDRINUSE: throw .addressInUse(host: address.host, port: port)
                case EACCES, EPERM: throw .permissionDenied(host: address.host, port: port)
                case EADDRNOTAVAIL: throw .invalidHost(host)
                default: throw .other(call: "bind", errno: code)
                }
            }
            if Glibc.listen(fd, SOMAXCONN) != 0 { throw .other(call: "listen", errno: catlas_errno()) }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            if named != 0 { throw .other(call: "getsockname", errno: catlas_errno()) }
            let boundPort = SocketAddress(storage: storage, length: length).port
            return (fd, HTTPBoundAddress(host: address.host, port: boundPort))
        } catch {
            close(fd)
            throw error
        }
    }

    /// Accepts one connection as a non-blocking, close-on-exec fd; returns the fd and peer, or -errno.
    static func accept(_ listener: Int32) -> (fd: Int32, peer: String) {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                catlas_accept4(
                    listener, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            }
        }
        guard fd >= 0 else { return (-catlas_errno(), "") }
        return (fd, SocketAddress(storage: storage, length: length).description)
    }
}
