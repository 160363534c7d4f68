public import AtlasJSON

/// The running mock as the scenario runner sees it: the admin API, and nothing that needs a socket here.
///
/// The runner never talks HTTP itself, so one code path serves in-process runs, `--server URL` runs and
/// the in-memory fakes the tests use.
public protocol ScenarioDriver: Sendable {
    /// Clears server state before a scenario (`POST /__admin/reset`, with the seed the driver was given).
    func reset() async throws(ScenarioDriverError)
    /// Registers `url` as the webhook URL of `clientId` (`POST /__admin/registrations`).
    func register(clientId: String, url: String) async throws(ScenarioDriverError)
    /// Fires one EVENT REQUEST (`POST /__admin/events`) and returns the FIRE RESPONSE.
    func fire(_ event: JSONValue) async throws(ScenarioDriverError) -> JSONValue
    /// DELIVERY RECORDs matching `query` (`GET /__admin/deliveries`: clientId, type, orderNo, outcome, eventId).
    func deliveries(query: [String: String]) async throws(ScenarioDriverError) -> [JSONValue]
    /// A getPageList-shaped body for `query` (`POST /__admin/incidents/query`).
    func incidents(clientId: String, query: JSONValue) async throws(ScenarioDriverError) -> JSONValue
    /// Journal entries of Atlas API calls received (`GET /__admin/requests`), oldest first.
    func requests(clientId: String?, path: String?) async throws(ScenarioDriverError) -> [JSONValue]
    /// Runs a clock command (`POST /__admin/clock`) and returns `{"now", "frozen"}`.
    func clock(_ command: JSONValue) async throws(ScenarioDriverError) -> JSONValue
}
