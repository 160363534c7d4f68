import AtlasJSON
import FoundationEssentials
import Testing

@testable import AtlasSandbox

/// A hand-run benchmark of `handle()` for getPageList, with no thresholds (timings vary by machine).
///
/// Run: `ATLAS_SANDBOX_BENCH=1 swift test -c release -Xswiftc -enable-testing --scratch-path .build-sandbox
/// --filter SandboxBenchmark`. It prints µs per call (mean and p50) per query shape at 10,000 and 100,000
/// incidents, and resident memory per incident.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["ATLAS_SANDBOX_BENCH"] != nil))
struct SandboxBenchmark {
    static let queries = [
        ("type+status", #"{"pageSize":20,"eventType":"order.schedulechange","eventStatus":[0]}"#),
        (
            "airline+window",
            #"{"pageSize":20,"airline":"VJ","eventTimeStart":"2026-10-01 00:00:00","eventTimeEnd":"2026-11-01 00:00:00"}"#
        ),
        ("status+paxName", #"{"pageSize":20,"eventStatus":[0],"paxName":"tan"}"#),
        ("orderNo+airline", #"{"pageSize":20,"orderNo":"ORDER","airline":"AIRLINE"}"#),
        ("deep page", #"{"pageSize":20,"pageIndex":400,"eventStatus":[0,1]}"#),
        (
            "depTime+status",
            #"{"pageSize":20,"depTimeStart":"2026-12-01 00:00:00","depTimeEnd":"2026-12-15 00:00:00","eventStatus":0}"#
        ),
    ]

    static func residentBytes() -> Int {
        guard let data = try? Data(contentsOf: URL(filePath: "/proc/self/statm")) else { return 0 }
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 : 0
    }

    @Test(arguments: [10_000, 100_000])
    func getPageList_microsecondsPerCall(count: Int) throws {
        let before = Self.residentBytes()
        var random = SeededRandom(seed: 9)
        let incidents = IncidentGenerator.make(
            count: count, clientCode: "TAC00001", random: &random, around: TestSupport.now)
        let sandbox = TestSupport.sandbox(incidents: ["sandbox": incidents])
        let orderNo = incidents[count / 2].orderNo
        let airline = incidents[count / 2].airline
        let afterLoad = Self.residentBytes()
        print(
            "\(count) incidents: RSS +\((afterLoad - before) / 1024) KiB incl. generator input; store ≈ \(sandbox.statistics.approximateIncidentBytes / count) B/incident"
        )
        for (name, body) in Self.queries {
            let filled = body.split(separator: "ORDER", omittingEmptySubsequences: false).joined(
                separator: orderNo
            )
            .split(separator: "AIRLINE", omittingEmptySubsequences: false).joined(separator: airline)
            // Cached: the same filters again (the paging case). Cold: 16 filter variants that differ only
            // in a far-future time bound, so every call misses the 8-entry match cache.
            let cached = [TestSupport.getPageList(filled)]
            let bound = filled.contains("eventTimeEnd") ? "depTimeEnd" : "eventTimeEnd"
            let cold = (10..<26).map { second in
                TestSupport.getPageList(
                    String(filled.dropLast()) + #","\#(bound)":"2099-01-01 00:00:\#(second)"}"#)
            }
            for (label, calls) in [("cached", cached), ("cold", cold)] {
                print(
                    "  \(name) [\(label)]: "
                        + Self.measure(sandbox, calls, iterations: count >= 100_000 ? 2_000 : 20_000))
            }
        }
        withExtendedLifetime(incidents) {}
    }

    @Test func a_memory_perIncident_at100k() {
        let before = Self.residentBytes()
        let sandbox = TestSupport.sandbox {
            $0.generatedIncidents = ["sandbox": 100_000]
            $0.generatorSeed = 9
        }
        _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":20}"#))
        let after = Self.residentBytes()
        print(
            "100000 generated incidents: RSS \(after / 1_048_576) MiB total, +\((after - before) / 100_000) B/incident; "
                + "store ≈ \(sandbox.statistics.approximateIncidentBytes / 100_000) B/incident")
    }

    static func measure(_ sandbox: Sandbox, _ calls: [AtlasCall], iterations: Int) -> String {
        for call in calls { _ = sandbox.handle(call) }
        let clock = ContinuousClock()
        var samples: [Duration] = []
        samples.reserveCapacity(iterations)
        for iteration in 0..<iterations {
            let call = calls[iteration % calls.count]
            let start = clock.now
            let reply = sandbox.handle(call)
            samples.append(clock.now - start)
            precondition(reply.bodyStatus == 0)
        }
        samples.sort()
        let mean = samples.reduce(Duration.zero, +) / iterations
        let total = (try? JSONValue.parse(sandbox.handle(calls[0]).body))?["total"]?.stringValue ?? "?"
        return "mean \(micros(mean)) µs, p50 \(micros(samples[iterations / 2])) µs, "
            + "p99 \(micros(samples[iterations * 99 / 100])) µs, total \(total)"
    }

    static func micros(_ duration: Duration) -> String {
        let value = Double(duration.components.attoseconds) / 1e12 + Double(duration.components.seconds) * 1e6
        return String(Int(value * 10) / 10) + "." + String(Int(value * 10) % 10)
    }
}
