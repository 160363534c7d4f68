public import AtlasJSON
public import AtlasSandbox

/// The sandbox is where fired incidents land and where clients' cids and URLs live.
extension Sandbox: WebhookRecipients, IncidentRecorder {
    /// The client's `cid` from its record.
    public func cid(clientId: String) -> String? {
        client(id: clientId)?.cid
    }

    /// The URL of the client's current registration.
    public func webhookURL(clientId: String) -> String? {
        registration(clientId: clientId)?.url
    }

    /// Inserts the incident (event status 0, created and updated at the fire time) into the client's store.
    public func record(_ incident: WebhookIncident, clientId: String) throws(IncidentFilingError) -> JSONValue
    {
        let filed = Incident(
            eventId: incident.eventId, orderNo: incident.orderNo, subOrderNo: incident.subOrderNo,
            eventType: incident.eventType, eventStatus: 0, eventTime: incident.eventTime,
            createTime: incident.eventTime, updateTime: incident.eventTime, airline: incident.airline,
            depTime: incident.depTime, pnr: incident.pnr, paxName: incident.paxName,
            paxEmail: incident.paxEmail,
            notified: incident.notified, extraInfo: incident.extraInfo, clientCode: incident.clientCode)
        do {
            try insert(filed, clientId: clientId)
        } catch {
            throw IncidentFilingError(reason: error.description)
        }
        return filed.record(timeFormat: configuration.timeFormat)
    }

    /// Flips `notified` and returns the updated record.
    public func setNotified(_ notified: Int, eventId: String, clientId: String) -> JSONValue? {
        setNotified(Optional(notified), eventId: eventId, clientId: clientId)
        return incident(eventId: eventId, clientId: clientId)?.record(timeFormat: configuration.timeFormat)
    }
}
