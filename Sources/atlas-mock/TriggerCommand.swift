import AtlasJSON
import AtlasMock
import Scenarios

/// `atlas-mock trigger TYPE`: fire one webhook at a running server and show both sides of the wire.
func triggerCommand(_ arguments: [String]) async -> ExitStatus {
    let parsed: ParsedArguments
    switch parse(arguments, CommandCatalog.trigger) {
    case .success(let value): parsed = value
    case .failure(let stop): return stop.status
    }
    var trigger = EventTrigger(type: parsed.positionals[0])
    trigger.clientId = parsed.string("client") ?? trigger.clientId
    trigger.orderNo = parsed.string("order")
    trigger.fields = parsed.strings("field")
    trigger.drop = parsed.has("drop")
    trigger.wait = !parsed.has("no-wait")
    let event: JSONValue
    do {
        trigger.duplicate = try parsed.integer("duplicate", in: 1...1000)
        trigger.delayMilliseconds = try parsed.integer("delay-ms", in: 0...600_000)
        event = try trigger.eventRequest()
    } catch {
        Console.error("atlas-mock trigger: \(error)")
        return .badInput
    }
    let server = parsed.string("server") ?? "http://127.0.0.1:\(MockConfiguration.defaultPort)"
    let driver = AdminAPIDriver(baseURL: server, token: parsed.string("admin-token"))
    let response: JSONValue
    do {
        response = try await driver.fire(event)
    } catch {
        Console.error("atlas-mock trigger: \(error)")
        return error.isUnreachable ? .unreachable : .badInput
    }
    Console.out(
        "sent \(response["type"]?.stringValue ?? trigger.type) to \(response["url"]?.stringValue ?? "(no registered URL)")"
    )
    Console.out("eventId: \(response["eventId"]?.stringValue ?? "-")")
    Console.out("payload: \(response["payloadText"]?.stringValue ?? response["payload"]?.compactText ?? "")")
    for delivery in response["deliveries"]?.arrayValue ?? [] {
        let status = delivery["response"]?["status"]?.intValue.map(String.init) ?? "-"
        let error =
            delivery["error"]?["kind"]?.stringValue.map {
                " error=\($0): \(delivery["error"]?["message"]?.stringValue ?? "")"
            } ?? ""
        let latency = delivery["latencyMs"]?.doubleValue.map { " \($0) ms" } ?? ""
        Console.out(
            "attempt \(delivery["attempt"]?.intValue ?? 0): \(delivery["outcome"]?.stringValue ?? "?") HTTP \(status)\(latency)\(error)"
        )
    }
    let outcome = response["outcome"]?.stringValue ?? "unknown"
    Console.out("outcome: \(outcome)")
    if !trigger.wait || trigger.drop { return .success }
    return EventTrigger.delivered(response) ? .success : .failed
}
