import CAtlasSystem
import Glibc

@testable import AtlasHTTP

/// A one-connection-at-a-time TCP server whose replies are raw bytes written by a script, for
/// responses the real server never produces (chunked, close-delimited, resets, stalls).
final class ScriptedServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let task: Task<Void, Never>

    /// `script` gets the connection fd and the request bytes read so far (through the head), and
    /// returns whether to keep serving this connection (read another request) or close it.
    init(script: @escaping @Sendable (Int32, [UInt8]) async -> Bool) throws {
        let (fd, address) = try Listener.open(host: "127.0.0.1", port: 0)
        listener = fd
        port = address.port
        task = Task {
            while !Task.isCancelled {
                let (connection, _) = Listener.accept(fd)
                if connection < 0 {
                    if await Reactor.shared.wait(for: .readable, on: fd, deadline: nil) != .ready { return }
                    continue
                }
                var buffer: [UInt8] = []
                var scratch = [UInt8](repeating: 0, count: 4096)
                serving: while true {
                    // Read one request head (tests send bodies only with small Content-Length, read below).
                    while findCRLF2(buffer) == nil {
                        switch Socket.receive(connection, into: &buffer, scratch: &scratch) {
                        case .data: continue
                        case .endOfFile, .failed: break serving
                        case .wouldBlock:
                            if await Reactor.shared.wait(
                                for: .readable, on: connection, deadline: .now + .seconds(10))
                                != .ready
                            {
                                break serving
                            }
                        }
                    }
                    let end = findCRLF2(buffer)!
                    let request = Array(buffer[0..<end])
                    buffer.removeSubrange(0..<end)
                    if await !script(connection, request) { break serving }
                }
                close(connection)
            }
        }
    }

    /// Writes `text` to the connection.
    static func write(_ fd: Int32, _ text: String) async {
        _ = await Socket.sendAll(fd, Array(text.utf8), deadline: .now + .seconds(5), reactor: .shared)
    }

    /// Closes with an RST instead of a FIN (SO_LINGER with zero timeout).
    static func reset(_ fd: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    func stop() async {
        task.cancel()
        await task.value
        close(listener)
    }
}

private func findCRLF2(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for index in 0...(bytes.count - 4)
    where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
        return index + 4
    }
    return nil
}
