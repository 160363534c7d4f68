public import AtlasJSON

extension Incident {
    /// Writes the record as getPageList prints it: compact JSON, keys in UTF-8 byte order (the order
    /// below must stay so), the schema's fields plus the official sample's extras `subOrderNo`,
    /// `extraInfo`, `clientCode`, `updateIme` (sic) and `confirmUsr` (sic). Returns the byte offset
    /// after each value, which ``IncidentRecordLayout`` uses to keep the values only.
    @discardableResult
    func writeRecord(into writer: inout JSONWriter, timeFormat: IncidentTimeFormat) -> [Int] {
        var valueEnds: [Int] = []
        valueEnds.reserveCapacity(IncidentRecordLayout.keys.count)
        func mark() { valueEnds.append(writer.bytes.count) }
        writer.beginObject()
        writer.key("airline")
        writer.string(airline)
        mark()
        writer.key("clientCode")
        writer.string(clientCode)
        mark()
        writer.key("confirmTime")
        writer.string(orNull: confirmTime.map(timeFormat.text))
        mark()
        writer.key("confirmUsr")
        writer.string(orNull: confirmUser)
        mark()
        writer.key("confirmedRemark")
        writer.string(orNull: confirmedRemark)
        mark()
        writer.key("confirmedResult")
        writer.string(orNull: confirmedResult)
        mark()
        writer.key("createTime")
        writer.string(timeFormat.text(createTime))
        mark()
        writer.key("depTime")
        writer.string(timeFormat.text(depTime))
        mark()
        writer.key("eventId")
        writer.string(eventId)
        mark()
        writer.key("eventStatus")
        writer.int(eventStatus)
        mark()
        writer.key("eventTime")
        writer.string(timeFormat.text(eventTime))
        mark()
        writer.key("eventType")
        writer.string(eventType)
        mark()
        writer.key("extraInfo")
        writer.string(orNull: extraInfo)
        mark()
        writer.key("notified")
        writer.int(orNull: notified)
        mark()
        writer.key("orderNo")
        writer.string(orderNo)
        mark()
        writer.key("paxEmail")
        writer.string(paxEmail)
        mark()
        writer.key("paxName")
        writer.string(paxName)
        mark()
        writer.key("pnr")
        writer.string(pnr)
        mark()
        writer.key("subOrderNo")
        writer.string(orNull: subOrderNo)
        mark()
        writer.key("updateIme")
        writer.string(orNull: updateTime.map(timeFormat.text))
        mark()
        writer.endObject()
        return valueEnds
    }

    /// The record as a JSON value (the same content getPageList prints), for admin views.
    public func record(timeFormat: IncidentTimeFormat = .schema) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            "airline": .string(airline), "clientCode": .string(clientCode),
            "confirmTime": text(confirmTime.map(timeFormat.text)), "confirmUsr": text(confirmUser),
            "confirmedRemark": text(confirmedRemark), "confirmedResult": text(confirmedResult),
            "createTime": .string(timeFormat.text(createTime)), "depTime": .string(timeFormat.text(depTime)),
            "eventId": .string(eventId), "eventStatus": .int(eventStatus),
            "eventTime": .string(timeFormat.text(eventTime)), "eventType": .string(eventType),
            "extraInfo": text(extraInfo), "notified": notified.map(JSONValue.int) ?? .null,
            "orderNo": .string(orderNo), "paxEmail": .string(paxEmail), "paxName": .string(paxName),
            "pnr": .string(pnr), "subOrderNo": text(subOrderNo),
            "updateIme": text(updateTime.map(timeFormat.text)),
        ])
    }

    /// Reads one record in the response's schema format (times `yyyy-MM-dd HH:mm:ss`), collecting issues.
    ///
    /// `createTime` defaults to `eventTime`; `clientCode` defaults to `cid` and must equal it when given,
    /// so a record cannot claim another client (with no known `cid`, `clientCode` is required). `updateTime` is accepted as a synonym of `updateIme`,
    /// `confirmUser` of `confirmUsr`.
    static func fromRecord(_ value: JSONValue, at path: JSONPath, cid: String?, issues: inout [FieldIssue])
        -> Incident?
    {
        guard var reader = FieldReader.object(value, at: path, issues: &issues) else { return nil }
        let eventId = reader.string("eventId", required: true)
        let orderNo = reader.string("orderNo", required: true)
        let subOrderNo = reader.string("subOrderNo", required: false, allowEmpty: true)
        let eventType = reader.string("eventType", required: true)
        let eventStatus = reader.int("eventStatus", required: true)
        let eventTime = reader.instant("eventTime", required: true).map {
            refine($0, withMillisecondsOf: eventId)
        }
        let createTime = reader.instant("createTime", required: false)
        let updateKey = reader.object["updateIme"] == nil ? "updateTime" : "updateIme"
        let updateTime = reader.instant(updateKey, required: false)
        let airline = reader.string("airline", required: true)
        let depTime = reader.localTime("depTime", required: true)
        let pnr = reader.string("pnr", required: true)
        let paxName = reader.string("paxName", required: true)
        let paxEmail = reader.string("paxEmail", required: true, allowEmpty: true)
        let confirmedResult = reader.string("confirmedResult", required: false, allowEmpty: true)
        let confirmedRemark = reader.string("confirmedRemark", required: false, allowEmpty: true)
        let confirmTime = reader.instant("confirmTime", required: false)
        let userKey = reader.object["confirmUsr"] == nil ? "confirmUser" : "confirmUsr"
        let confirmUser = reader.string(userKey, required: false, allowEmpty: true)
        let notified = reader.int("notified", required: false)
        let extraInfo = reader.string("extraInfo", required: false, allowEmpty: true)
        let clientCode = reader.string("clientCode", required: cid == nil) ?? cid
        if let cid, let clientCode, clientCode != cid {
            reader.fail(
                "clientCode",
                "expected \(JSONValue.string(cid).quotedForMessage) (this client's cid), "
                    + "got \(JSONValue.string(clientCode).quotedForMessage)")
        }
        issues += reader.issues
        guard reader.issues.isEmpty, let eventId, let orderNo, let eventType, let eventStatus, let eventTime,
            let airline, let depTime, let pnr, let paxName, let paxEmail, let clientCode
        else { return nil }
        let incident = Incident(
            eventId: eventId, orderNo: orderNo, subOrderNo: subOrderNo, eventType: eventType,
            eventStatus: eventStatus, eventTime: eventTime, createTime: createTime ?? eventTime,
            updateTime: updateTime, airline: airline, depTime: depTime, pnr: pnr, paxName: paxName,
            paxEmail: paxEmail, confirmedResult: confirmedResult, confirmedRemark: confirmedRemark,
            confirmTime: confirmTime, confirmUser: confirmUser, notified: notified, extraInfo: extraInfo,
            clientCode: clientCode)
        guard IncidentRecordLayout.encode(incident, timeFormat: .sample) != nil else {
            issues.append(FieldIssue(path: path, problem: "record larger than 65,535 bytes once encoded"))
            return nil
        }
        return incident
    }

    /// Records print `eventTime` to the second, but an Atlas `eventId` starts with the same time to the
    /// millisecond (§6); when it does, the milliseconds are taken from it so ordering and round trips
    /// stay exact.
    static func refine(_ eventTime: AtlasInstant, withMillisecondsOf eventId: String?) -> AtlasInstant {
        guard let eventId else { return eventTime }
        let prefix = Array(eventId.utf8.prefix(17))
        let seconds = Array(AtlasTime.formatCompact(eventTime).utf8.prefix(14))
        guard prefix.count == 17, Array(prefix[0..<14]) == seconds,
            prefix[14...].allSatisfy({ (0x30...0x39).contains($0) })
        else { return eventTime }
        let millis = prefix[14...].reduce(0) { $0 * 10 + Int64($1 - 0x30) }
        return AtlasInstant(millisecondsSinceEpoch: eventTime.millisecondsSinceEpoch + millis)
    }
}
