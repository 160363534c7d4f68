/// A bad command line: the one-line message the CLI prints before exiting with status 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, naming the option or value at fault.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// The options and positional arguments of one command line, checked against a `CommandSpec`.
public struct ParsedArguments: Sendable {
    /// Positional arguments in order.
    public private(set) var positionals: [String] = []
    /// Whether `--help` was given.
    public private(set) var wantsHelp = false
    private var values: [String: [String]] = [:]

    /// Parses `arguments` (without the command name) by `spec`: `--name value`, `--name=value`,
    /// flags, and `--` to end options. Unknown options, missing values and repeats of a
    /// non-repeatable option are errors.
    public init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
        let options = Dictionary(spec.options.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError(
                    "unknown option '\(argument)' for '\(spec.name)' (options start with --; see 'atlas-mock \(spec.name) --help')"
                )
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if name == "help" || name == "h" {
                wantsHelp = true
                continue
            }
            guard let option = options[name] else {
                throw UsageError(
                    "unknown option '--\(name)' for '\(spec.name)' (see 'atlas-mock \(spec.name) --help')")
            }
            if values[name] != nil, !option.repeatable {
                throw UsageError("option '--\(name)' given more than once")
            }
            guard let valueName = option.valueName else {
                if inlineValue != nil { throw UsageError("option '--\(name)' takes no value") }
                values[name, default: []].append("")
                continue
            }
            if let inlineValue {
                values[name, default: []].append(inlineValue)
            } else {
                guard index < arguments.count else {
                    throw UsageError("option '--\(name)' needs a value (\(valueName))")
                }
                values[name, default: []].append(arguments[index])
                index += 1
            }
        }
        if !wantsHelp, !spec.positionalCount.contains(positionals.count) {
            let range = spec.positionalCount
            let expected =
                range.lowerBound == range.upperBound
                ? "\(range.lowerBound)"
                : range.upperBound == Int.max
                    ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            if positionals.count > range.upperBound, let extra = positionals.dropFirst(range.upperBound).first
            {
                throw UsageError(
                    "unexpected argument '\(extra)' for '\(spec.name)' (expected \(expected) positional arguments)"
                )
            }
            throw UsageError(
                "'\(spec.name)' expects \(expected) positional arguments, got \(positionals.count)")
        }
    }

    /// Whether the flag or option `name` was given.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// The last value given for `name`.
    public func string(_ name: String) -> String? { values[name]?.last }

    /// Every value given for a repeatable option, in order.
    public func strings(_ name: String) -> [String] { values[name] ?? [] }

    /// The value of `name` as an integer in `range`, or nil when absent.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(text),
            range.contains(number)
        else {
            throw UsageError(
                "invalid value '\(text)' for '--\(name)': expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }

    /// The value of `name`, which must be one of `choices`, or nil when absent.
    public func choice(_ name: String, of choices: [String]) throws(UsageError) -> String? {
        guard let text = string(name) else { return nil }
        guard choices.contains(text) else {
            throw UsageError(
                "invalid value '\(text)' for '--\(name)': expected one of \(choices.joined(separator: ", "))")
        }
        return text
    }
}
