import AtlasJSON

/// A request body parsed as a JSON object, with typed accessors that fail with Atlas body codes and
/// the name of the field at fault.
struct RequestBody {
    let fields: [String: JSONValue]

    /// Parses `bytes`; anything but a JSON object is 901.
    init(_ bytes: [UInt8]) throws(AtlasRequestError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .illegal("body is not valid JSON (\(error))")
        }
        guard let fields = value.objectValue else {
            throw .illegal("body must be a JSON object, got \(value.kindName)")
        }
        self.fields = fields
    }

    /// Keys not in `known`, as "unknown field ... ignored" warnings, sorted for stable output.
    func unknownFieldWarnings(known: Set<String>) -> [String] {
        fields.keys.filter { !known.contains($0) }.sorted().map { "unknown field \"\($0)\" ignored" }
    }

    /// A string field; absent, null and `""` give nil (no filter).
    func string(_ key: String) throws(AtlasRequestError) -> String? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw .illegal("\(key): expected string, got \(value.kindName)")
        }
        return text.isEmpty ? nil : text
    }

    /// A UTC+08:00 `yyyy-MM-dd HH:mm:ss` field.
    func instant(_ key: String) throws(AtlasRequestError) -> AtlasInstant? {
        guard let text = try string(key) else { return nil }
        guard let instant = AtlasTime.parse(text) else { throw Self.badTime(key, text) }
        return instant
    }

    /// An airport-local `yyyy-MM-dd HH:mm:ss` field.
    func localTime(_ key: String) throws(AtlasRequestError) -> LocalDateTime? {
        guard let text = try string(key) else { return nil }
        guard let local = AtlasTime.parseLocal(text) else { throw Self.badTime(key, text) }
        return local
    }

    private static func badTime(_ key: String, _ text: String) -> AtlasRequestError {
        .illegal("\(key): expected \"yyyy-MM-dd HH:mm:ss\", got \(JSONValue.string(text).quotedForMessage)")
    }

    /// An integer field that also accepts a string of ASCII digits (`"2"`), since the response prints
    /// `pageIndex`/`pageSize` as strings and clients echo them back. Absent, null and `""` give nil.
    func lenientInt(_ key: String) throws(AtlasRequestError) -> Int? {
        guard let value = fields[key], !value.isNull else { return nil }
        if let number = value.intValue { return number }
        if let text = value.stringValue {
            if text.isEmpty { return nil }
            guard let number = Self.digits(text) else {
                throw .illegal(
                    "\(key): expected an integer or a string of digits, got \(value.quotedForMessage)")
            }
            return number
        }
        throw .illegal("\(key): expected integer, got \(value.kindName)")
    }

    /// The value of a string of ASCII digits that fits an `Int`, else nil.
    static func digits(_ text: String) -> Int? {
        guard (1...19).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(text)
    }
}
