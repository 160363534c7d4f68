extension ScenarioReport {
    /// JUnit XML, the format CI servers show as test results: one testcase per scenario.
    ///
    /// A failed scenario carries `<failure>`, an unjudged one `<error>`, each with the reason as its
    /// message and the step log as its text. Every attribute and text is escaped, and characters XML
    /// 1.0 forbids (most control characters) are replaced, so receiver output cannot break the file.
    public func junitXML(suiteName: String = "atlas-mock scenarios") -> String {
        let seconds = { (ms: Double) in String(Double(Int((ms).rounded())) / 1000) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts =
            "tests=\"\(results.count)\" failures=\"\(count(.fail))\" errors=\"\(count(.error))\" time=\"\(seconds(durationMs))\""
        xml += "<testsuites name=\"\(Self.escape(suiteName))\" \(counts)>\n"
        xml += "  <testsuite name=\"\(Self.escape(suiteName))\" \(counts)"
        xml += seed.map { " id=\"seed-\($0)\"" } ?? ""
        xml += ">\n"
        for result in results {
            xml +=
                "    <testcase name=\"\(Self.escape(result.name))\" classname=\"scenarios.\(Self.escape(result.name))\""
            xml += " file=\"\(Self.escape(result.file))\" time=\"\(seconds(result.durationMs))\""
            guard result.verdict != .pass else {
                xml += "/>\n"
                continue
            }
            let element = result.verdict == .fail ? "failure" : "error"
            let type =
                result.serverUnreachable
                ? "unreachable" : result.verdict == .fail ? "expectation" : "scenario-error"
            xml += ">\n      <\(element) message=\"\(Self.escape(result.reason ?? ""))\" type=\"\(type)\">"
            xml += Self.escape(Self.stepLog(result))
            xml += "</\(element)>\n    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private static func stepLog(_ result: ScenarioResult) -> String {
        result.steps.map { step in
            "\(step.index + 1). \(step.label) [\(step.status.rawValue)] \(step.detail)"
        }.joined(separator: "\n")
    }

    /// Text safe inside XML attributes and elements.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n": output += "&#10;"
            case "\t": output += "&#9;"
            case "\r": output += "&#13;"
            default:
                // XML 1.0 allows no other C0 controls, no surrogates (impossible here) and not U+FFFE/U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
