import CAtlasSystem
import Glibc

extension HTTPClient {
    /// Connects to the first address that accepts, waiting on the reactor for EINPROGRESS.
    func connect(to addresses: [SocketAddress], deadline: ContinuousClock.Instant)
        async throws(HTTPClientError) -> Int32
    {
        var lastError = "no address"
        for address in addresses {
            let fd = Socket.makeTCP(family: address.family)
            guard fd >= 0 else { throw HTTPClientError(.refused, "socket failed: \(errnoDescription(-fd))") }
            var code: Int32 = 0
            if address.withSockaddr({ Glibc.connect(fd, $0, $1) }) != 0 {
                code = catlas_errno()
                if code == EINPROGRESS || code == EINTR {
                    switch await reactor.wait(for: .writable, on: fd, deadline: deadline) {
                    case .ready:
                        var error: Int32 = 0
                        var length = socklen_t(MemoryLayout<Int32>.size)
                        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                        code = error
                    case .timedOut, .interrupted:
                        close(fd)
                        throw HTTPClientError(.timeout, "connecting to \(address.description) timed out")
                    case .cancelled:
                        close(fd)
                        throw HTTPClientError(
                            .cancelled, "cancelled while connecting to \(address.description)")
                    }
                }
            }
            if code == 0 {
                Socket.setNoDelay(fd)
                return fd
            }
            close(fd)
            if code == ETIMEDOUT {
                throw HTTPClientError(.timeout, "connecting to \(address.description) timed out")
            }
            lastError = "connecting to \(address.description): \(errnoDescription(code))"
        }
        throw HTTPClientError(.refused, lastError)
    }

    /// The request on the wire: request line, Host, caller headers, Content-Length, body.
    static func encode(_ request: HTTPClientRequest, url: HTTPClientURL) throws(HTTPClientError) -> [UInt8] {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(HTTPSyntax.isTchar) else {
            throw HTTPClientError(.protocolError, "invalid method '\(request.method)'")
        }
        var output: [UInt8] = []
        output.reserveCapacity(256 + request.body.count)
        output.append(contentsOf: "\(request.method) \(url.target) HTTP/1.1\r\n".utf8)
        if !request.headers.contains(name: "Host") {
            output.append(contentsOf: "Host: \(url.hostHeader)\r\n".utf8)
        }
        for field in request.headers {
            if asciiCaseInsensitiveEquals(field.name, "Content-Length")
                || asciiCaseInsensitiveEquals(field.name, "Transfer-Encoding")
                || asciiCaseInsensitiveEquals(field.name, "Connection")
            {
                continue
            }
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(HTTPSyntax.isTchar),
                field.value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte)
            else { throw HTTPClientError(.protocolError, "invalid header field '\(field.name)'") }
            output.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
        }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            output.append(contentsOf: "Content-Length: \(request.body.count)\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        output.append(contentsOf: request.body)
        return output
    }
}
