import AtlasSandbox

extension EventComposer {
    /// IATA ticket prefixes of the full-service carriers in the fixtures; low-cost carriers issue the
    /// PNR as the ticket number (as the captured real `order.ticketed` shows: `ticketNos` = `["S46659"]`).
    static let ticketPrefixes = [
        "SQ": "618", "CX": "160", "MH": "232", "GA": "126", "TG": "217", "VN": "738",
    ]

    /// The address airlines send booking emails from.
    static let airlineSenders = [
        "SQ": "noreply@singaporeair.com.sg", "CX": "noreply@cathaypacific.com",
        "VJ": "noreply@vietjetair.com",
        "TR": "noreply@flyscoot.com", "AK": "noreply@airasia.com", "QZ": "noreply@airasia.com",
        "IU": "noreply@superairjet.com",
    ]

    /// Applies the event to `order` (already checked to apply) and builds its payload; the second
    /// value is the incident's `extraInfo`.
    static func apply(_ details: EventRequest.Details, to order: inout Order, _ context: Context)
        throws(EventRequestError) -> (WebhookPayload, String?)
    {
        let cid = context.cid
        let ids = context.identifiers
        switch details {
        case .orderTicketed:
            for index in order.passengers.indices where order.passengers[index].ticketNos.isEmpty {
                let number =
                    ticketPrefixes[order.airline].map { ids.ticketNumber(airlinePrefix: $0) } ?? order.pnr
                order.passengers[index].ticketNos = [number]
            }
            return (.orderTicketed(cid: cid, order: order), nil)
        case .orderScheduleChange(let change):
            let previous = order.segments
            var revised = previous
            let changeType: Int
            switch change {
            case .time(let index, let minutes, let newNumber):
                revised[index].depTime = revised[index].depTime.adding(seconds: Int64(minutes) * 60)
                revised[index].arrTime = revised[index].arrTime.adding(seconds: Int64(minutes) * 60)
                if let newNumber { renumber(&revised[index], to: newNumber) }
                changeType = 1
            case .flightNumber(let index, let newNumber):
                renumber(&revised[index], to: newNumber ?? nextFlightNumber(after: revised[index]))
                changeType = 1
            case .cancellation:
                revised = []
                changeType = 2
            }
            if changeType == 2 { order.cancel() } else { order.applyScheduleChange(revised: revised) }
            let payload = WebhookPayload.orderScheduleChange(
                cid: cid, notificationId: context.eventId, orderNo: order.orderNo,
                scheduleChangeType: changeType,
                previous: previous, revised: revised, original: order.originalSegments)
            return (payload, nil)
        case .emailScheduleChange(let subject):
            let emailId = ids.next { String(Int.random(in: 1_000_000...9_999_999, using: &$0)) }
            let payload = WebhookPayload.emailScheduleChange(
                cid: cid, notificationId: context.eventId, orderNo: order.orderNo,
                subject: subject
                    ?? "IMPORTANT: Flight schedule change notice. Confirmation Code \(order.pnr)",
                emailId: emailId, receivedAt: context.now.adding(milliseconds: -4_000))
            return (payload, emailId)
        case .abnormalCancelled(let information):
            order.cancel()
            let payload = WebhookPayload.abnormalCancelled(
                cid: cid, notificationId: context.eventId, orderNo: order.orderNo,
                vendorRefundInformation: information)
            return (payload, nil)
        case .orderVoid(let status, let message, let voidCode):
            let text = message ?? status.defaultMessage
            if status == .atlasProcessing {
                order.voidCase = VoidCase(voidCode: voidCode ?? ids.voidCode(at: context.now), message: text)
            } else {
                _ = order.voidCase!.advance(to: status, message: text)
                if status == .voided || status == .completed { order.status = .voided }
            }
            let payload = WebhookPayload.orderVoid(
                cid: cid, orderNo: order.orderNo, voidCode: order.voidCase!.voidCode, voidStatus: status,
                message: text)
            return (payload, nil)
        case .emailAll(let category, let from, let to, let subject):
            let code = ids.next { $0.string(of: 32, from: "0123456789abcdef") }
            let created = context.now.adding(milliseconds: -4_000)
            let received = context.now.adding(milliseconds: -9_000)
            let month = AtlasTime.formatCompact(created)
            let expires = created.millisecondsSinceEpoch / 1000 + 600
            let email = CapturedEmail(
                orderNo: order.orderNo, uniqueCode: code, category: category,
                from: from ?? airlineSenders[order.airline]
                    ?? "noreply@\(order.airline.lowercased())-airline.example",
                to: to ?? order.contactEmail,
                subject: subject ?? defaultSubject(category: category, pnr: order.pnr),
                link:
                    "http://order-oss-sg.oss-ap-southeast-1.aliyuncs.com/\(month.prefix(4))/\(month.dropFirst(4).prefix(2))/"
                    + "\(code).eml?Expires=\(expires)",
                receivedAt: received, createdAt: created)
            return (.emailAll(cid: cid, notificationId: context.eventId, email: email), nil)
        case .orderCancelled(let code, let message):
            order.cancel()
            return (
                .orderCancelled(cid: cid, orderNo: order.orderNo, errorCode: code, errorMessage: message), nil
            )
        case .airlineStatus(let airlines, let status):
            // Not about an order; compose() answers it before reaching here.
            return (.airlineStatus(airlines: airlines, status: status), nil)
        }
    }

    /// Gives the segment a new flight number; the carrier follows the number's prefix.
    private static func renumber(_ segment: inout FlightSegment, to flightNumber: String) {
        segment.flightNumber = flightNumber
        segment.carrier = String(flightNumber.prefix(2))
    }

    /// The carrier's next flight number: `VJ877` → `VJ878` (`9999` wraps to `1`).
    static func nextFlightNumber(after segment: FlightSegment) -> String {
        let number = Int(segment.flightNumber.dropFirst(2)) ?? 0
        return segment.carrier + String(number % 9999 + 1)
    }

    /// A subject line typical of the category.
    static func defaultSubject(category: String, pnr: String) -> String {
        switch category {
        case "Schedule change": "IMPORTANT: Your flight schedule has changed. Booking reference \(pnr)"
        case "Receipt": "Your receipt for booking \(pnr)"
        case "Payment Success": "Payment received. Booking reference: \(pnr)"
        case "Verification": "Please verify your email address"
        case "Trip Reminder": "Your trip is coming up. Booking reference \(pnr)"
        case "Promo code": "Your promo code for your next trip"
        case "Travel Itinerary": "Your travel itinerary. Booking reference \(pnr)"
        case "Advertisement": "Fly more for less: this week's deals"
        case "PNR Cancellation Success": "Your booking \(pnr) has been cancelled"
        case "Payment Due": "Payment due for booking \(pnr)"
        case "Duplicated Schedule Change":
            "REMINDER: Your flight schedule has changed. Booking reference \(pnr)"
        case "Unaccounted Cancellation": "Your flight has been cancelled. Booking reference \(pnr)"
        default: "Booking reference \(pnr)"
        }
    }
}
