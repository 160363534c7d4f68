/// What the webhook desk needs to know about a client: its `cid` and its registered URL.
///
/// `Sandbox` answers these from its client records and registrations (see `Sandbox+Webhooks.swift`);
/// tests can answer them from a dictionary.
public protocol WebhookRecipients: Sendable {
    /// The client's `cid` as webhooks carry it, or nil when no such client exists.
    func cid(clientId: String) -> String?
    /// The URL the client registered with `updateWebhookURL.do` (or the admin API), or nil.
    func webhookURL(clientId: String) -> String?
}
