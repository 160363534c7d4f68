import Glibc

/// Writes report files for CI (JUnit XML, JSON), replacing them whole.
public enum ReportFile {
    /// Writes `text` to `path` through a temporary file and a rename, so CI never reads half a report.
    public static func write(_ text: String, to path: String) throws(DefaultFilesError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DefaultFilesError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw DefaultFilesError(path: path, reason: "cannot write: \(reason)")
            }
            bytes = bytes.dropFirst(written)
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DefaultFilesError(path: path, reason: "cannot write: \(reason)")
        }
    }
}
