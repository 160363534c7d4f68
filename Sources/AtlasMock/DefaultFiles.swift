import Glibc

/// A folder of JSON files the mock reads at start-up: the embedded defaults, or a folder on disk
/// given by `--fixtures` or `--scenarios`.
public struct DefaultFiles: Sendable {
    /// Where the files came from, as error messages name it: "fixtures" or "/tmp/my-fixtures".
    public var origin: String
    /// File name (e.g. "clients.json") to contents.
    public var files: [String: [UInt8]]
    /// Whether these are the compiled-in defaults (checked by the test suite, so they may be decoded
    /// lazily).
    public private(set) var isEmbedded = false

    /// Files as given, for tests and embedding programs.
    public init(origin: String, files: [String: [UInt8]]) {
        self.origin = origin
        self.files = files
    }

    /// The compiled-in copy of the repository folder `folder` ("fixtures" or "scenarios").
    public static func embedded(_ folder: String) -> DefaultFiles {
        var files: [String: [UInt8]] = [:]
        for (path, text) in EmbeddedDefaults.files where path.hasPrefix(folder + "/") {
            files[String(path.dropFirst(folder.count + 1))] = Array(text.utf8)
        }
        var defaults = DefaultFiles(origin: folder, files: files)
        defaults.isEmbedded = true
        return defaults
    }

    /// Every `*.json` file directly inside `directory`.
    public static func directory(_ directory: String) throws(DefaultFilesError) -> DefaultFiles {
        guard let handle = opendir(directory) else {
            throw DefaultFilesError(
                path: directory, reason: "cannot open folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var files: [String: [UInt8]] = [:]
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            files[name] = try readFile(path)
        }
        return DefaultFiles(origin: directory, files: files)
    }

    /// The path an error message should name for `name`: "fixtures/clients.json".
    public func displayPath(_ name: String) -> String {
        origin.hasSuffix("/") ? origin + name : origin + "/" + name
    }

    /// Reads a whole file, refusing anything over `limit` bytes so a wrong path cannot exhaust memory.
    public static func readFile(_ path: String, limit: Int = 256 << 20) throws(DefaultFilesError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DefaultFilesError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DefaultFilesError(
                    path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw DefaultFilesError(path: path, reason: "larger than \(limit >> 20) MiB")
            }
        }
    }
}

/// A file or folder that could not be read, naming it.
public struct DefaultFilesError: Error, Sendable, CustomStringConvertible {
    /// The file or folder at fault.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// "path: reason".
    public var description: String { "\(path): \(reason)" }
}

extension DefaultFiles {
    /// The files as (display path, bytes) pairs in name order, as the scenario library loads them.
    public var namedFiles: [(name: String, bytes: [UInt8])] {
        files.sorted { $0.key < $1.key }.map { (name: displayPath($0.key), bytes: $0.value) }
    }
}
