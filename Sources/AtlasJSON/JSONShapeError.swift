/// A value of the wrong kind or form at a place in a document: "$.steps[2].type: expected string, got integer".
public struct JSONShapeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the faulty value sits.
    public var path: JSONPath
    /// What was wrong with it.
    public var reason: String

    /// A fault at `path` described by `reason`.
    public init(path: JSONPath, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A fault for a value of the wrong kind: "expected string, got integer".
    public static func mismatch(expected: String, got value: JSONValue, at path: JSONPath) -> JSONShapeError {
        JSONShapeError(path: path, reason: "expected \(expected), got \(value.kindName)")
    }

    /// "$.path: reason".
    public var description: String { "\(path): \(reason)" }
}

extension JSONValue {
    /// The members of this object, or a fault naming `path`.
    public func expectObject(at path: JSONPath) throws(JSONShapeError) -> [String: JSONValue] {
        guard let members = objectValue else { throw .mismatch(expected: "object", got: self, at: path) }
        return members
    }

    /// The elements of this array, or a fault naming `path`.
    public func expectArray(at path: JSONPath) throws(JSONShapeError) -> [JSONValue] {
        guard let elements = arrayValue else { throw .mismatch(expected: "array", got: self, at: path) }
        return elements
    }

    /// This string, or a fault naming `path`.
    public func expectString(at path: JSONPath) throws(JSONShapeError) -> String {
        guard let text = stringValue else { throw .mismatch(expected: "string", got: self, at: path) }
        return text
    }

    /// This integer, or a fault naming `path`.
    public func expectInt(at path: JSONPath) throws(JSONShapeError) -> Int {
        guard let number = intValue else { throw .mismatch(expected: "integer", got: self, at: path) }
        return number
    }

    /// This boolean, or a fault naming `path`.
    public func expectBool(at path: JSONPath) throws(JSONShapeError) -> Bool {
        guard let flag = boolValue else { throw .mismatch(expected: "boolean", got: self, at: path) }
        return flag
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The member `key` of an object at `path`, or a "missing required field" fault.
    public func required(_ key: String, at path: JSONPath) throws(JSONShapeError) -> JSONValue {
        guard let value = self[key] else {
            throw JSONShapeError(path: path.appending(key), reason: "missing required field")
        }
        return value
    }

    /// Faults for every key not in `allowed`, so a typo in a file is reported, never ignored.
    public func rejectUnknownKeys(allowed: Set<String>, at path: JSONPath) throws(JSONShapeError) {
        for key in keys.sorted() where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw JSONShapeError(path: path.appending(key), reason: "unknown key (expected one of: \(known))")
        }
    }
}
