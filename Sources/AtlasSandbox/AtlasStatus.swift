import AtlasJSON

/// The body `status` codes the two endpoints answer with (reference §3.1); never HTTP codes.
public enum AtlasStatus: Int, Sendable, Hashable, CaseIterable {
    /// Success.
    case success = 0
    /// A required field (`url`, `pageSize`) is missing.
    case missingRequiredData = 100
    /// Missing or wrong `x-atlas-client-id` / `x-atlas-client-secret`.
    case unauthorized = 900
    /// The body is not JSON, or a field has the wrong type or format.
    case illegalRequestData = 901
    /// An unexpected failure inside the sandbox.
    case systemError = 9999

    /// Atlas's message text for the code.
    public var message: String {
        switch self {
        case .success: "success"
        case .missingRequiredData: "Missing required request data"
        case .unauthorized: "Unauthorized access"
        case .illegalRequestData: "illegal request data"
        case .systemError: "System error"
        }
    }

    /// `{"msg":...,"status":...}`, the envelope of every error and of updateWebhookURL's success.
    func envelope(detail: String? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.beginObject()
        writer.key("msg")
        writer.string(detail.map { "\(message): \($0)" } ?? message)
        writer.key("status")
        writer.int(rawValue)
        writer.endObject()
        return writer.bytes
    }
}

/// A request the endpoint refuses with an Atlas body code; `detail` names the field at fault.
struct AtlasRequestError: Error, Sendable, Hashable {
    var status: AtlasStatus
    var detail: String?

    static func illegal(_ detail: String) -> AtlasRequestError {
        AtlasRequestError(status: .illegalRequestData, detail: detail)
    }

    static func missing(_ field: String) -> AtlasRequestError {
        AtlasRequestError(status: .missingRequiredData, detail: field)
    }
}
