/// A scenario string split into literal text and references.
enum TemplatePiece: Sendable, Hashable {
    /// Text copied as is (with `$${` already turned into `${`).
    case literal(String)
    /// A reference, kept with its original spelling for messages and for leaving it unresolved.
    case reference(ScenarioReference, spelling: String)

    /// The pieces of `text`, or the reason it is malformed ("unterminated reference").
    static func split(_ text: String) -> Result<[TemplatePiece], TemplateSyntaxError> {
        guard text.contains("$") else { return .success([.literal(text)]) }
        var pieces: [TemplatePiece] = []
        var literal = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            literal += rest[..<dollar]
            let after = rest[dollar...].dropFirst()
            if after.hasPrefix("${") {
                literal += "${"
                rest = after.dropFirst(2)
            } else if after.hasPrefix("{") {
                guard let close = after.firstIndex(of: "}") else {
                    return .failure(TemplateSyntaxError(reason: "unterminated reference in \"\(text)\""))
                }
                let inner = String(after[after.index(after: after.startIndex)..<close])
                guard let reference = ScenarioReference.parse(inner: inner) else {
                    return .failure(TemplateSyntaxError(reason: "malformed reference ${\(inner)}"))
                }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.reference(reference, spelling: "${\(inner)}"))
                rest = after[after.index(after: close)...]
            } else {
                literal += "$"
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty || pieces.isEmpty { pieces.append(.literal(literal)) }
        return .success(pieces)
    }
}

/// A string whose `${…}` syntax is broken.
struct TemplateSyntaxError: Error, Sendable, Hashable {
    /// What was broken.
    var reason: String
}
