import AtlasJSON
import AtlasSandbox
import Webhooks

/// A desk wired to a test sandbox and a real transport, for end-to-end tests against `TestReceiver`.
struct DeskHarness {
    let sandbox: TestSandbox
    let desk: WebhookDesk
    let book: OrderBook

    init(
        configuration: DispatcherConfiguration = DispatcherConfiguration(attemptTimeout: .seconds(5)),
        transport: any WebhookTransport = SchemeRoutedTransport.standard()
    ) {
        sandbox = TestSandbox()
        book = OrderBook(fixtures: Fixture.orders())
        desk = WebhookDesk(
            configuration: configuration, recipients: sandbox, incidents: sandbox, orders: book,
            clock: AtlasClock(frozenAt: Fixture.fireTime), identifiers: IdentifierGenerator(seed: 1),
            transport: transport)
    }

    /// Fires an EVENT REQUEST written as JSON text and returns the FIRE RESPONSE.
    func fire(_ text: String) async throws -> JSONValue {
        try await desk.fire(try JSONValue.parse(text))
    }
}
