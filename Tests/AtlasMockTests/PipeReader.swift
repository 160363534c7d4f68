import Foundation
import Glibc

/// The read end of a pipe, read to its end of file by a thread of its own.
///
/// Foundation's `readabilityHandler` watches the descriptor with a Dispatch source whose teardown is
/// asynchronous: when the `FileHandle` closes the descriptor before libdispatch has dropped it, the
/// number is reused by the next socket or pipe and libdispatch's event loop dereferences a stale note
/// (CI crashed with SIGSEGV in `_dispatch_event_loop_drain`). A blocking `read` on a plain thread
/// owns the descriptor from start to close, so nothing else can see it reused.
final class PipeReader: @unchecked Sendable {
    /// The write end, to hand to the child as one of its standard streams.
    let writeEnd: FileHandle
    private let readDescriptor: Int32
    private let lock = NSLock()
    private var collected: [UInt8] = []
    private var reachedEnd = false
    private var started = false

    init() throws {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw LaunchError(message: "pipe failed: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so a child spawned by another test never holds this pipe open (the child
        // gets its own copy through dup2, which clears the flag).
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        readDescriptor = descriptors[0]
        writeEnd = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
    }

    /// Starts reading; call once the child holds its copy of the write end.
    func start() {
        try? writeEnd.close()
        lock.withLock { started = true }
        let thread = Thread { [self] in drain() }
        thread.name = "pipe-reader-\(readDescriptor)"
        thread.start()
    }

    /// Everything read so far, decoded as UTF-8.
    var text: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// Whether the pipe reached its end of file (every write end closed).
    var isFinished: Bool { lock.withLock { reachedEnd } }

    deinit {
        // A reader never started (the child failed to spawn) still owns its descriptor.
        if !started { close(readDescriptor) }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                lock.withLock { collected.append(contentsOf: buffer[0..<count]) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(readDescriptor)
        lock.withLock { reachedEnd = true }
    }
}
