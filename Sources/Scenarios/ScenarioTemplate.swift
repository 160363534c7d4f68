import AtlasJSON

/// Finds and substitutes `${…}` references throughout a JSON value.
///
/// A string that is exactly one reference takes the referred value with its type (so `"${n}"` can be
/// an integer); a reference inside longer text is spliced in as text.
enum ScenarioTemplate {
    /// Every reference in `value` with the path of the string it appears in; malformed ones as faults.
    static func references(in value: JSONValue, at path: JSONPath) -> [Result<
        (ScenarioReference, JSONPath), JSONShapeError
    >] {
        switch value {
        case .string(let text):
            switch TemplatePiece.split(text) {
            case .failure(let syntax):
                return [.failure(JSONShapeError(path: path, reason: syntax.reason))]
            case .success(let pieces):
                return pieces.compactMap { piece in
                    if case .reference(let reference, _) = piece { return .success((reference, path)) }
                    return nil
                }
            }
        case .array(let elements):
            return elements.enumerated().flatMap { references(in: $1, at: path.appending($0)) }
        case .object(let members):
            return JSONValue.sortedKeys(members).flatMap {
                references(in: members[$0]!, at: path.appending($0))
            }
        default:
            return []
        }
    }

    /// `value` with references replaced by what `lookup` returns; nil from `lookup` leaves a reference as written.
    static func resolve(
        _ value: JSONValue, at path: JSONPath,
        lookup: (ScenarioReference, JSONPath) throws(JSONShapeError) -> JSONValue?
    ) throws(JSONShapeError) -> JSONValue {
        switch value {
        case .string(let text):
            let pieces: [TemplatePiece]
            switch TemplatePiece.split(text) {
            case .failure(let syntax): throw JSONShapeError(path: path, reason: syntax.reason)
            case .success(let split): pieces = split
            }
            if pieces.count == 1, case .reference(let reference, let spelling) = pieces[0] {
                return try lookup(reference, path) ?? .string(spelling)
            }
            var output = ""
            for piece in pieces {
                switch piece {
                case .literal(let literal):
                    output += literal
                case .reference(let reference, let spelling):
                    guard let found = try lookup(reference, path) else {
                        output += spelling
                        continue
                    }
                    output += found.stringValue ?? found.compactText
                }
            }
            return .string(output)
        case .array(let elements):
            var resolved: [JSONValue] = []
            resolved.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                resolved.append(try resolve(element, at: path.appending(index), lookup: lookup))
            }
            return .array(resolved)
        case .object(let members):
            var resolved: [String: JSONValue] = [:]
            for (key, member) in members {
                resolved[key] = try resolve(member, at: path.appending(key), lookup: lookup)
            }
            return .object(resolved)
        default:
            return value
        }
    }

    /// Whether `value` is a string made of exactly one reference, i.e. a value known only at run time.
    static func isWholeReference(_ value: JSONValue) -> Bool {
        guard let text = value.stringValue, case .success(let pieces) = TemplatePiece.split(text),
            pieces.count == 1, case .reference = pieces[0]
        else { return false }
        return true
    }
}
