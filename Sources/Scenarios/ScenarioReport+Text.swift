extension ScenarioReport {
    /// A plain-text table for terminals: one row per scenario, then the reasons, then totals.
    ///
    /// ```
    /// SCENARIO              VERDICT  STEPS  TIME
    /// ticketing             pass     3/3    12 ms
    /// void-rejected         FAIL     2/4    5003 ms
    ///
    /// void-rejected: step 3 (expect deliveries, $.steps[2]): …
    /// 1 passed, 1 failed, 0 errors in 5015 ms (seed 42)
    /// ```
    public func summaryTable() -> String {
        let nameWidth = max(8, results.map(\.name.count).max() ?? 0)
        var lines = [pad("SCENARIO", nameWidth) + "  VERDICT  STEPS  TIME"]
        for result in results {
            let passed = result.steps.filter { $0.status == .passed }.count
            let verdict = result.verdict == .pass ? "pass" : result.verdict.rawValue.uppercased()
            lines.append(
                pad(result.name, nameWidth) + "  " + pad(verdict, 7) + "  "
                    + pad("\(passed)/\(result.steps.count)", 5)
                    + "  \(Int(result.durationMs.rounded())) ms")
        }
        let reasons = results.compactMap { result in result.reason.map { "\(result.name): \($0)" } }
        if !reasons.isEmpty { lines += [""] + reasons }
        var totals =
            "\(count(.pass)) passed, \(count(.fail)) failed, \(count(.error)) errors in \(Int(durationMs.rounded())) ms"
        if let seed { totals += " (seed \(seed))" }
        lines += ["", totals]
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
