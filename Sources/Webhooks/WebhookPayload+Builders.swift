import AtlasJSON
public import AtlasSandbox

/// The body of every documented webhook type, field for field as reference §5 shows them.
///
/// Builders are pure: every id, time and choice comes in as an argument, so the composer decides what
/// happened and these only say how Atlas prints it.
extension WebhookPayload {
    /// `order.ticketed`: `orderStatus` 2 and one `paxTicketInfos` entry per passenger; no
    /// `notificationId`, `status` -1.
    public static func orderTicketed(cid: String, order: Order) -> WebhookPayload {
        let infos: [JSONValue] = order.passengers.map { passenger in
            .object([
                "airlinePNRs": [.string(order.pnr)], "ancillaries": [],
                "birthday": .string(passenger.birthday),
                "cardExpired": .string(passenger.cardExpired),
                "cardIssuePlace": .string(passenger.cardIssuePlace),
                "cardNum": .string(passenger.cardNum), "cardType": .string(passenger.cardType),
                "gender": .string(passenger.gender), "name": .string(passenger.name),
                "nationality": .string(passenger.nationality), "passengerType": .int(passenger.type.rawValue),
                "ticketNos": .array(passenger.ticketNos.map(JSONValue.string)),
            ])
        }
        let data: JSONValue = [
            "orderNo": .string(order.orderNo), "orderStatus": 2, "paxTicketInfos": .array(infos),
        ]
        return WebhookPayload(
            type: .orderTicketed, cid: cid, notificationId: nil, orderNo: order.orderNo, data: data)
    }

    /// `order.schedulechange`: `scheduleChangeType` 1 (change) or 2 (cancellation, `revisedSegs` empty);
    /// `previousSegs` before this change, `revisedSegs` after it, `originalSegs` as ticketed.
    public static func orderScheduleChange(
        cid: String, notificationId: String, orderNo: String, scheduleChangeType: Int,
        previous: [FlightSegment], revised: [FlightSegment], original: [FlightSegment]
    ) -> WebhookPayload {
        let data: JSONValue = [
            "orderNo": .string(orderNo), "scheduleChangeType": .int(scheduleChangeType),
            "previousSegs": .array(previous.map { $0.json() }),
            "revisedSegs": .array(revised.map { $0.json() }),
            "originalSegs": .array(original.map { $0.json() }),
        ]
        return WebhookPayload(
            type: .orderScheduleChange, cid: cid, notificationId: notificationId, orderNo: orderNo, data: data
        )
    }

    /// `email.schedulechange`: the subject, the ATRIP email-detail link and the receiving time
    /// (`yyyy-MM-dd HH:mm:ss`, UTC+08:00).
    public static func emailScheduleChange(
        cid: String, notificationId: String, orderNo: String, subject: String, emailId: String,
        receivedAt: AtlasInstant
    ) -> WebhookPayload {
        let data: JSONValue = [
            "orderNo": .string(orderNo), "emailSubject": .string(subject),
            "emailLink": .string(emailDetailLink(emailId: emailId)),
            "emailReceivingDate": .string(AtlasTime.format(receivedAt)),
        ]
        return WebhookPayload(
            type: .emailScheduleChange, cid: cid, notificationId: notificationId, orderNo: orderNo, data: data
        )
    }

    /// The ATRIP page showing a captured email: `https://theatlas/#/email-detail/<id>`.
    public static func emailDetailLink(emailId: String) -> String {
        "https://theatlas/#/email-detail/" + emailId
    }

    /// `abnormal.cancelled`: `vendorRefundInformation` `FULLY` or `CANCELLED`.
    public static func abnormalCancelled(
        cid: String, notificationId: String, orderNo: String, vendorRefundInformation: String
    ) -> WebhookPayload {
        let data: JSONValue = [
            "orderNo": .string(orderNo), "vendorRefundInformation": .string(vendorRefundInformation),
        ]
        return WebhookPayload(
            type: .abnormalCancelled, cid: cid, notificationId: notificationId, orderNo: orderNo, data: data)
    }

    /// `order.void`: the case number, the status 0…6 and the message; no `notificationId`, `status` -1.
    public static func orderVoid(
        cid: String, orderNo: String, voidCode: String, voidStatus: VoidStatus, message: String
    ) -> WebhookPayload {
        let data: JSONValue = [
            "orderNo": .string(orderNo), "voidCode": .string(voidCode),
            "voidStatus": .int(voidStatus.rawValue),
            "message": .string(message),
        ]
        return WebhookPayload(type: .orderVoid, cid: cid, notificationId: nil, orderNo: orderNo, data: data)
    }

    /// `airline.status`: airline codes and `Active`, `Maintenance` or `Inactive`; no `cid`, no
    /// `notificationId`, `status` -1.
    public static func airlineStatus(airlines: [String], status: String) -> WebhookPayload {
        let data: JSONValue = [
            "airline": .array(airlines.map(JSONValue.string)), "airlineStatus": .string(status),
        ]
        return WebhookPayload(type: .airlineStatus, cid: nil, notificationId: nil, orderNo: nil, data: data)
    }

    /// `email.all`: the captured email with both timestamps in UTC+08:00; `notificationId`, `status` -1.
    public static func emailAll(cid: String, notificationId: String, email: CapturedEmail) -> WebhookPayload {
        let data: JSONValue = [
            "orderNo": .string(email.orderNo), "uniqueCode": .string(email.uniqueCode),
            "emailCategory": .string(email.category), "from": .string(email.from), "to": .string(email.to),
            "emailSubject": .string(email.subject), "emailLink": .string(email.link),
            "emailReceivingDate": .string(AtlasTime.format(email.receivedAt)),
            "createTime": .string(AtlasTime.format(email.createdAt)),
        ]
        return WebhookPayload(
            type: .emailAll, cid: cid, notificationId: notificationId, orderNo: email.orderNo, data: data)
    }

    /// Legacy `order.cancelled`: `orderStatus` -3 with the ticketing error code and message; `status` -1.
    public static func orderCancelled(cid: String, orderNo: String, errorCode: String, errorMessage: String)
        -> WebhookPayload
    {
        let data: JSONValue = [
            "orderNo": .string(orderNo), "orderStatus": -3, "errorCode": .string(errorCode),
            "errorMessage": .string(errorMessage),
        ]
        return WebhookPayload(
            type: .orderCancelled, cid: cid, notificationId: nil, orderNo: orderNo, data: data)
    }
}
