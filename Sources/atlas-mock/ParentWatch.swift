import Dispatch
import Glibc

/// `--exit-on-stdin-eof`: a parent (a CI script, a test harness) hands the server a pipe as stdin and
/// keeps its end open; when the parent exits, even by a crash, the kernel closes the pipe and the
/// server drains and exits instead of lingering as an orphan holding its port.
enum ParentWatch {
    static func start() {
        // A Dispatch worker may block in read(2); the cooperative pool must never.
        DispatchQueue.global().async {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count > 0 { continue }
                if count < 0, errno == EINTR { continue }
                break
            }
            kill(getpid(), SIGTERM)
        }
    }
}
