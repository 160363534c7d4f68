public import AtlasJSON

/// Where incidents fired as webhooks are filed, so `event/getPageList.do` returns what was fired.
///
/// `Sandbox` files them in the client's incident store (see `Sandbox+Webhooks.swift`); tests can
/// keep a list.
public protocol IncidentRecorder: Sendable {
    /// Files `incident` for the client and returns its getPageList record, or throws why the store
    /// refused it (capacity reached, duplicate id).
    func record(_ incident: WebhookIncident, clientId: String) throws(IncidentFilingError) -> JSONValue
    /// Sets the `notified` flag of a filed incident and returns the updated record, or nil when the
    /// incident is gone (e.g. after a reset).
    func setNotified(_ notified: Int, eventId: String, clientId: String) -> JSONValue?
}
