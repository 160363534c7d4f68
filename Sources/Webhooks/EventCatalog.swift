public import AtlasJSON

/// Every event type atlas-mock can fire, for `atlas-mock list`, help texts and the README's webhook-events section.
public enum EventCatalog {
    /// All types, in documentation order.
    public static let all: [EventDescription] = [
        EventDescription(
            type: .orderTicketed, summary: "Ticketing complete: passengers, documents, tickets and PNRs.",
            effect: "Generates missing ticket numbers (13 digits for full-service carriers, the PNR for "
                + "low-cost ones) and keeps them on the order.", fields: []),
        EventDescription(
            type: .orderScheduleChange,
            summary: "Schedule change (type 1) or flight cancellation (type 2) via the API; an incident.",
            effect: "Type 1 moves one segment of the order's itinerary (the next change starts from it); "
                + "type 2 cancels the order. Files an incident (notified 0, then 1 on a 2xx).",
            fields: [
                EventField(
                    name: "scheduleChangeType", accepts: "1 | 2", defaultValue: "1",
                    summary: "1 schedule change, 2 cancellation (revisedSegs empty)"),
                EventField(
                    name: "change", accepts: "\"time\" | \"flightNumber\"", defaultValue: "\"time\"",
                    summary: "type 1 only: what changes"),
                EventField(
                    name: "segmentIndex", accepts: "integer 0…segments-1", defaultValue: "0",
                    summary: "type 1 only: which segment of the current itinerary"),
                EventField(
                    name: "shiftMinutes", accepts: "non-zero integer within ±10080", defaultValue: "90",
                    summary: "time change only: minutes added to departure and arrival"),
                EventField(
                    name: "newFlightNumber", accepts: "carrier code + 1…4 digits", defaultValue: "number + 1",
                    summary: "type 1 only: the new flight number (carrier follows its prefix)"),
            ]),
        EventDescription(
            type: .emailScheduleChange,
            summary: "An airline schedule-change email reached the booking mailbox; an incident.",
            effect: "Files an incident whose extraInfo is the email id of emailLink.",
            fields: [
                EventField(
                    name: "emailSubject", accepts: "non-empty string",
                    defaultValue: "\"IMPORTANT: Flight schedule change notice. Confirmation Code <PNR>\"",
                    summary: "the email's subject")
            ]),
        EventDescription(
            type: .abnormalCancelled,
            summary: "Unaccounted cancellation Atlas asks the customer to confirm; an incident.",
            effect: "Cancels the order and files an incident.",
            fields: [
                EventField(
                    name: "vendorRefundInformation", accepts: "\"FULLY\" | \"CANCELLED\"",
                    defaultValue: "\"FULLY\"",
                    summary: "FULLY: full refund received; CANCELLED: abnormal cancellation detected")
            ]),
        EventDescription(
            type: .orderVoid, summary: "A void case changed status.",
            effect: "Moves the order's void case along its lifecycle; 2 and 5 mark the order voided.",
            fields: [
                EventField(
                    name: "voidStatus", accepts: "integer 0…6", defaultValue: nil,
                    summary:
                        "0 Atlas Processing, 1 Airline Processing, 2 Voided / Refunded, 3 Airline Voiding, "
                        + "4 Rejected, 5 Completed, 6 Withdrew"),
                EventField(
                    name: "message", accepts: "string", defaultValue: "per status",
                    summary: "4 defaults to \"Automatic void processing failed after 10 retries.\""),
                EventField(
                    name: "voidCode", accepts: "YYYYMM-NNNN", defaultValue: "generated at status 0",
                    summary: "must match the open case after status 0"),
            ]),
        EventDescription(
            type: .airlineStatus, summary: "Airlines went online, into maintenance or offline (no cid).",
            effect: "None; orderNo is refused.",
            fields: [
                EventField(
                    name: "airline", accepts: "IATA code or non-empty array of them", defaultValue: nil,
                    summary: "the airlines concerned"),
                EventField(
                    name: "airlineStatus", accepts: "\"Active\" | \"Maintenance\" | \"Inactive\"",
                    defaultValue: nil,
                    summary: "the new status"),
            ]),
        EventDescription(
            type: .emailAll, summary: "An email captured in the booking mailbox, classified.",
            effect: "None (not an incident); carries a notificationId.",
            fields: [
                EventField(
                    name: "emailCategory", accepts: "one of the 13 documented categories",
                    defaultValue: "\"Schedule change\"", summary: "the classification"),
                EventField(
                    name: "from", accepts: "email address", defaultValue: "the airline's no-reply address",
                    summary: "sender"),
                EventField(
                    name: "to", accepts: "email address", defaultValue: "the order's contact mailbox",
                    summary: "recipient"),
                EventField(
                    name: "emailSubject", accepts: "non-empty string", defaultValue: "per category",
                    summary: "subject line"),
            ]),
        EventDescription(
            type: .orderCancelled,
            summary: "Legacy: the airline declined the pass-through card; order cancelled.",
            effect: "Cancels the order.",
            fields: [
                EventField(
                    name: "errorCode", accepts: "601…610 | 699", defaultValue: "\"604\"",
                    summary: "ticketing error code"),
                EventField(
                    name: "errorMessage", accepts: "non-empty string",
                    defaultValue: "the code's catalogue message",
                    summary: "e.g. \"Payment declined by airline\""),
            ]),
    ]

    /// The description of `type`.
    public static func description(of type: WebhookType) -> EventDescription {
        all.first { $0.type == type }!
    }

    /// `{"events": [description…]}`.
    public static func json() -> JSONValue {
        ["events": .array(all.map { $0.json() })]
    }
}
