import AtlasJSON

/// Reads typed fields out of one JSON object, collecting every problem instead of stopping at the first.
///
/// Used for fixture files and runtime-added records, where a user wants all mistakes at once.
struct FieldReader {
    let object: [String: JSONValue]
    let path: JSONPath
    var issues: [FieldIssue] = []

    /// Longest string accepted in a record field; stops one record from eating the heap.
    static let maximumStringLength = 4096

    /// Wraps `value`, or records "expected object" and returns nil.
    static func object(_ value: JSONValue, at path: JSONPath, issues: inout [FieldIssue]) -> FieldReader? {
        guard let object = value.objectValue else {
            issues.append(FieldIssue(path: path, problem: "expected object, got \(value.kindName)"))
            return nil
        }
        return FieldReader(object: object, path: path)
    }

    mutating func fail(_ key: String, _ problem: String) {
        issues.append(FieldIssue(path: path.appending(key), problem: problem))
    }

    /// A present, non-null value, or nil after recording "missing required field".
    mutating func required(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else {
            fail(key, "missing required field")
            return nil
        }
        return value
    }

    mutating func string(_ key: String, required isRequired: Bool, allowEmpty: Bool = false) -> String? {
        let value: JSONValue
        if isRequired {
            guard let present = required(key) else { return nil }
            value = present
        } else {
            guard let present = object[key], !present.isNull else { return nil }
            value = present
        }
        guard let text = value.stringValue else {
            fail(key, "expected string, got \(value.kindName)")
            return nil
        }
        if !allowEmpty && text.isEmpty {
            fail(key, "expected a non-empty string")
            return nil
        }
        if text.utf8.count > Self.maximumStringLength {
            fail(key, "string longer than \(Self.maximumStringLength) bytes")
            return nil
        }
        return text
    }

    mutating func int(_ key: String, required isRequired: Bool) -> Int? {
        let value: JSONValue
        if isRequired {
            guard let present = required(key) else { return nil }
            value = present
        } else {
            guard let present = object[key], !present.isNull else { return nil }
            value = present
        }
        guard let number = value.intValue else {
            fail(key, "expected integer, got \(value.kindName)")
            return nil
        }
        return number
    }

    /// A UTC+08:00 `yyyy-MM-dd HH:mm:ss` time.
    mutating func instant(_ key: String, required isRequired: Bool) -> AtlasInstant? {
        time(key, required: isRequired) { AtlasTime.parse($0) }
    }

    /// An airport-local `yyyy-MM-dd HH:mm:ss` time.
    mutating func localTime(_ key: String, required isRequired: Bool) -> LocalDateTime? {
        time(key, required: isRequired) { AtlasTime.parseLocal($0) }
    }

    private mutating func time<Time>(_ key: String, required isRequired: Bool, parse: (String) -> Time?)
        -> Time?
    {
        guard let text = string(key, required: isRequired, allowEmpty: true) else { return nil }
        guard let time = parse(text) else {
            fail(key, "expected \"yyyy-MM-dd HH:mm:ss\", got \(JSONValue.string(text).quotedForMessage)")
            return nil
        }
        return time
    }
}
