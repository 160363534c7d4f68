/// Why a document is not JSON, and where: the byte offset and the line and column people count in.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset of the fault, from 0.
    public var offset: Int
    /// The line of the fault, from 1.
    public var line: Int
    /// The column of the fault in bytes, from 1.
    public var column: Int
    /// What was wrong, e.g. "expected ':' after an object key".
    public var reason: String

    /// A fault described by `reason` at `offset` of `bytes`, with its line and column worked out.
    init(reason: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.reason = reason
        self.offset = offset
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
    }

    /// "line 3, column 7: expected ':' after an object key".
    public var description: String {
        "line \(line), column \(column): \(reason)"
    }
}
