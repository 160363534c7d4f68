import AtlasJSON

/// One client's incidents: compact rows, their stored records, and the query indexes.
///
/// Rows `0..<sortedCount` are in rank order (`eventTime`, then `eventId`, ascending) and fully indexed;
/// incidents that arrive out of order go to an unsorted tail that the next query sorts in. Appending in
/// time order, the common case (webhooks fire "now"), keeps every index current in O(1).
struct IncidentStore: Sendable {
    let timeFormat: IncidentTimeFormat
    private(set) var rows: [IncidentRow] = []
    /// Parallel to `rows`: the columns residual filters scan.
    private(set) var filters: [RowFilterFields] = []
    /// Stored records (``IncidentRecordLayout``); replaced records leave garbage until compaction.
    private(set) var records: [UInt8] = []
    /// Lower-cased passenger names and emails, for substring filters.
    private(set) var paxText: [UInt8] = []
    private var garbageBytes = 0
    /// Row position by `eventId` hash, valid for sorted rows and tail alike.
    private var positionsByEventId = HashedPostings()
    /// The id map, read by queries (after `prepareForQuery` positions are ranks).
    var eventIdPostings: HashedPostings { positionsByEventId }
    private(set) var index = IncidentIndex()
    private(set) var sortedCount = 0
    private var indexIsStale = false
    /// Bumped by every change, so cached match sets know when they are stale.
    private(set) var version = 0
    var matchCache = MatchCache()

    init(timeFormat: IncidentTimeFormat) {
        self.timeFormat = timeFormat
    }

    var count: Int { rows.count }

    func contains(eventId: String) -> Bool { position(eventId: eventId) != nil }

    /// The row position of `eventId`, or nil.
    func position(eventId: String) -> Int? {
        let needle = IncidentRecordLayout.encoded(eventId)
        return records.withUnsafeBufferPointer { blobs in
            needle.withUnsafeBufferPointer { encoded in
                let hash = IncidentRecordLayout.hash(encoded, 0..<encoded.count)
                return positionsByEventId.rows(for: hash).lazy.map(Int.init).first { position in
                    Self.field(
                        IncidentRecordLayout.Field.eventId, of: rows[position].recordStart, in: blobs,
                        equals: encoded)
                }
            }
        }
    }

    /// Adds incidents whose ids are not yet stored (the caller checks); order does not matter.
    mutating func append(contentsOf incidents: [Incident]) throws(SandboxError) {
        rows.reserveCapacity(rows.count + incidents.count)
        filters.reserveCapacity(filters.count + incidents.count)
        for incident in incidents { try append(incident) }
    }

    /// Adds one incident whose id is not yet stored.
    mutating func append(_ incident: Incident) throws(SandboxError) {
        let (row, filter) = try makeRow(incident)
        version += 1
        let position = rows.count
        rows.append(row)
        filters.append(filter)
        records.withUnsafeBufferPointer { blobs in
            let range = IncidentRecordLayout.valueRange(
                blobs, row.recordStart, IncidentRecordLayout.Field.eventId)
            positionsByEventId.add(
                Int32(truncatingIfNeeded: position), for: IncidentRecordLayout.hash(blobs, range))
        }
        if sortedCount == position, !indexIsStale,
            position == 0 || !records.withUnsafeBufferPointer({ precedes(position, position - 1, in: $0) })
        {
            indexRow(at: position)
            sortedCount += 1
        }
    }

    /// The full incident for `eventId`, rebuilt from its row and stored record.
    func incident(eventId: String) -> Incident? {
        position(eventId: eventId).flatMap(incident(at:))
    }

    func incident(at position: Int) -> Incident? {
        let row = rows[position]
        return records.withUnsafeBufferPointer { blobs -> Incident? in
            func value(_ key: String) -> JSONValue? {
                guard let field = IncidentRecordLayout.keys.firstIndex(of: key) else { return nil }
                return try? JSONValue.parse(IncidentRecordLayout.value(blobs, row.recordStart, field))
            }
            func text(_ key: String) -> String? { value(key)?.stringValue }
            guard let eventId = text("eventId"), let orderNo = text("orderNo"),
                let eventType = text("eventType"),
                let airline = text("airline"), let pnr = text("pnr"), let paxName = text("paxName"),
                let paxEmail = text("paxEmail"), let clientCode = text("clientCode"),
                let eventTime = row.eventTime.storedInstant, let createTime = row.createTime.storedInstant
            else { return nil }
            return Incident(
                eventId: eventId, orderNo: orderNo, subOrderNo: text("subOrderNo"), eventType: eventType,
                eventStatus: row.eventStatus, eventTime: eventTime, createTime: createTime,
                updateTime: row.updateTime.storedInstant, airline: airline,
                depTime: LocalDateTime(secondsSinceEpochNaive: filters[position].depTime), pnr: pnr,
                paxName: paxName, paxEmail: paxEmail, confirmedResult: text("confirmedResult"),
                confirmedRemark: text("confirmedRemark"), confirmTime: row.confirmTime.storedInstant,
                confirmUser: text("confirmUsr"), notified: value("notified")?.intValue,
                extraInfo: text("extraInfo"),
                clientCode: clientCode)
        }
    }

    /// The record bytes getPageList prints for the row at `position`.
    func printedRecord(at position: Int) -> [UInt8] {
        records.withUnsafeBufferPointer { IncidentRecordLayout.printed($0, rows[position].recordStart) }
    }

    /// Changes one incident in place. Its `eventId` and `eventTime` (its identity and rank) cannot change.
    /// Nil when no incident has this id.
    mutating func update(eventId: String, _ change: (inout Incident) -> Void) throws(SandboxError)
        -> Incident?
    {
        guard let position = position(eventId: eventId), let old = incident(at: position) else { return nil }
        var new = old
        change(&new)
        new.eventId = old.eventId
        new.eventTime = old.eventTime
        guard new != old else { return new }
        let oldRow = rows[position]
        let oldFilter = filters[position]
        let oldLength = records.withUnsafeBufferPointer {
            IncidentRecordLayout.storedLength($0, oldRow.recordStart)
        }
        (rows[position], filters[position]) = try makeRow(new)
        version += 1
        garbageBytes += oldLength + Int(oldFilter.paxNameCount) + Int(oldFilter.paxEmailCount)
        let indexedFieldsChanged =
            new.orderNo != old.orderNo || new.pnr != old.pnr || new.eventStatus != old.eventStatus
            || new.eventType != old.eventType || new.airline != old.airline
        if indexedFieldsChanged && position < sortedCount { indexIsStale = true }
        return new
    }

    /// Sorts the tail in and rebuilds indexes if anything changed since the last query.
    mutating func prepareForQuery() {
        guard sortedCount < rows.count || indexIsStale else { return }
        version += 1
        if garbageBytes > records.count / 2 { compact() }
        let order = records.withUnsafeBufferPointer { blobs in
            rows.indices.sorted { precedes($0, $1, in: blobs) }
        }
        rows = order.map { rows[$0] }
        filters = order.map { filters[$0] }
        positionsByEventId.removeAll()
        index.removeAllRanks()
        for position in rows.indices {
            records.withUnsafeBufferPointer { blobs in
                let range = IncidentRecordLayout.valueRange(
                    blobs, rows[position].recordStart, IncidentRecordLayout.Field.eventId)
                positionsByEventId.add(
                    Int32(truncatingIfNeeded: position), for: IncidentRecordLayout.hash(blobs, range))
            }
            indexRow(at: position)
        }
        sortedCount = rows.count
        indexIsStale = false
    }

    private mutating func indexRow(at rank: Int) {
        let start = rows[rank].recordStart
        let (orderNoHash, pnrHash) = records.withUnsafeBufferPointer { blobs in
            (
                IncidentRecordLayout.hash(
                    blobs, IncidentRecordLayout.valueRange(blobs, start, IncidentRecordLayout.Field.orderNo)),
                IncidentRecordLayout.hash(
                    blobs, IncidentRecordLayout.valueRange(blobs, start, IncidentRecordLayout.Field.pnr))
            )
        }
        index.add(rows[rank], rank: rank, orderNoHash: orderNoHash, pnrHash: pnrHash)
    }

    /// Rank order: `eventTime`, then `eventId` by UTF-8 bytes.
    func precedes(_ left: Int, _ right: Int, in blobs: UnsafeBufferPointer<UInt8>) -> Bool {
        if rows[left].eventTime != rows[right].eventTime {
            return rows[left].eventTime < rows[right].eventTime
        }
        let field = IncidentRecordLayout.Field.eventId
        let leftRange = IncidentRecordLayout.valueRange(blobs, rows[left].recordStart, field)
        let rightRange = IncidentRecordLayout.valueRange(blobs, rows[right].recordStart, field)
        let leftBytes = blobs[leftRange]
        let rightBytes = blobs[rightRange]
        // Escapes (`\"`, `\\`, `\u0001`) do not sort like the characters they stand for: decode those.
        if leftBytes.contains(0x5C) || rightBytes.contains(0x5C) {
            let leftText = (try? JSONValue.parse(Array(leftBytes)))?.stringValue ?? ""
            let rightText = (try? JSONValue.parse(Array(rightBytes)))?.stringValue ?? ""
            return leftText.utf8.lexicographicallyPrecedes(rightText.utf8)
        }
        // Compare inside the quotes, so "ab" sorts before "ab " as the strings do.
        return leftBytes.dropFirst().dropLast().lexicographicallyPrecedes(rightBytes.dropFirst().dropLast())
    }

    /// Whether a stored field's JSON value is exactly `encoded` (an encoded string).
    static func field(
        _ field: Int, of recordStart: Int, in blobs: UnsafeBufferPointer<UInt8>,
        equals encoded: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let range = IncidentRecordLayout.valueRange(blobs, recordStart, field)
        guard range.count == encoded.count else { return false }
        var offset = 0
        while offset < encoded.count && blobs[range.lowerBound + offset] == encoded[offset] { offset += 1 }
        return offset == encoded.count
    }

    /// Copies live bytes into fresh arenas, dropping the garbage replaced records left.
    private mutating func compact() {
        var newRecords: [UInt8] = []
        var newPax: [UInt8] = []
        newRecords.reserveCapacity(records.count - garbageBytes)
        for position in rows.indices {
            let row = rows[position]
            let length = records.withUnsafeBufferPointer {
                IncidentRecordLayout.storedLength($0, row.recordStart)
            }
            let recordStart = newRecords.count
            newRecords += records[row.recordStart..<row.recordStart + length]
            let filter = filters[position]
            let paxStart = newPax.count
            newPax +=
                paxText[
                    filter.paxStart..<filter.paxStart + Int(filter.paxNameCount) + Int(filter.paxEmailCount)]
            rows[position].recordStart = recordStart
            filters[position].paxStart = paxStart
        }
        records = newRecords
        paxText = newPax
        garbageBytes = 0
    }

    private mutating func makeRow(_ incident: Incident) throws(SandboxError) -> (IncidentRow, RowFilterFields)
    {
        guard let blob = IncidentRecordLayout.encode(incident, timeFormat: timeFormat) else {
            throw .incidentTooLarge(incident.eventId)
        }
        let recordStart = records.count
        records += blob
        let paxStart = paxText.count
        let name = Array(incident.paxName.lowercased().utf8)
        let email = Array(incident.paxEmail.lowercased().utf8)
        paxText += name
        paxText += email
        let row = IncidentRow(
            eventTime: incident.eventTime.millisecondsSinceEpoch,
            createTime: incident.createTime.millisecondsSinceEpoch,
            updateTime: incident.updateTime.storedMilliseconds,
            confirmTime: incident.confirmTime.storedMilliseconds,
            eventStatus: incident.eventStatus, eventTypeCode: index.eventTypes.code(for: incident.eventType),
            airlineCode: index.airlines.code(for: incident.airline), recordStart: recordStart,
        )
        let filter = RowFilterFields(
            depTime: incident.depTime.secondsSinceEpochNaive,
            updateOrCreateTime: (incident.updateTime ?? incident.createTime).millisecondsSinceEpoch,
            nameSignature: BigramSignature(name), emailSignature: BigramSignature(email), paxStart: paxStart,
            paxNameCount: Int32(truncatingIfNeeded: name.count),
            paxEmailCount: Int32(truncatingIfNeeded: email.count))
        return (row, filter)
    }

    /// Approximate heap bytes held, for statistics and the memory benchmark.
    var approximateByteCount: Int {
        rows.capacity * MemoryLayout<IncidentRow>.stride + filters.capacity
            * MemoryLayout<RowFilterFields>.stride
            + records.capacity + paxText.capacity + index.approximateByteCount
            + positionsByEventId.approximateByteCount
    }
}
