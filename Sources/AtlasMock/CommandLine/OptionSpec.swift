/// One option a command accepts: `--port 8089`, `--quiet`, `--client ID:SECRET` (repeatable).
public struct OptionSpec: Sendable, Hashable {
    /// The option's name without dashes, e.g. "port".
    public var name: String
    /// The placeholder shown in help for the value, or nil for a flag that takes none.
    public var valueName: String?
    /// Whether the option may be given more than once.
    public var repeatable: Bool
    /// One line of help.
    public var help: String

    /// A flag: present or absent, no value.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, repeatable: false, help: help)
    }

    /// An option that takes one value.
    public static func value(_ name: String, _ valueName: String, repeatable: Bool = false, help: String)
        -> OptionSpec
    {
        OptionSpec(name: name, valueName: valueName, repeatable: repeatable, help: help)
    }
}

/// A command's grammar: its options and what its positional arguments mean.
public struct CommandSpec: Sendable {
    /// The command's name, e.g. "serve".
    public var name: String
    /// One line saying what the command does.
    public var summary: String
    /// The usage line after the command name, e.g. "[options] SCENARIO...".
    public var usage: String
    /// The options it accepts; `--help` is always accepted too.
    public var options: [OptionSpec]
    /// The range of positional arguments it takes.
    public var positionalCount: ClosedRange<Int>

    /// A command with the given grammar.
    public init(
        name: String, summary: String, usage: String = "[options]", options: [OptionSpec],
        positionalCount: ClosedRange<Int> = 0...0
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options
        self.positionalCount = positionalCount
    }

    /// The help text: usage, summary and one aligned line per option.
    public var helpText: String {
        var lines = ["Usage: atlas-mock \(name) \(usage)", "", summary, "", "Options:"]
        let rendered = (options + [.flag("help", help: "Show this help and exit.")]).map { option in
            (
                "--" + option.name + (option.valueName.map { " " + $0 } ?? ""),
                option.help + (option.repeatable ? " (repeatable)" : "")
            )
        }
        let width = rendered.map(\.0.count).max() ?? 0
        for (left, right) in rendered {
            lines.append("  " + left.padding(to: width) + "  " + right)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string with spaces added on the right up to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
