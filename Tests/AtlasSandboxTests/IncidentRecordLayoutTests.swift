import AtlasJSON
import Testing

@testable import AtlasSandbox

/// The stored record form: values that repeat another field are kept as references and printed back
/// byte for byte.
@Suite struct IncidentRecordLayoutTests {
    /// Incidents whose repeatable values do and do not repeat, in both time formats.
    static let cases: [(name: String, incident: Incident)] = {
        let base = TestSupport.incident(
            "20260301100000000ABCDE", at: "2026-03-01 10:00:00", updated: "2026-03-01 10:00:00")
        var differentTimes = base
        differentTimes.createTime = TestSupport.instant("2026-02-28 09:00:00")
        differentTimes.updateTime = TestSupport.instant("2026-03-02 11:00:00")
        var unrelatedSubOrder = base
        unrelatedSubOrder.subOrderNo = "OTHER-1"
        var nullSubOrder = base
        nullSubOrder.subOrderNo = nil
        var prefixOnly = base
        prefixOnly.subOrderNo = String(base.orderNo.dropLast(2))
        var escaped = base
        escaped.orderNo = "TESTA\"Q\\"
        escaped.subOrderNo = "TESTA\"Q\\_9\u{1}"
        return [
            ("all references", base), ("different times", differentTimes),
            ("unrelated subOrderNo", unrelatedSubOrder), ("null subOrderNo", nullSubOrder),
            ("subOrderNo shorter than orderNo", prefixOnly), ("escaped orderNo", escaped),
        ]
    }()

    @Test(arguments: cases.indices, IncidentTimeFormat.allCases)
    func printed_equalsTheRecordTree(index: Int, format: IncidentTimeFormat) throws {
        let incident = Self.cases[index].incident
        let stored = try #require(IncidentRecordLayout.encode(incident, timeFormat: format))
        let printed = stored.withUnsafeBufferPointer { IncidentRecordLayout.printed($0, 0) }
        #expect(printed == incident.record(timeFormat: format).serialized(), "\(Self.cases[index].name)")
        let length = stored.withUnsafeBufferPointer { IncidentRecordLayout.printedLength($0, 0) }
        #expect(length == printed.count)
    }

    @Test func repeatedValues_areStoredAsReferences() throws {
        let incident = Self.cases[0].incident
        let stored = try #require(IncidentRecordLayout.encode(incident, timeFormat: .schema))
        let printed = stored.withUnsafeBufferPointer { IncidentRecordLayout.printed($0, 0) }
        // eventTime and updateIme (21 bytes each) and subOrderNo (26) shrink to 2, 2 and 5 bytes.
        #expect(
            printed.count - IncidentRecordLayout.keyByteCount
                - (stored.count - IncidentRecordLayout.headerSize) == 59)
    }

    @Test func storeReadsReferencedValuesBack() throws {
        var store = IncidentStore(timeFormat: .schema)
        let incident = Self.cases[0].incident
        try store.append(incident)
        store.prepareForQuery()
        #expect(store.incident(eventId: incident.eventId) == incident)
    }
}
